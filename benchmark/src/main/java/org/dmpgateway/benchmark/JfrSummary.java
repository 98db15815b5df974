package org.dmpgateway.benchmark;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a JFR recording of the server spends its CPU: the execution samples of the threads whose
 * name starts with a prefix (the request threads, {@code http-nio-}, by default), summed
 * <ul>
 *   <li>by layer: each sample goes to the first frame, from the top of the stack, that is not the
 *       JDK's, and that frame's library (H2, IPF validation, JAXB, CXF, the repository...);</li>
 *   <li>by method, self (top non-JDK frame) and inclusive (anywhere on the stack, once per sample).</li>
 * </ul>
 * {@code java -cp dmp-benchmark.jar -Dloader.main=org.dmpgateway.benchmark.JfrSummary
 * org.springframework.boot.loader.launch.PropertiesLauncher server.jfr [thread-prefix]}, or
 * {@code java -jar dmp-benchmark.jar --jfr-summary server.jfr [--jfr-threads http-nio-] [--jfr-stack org.dmpgateway.fhir.]}.
 */
public final class JfrSummary {
    /** Library of a class, by package prefix, first match wins. */
    private static final Map<String, String> LAYERS = new LinkedHashMap<>();

    static {
        LAYERS.put("org.h2.", "H2 database engine");
        LAYERS.put("org.postgresql.", "PostgreSQL JDBC driver");
        LAYERS.put("com.zaxxer.hikari.", "Hikari pool");
        LAYERS.put("org.springframework.jdbc.", "Spring JDBC");
        LAYERS.put("org.flywaydb.", "Flyway");
        LAYERS.put("org.openehealth.ipf.commons.ihe.xds.core.validate.", "IPF XDS validation");
        LAYERS.put("org.openehealth.ipf.commons.ihe.xds.core.transform.", "IPF ebXML <-> model transform");
        LAYERS.put("org.openehealth.ipf.commons.ihe.xds.core.metadata.", "IPF XDS model");
        LAYERS.put("org.openehealth.ipf.commons.ihe.xds.core.ebxml.", "IPF ebXML wrappers");
        LAYERS.put("org.openehealth.ipf.commons.ihe.xds.core.", "IPF XDS other");
        LAYERS.put("org.openehealth.ipf.", "IPF other");
        LAYERS.put("ca.uhn.hl7v2.", "HAPI HL7v2 (IPF's HL7 types)");
        LAYERS.put("org.glassfish.jaxb.", "JAXB");
        LAYERS.put("com.sun.xml.bind.", "JAXB");
        LAYERS.put("jakarta.xml.bind.", "JAXB");
        LAYERS.put("com.ctc.wstx.", "Woodstox XML parser/writer");
        LAYERS.put("org.codehaus.stax2.", "Woodstox XML parser/writer");
        LAYERS.put("org.apache.cxf.", "CXF SOAP stack");
        LAYERS.put("org.apache.camel.", "Camel");
        LAYERS.put("org.dmpgateway.repository.", "gateway: repository");
        LAYERS.put("org.dmpgateway.mappings.", "gateway: mappings");
        LAYERS.put("org.dmpgateway.core.", "gateway: routes (core)");
        LAYERS.put("org.dmpgateway.xds.", "gateway: XDS adapter");
        LAYERS.put("org.dmpgateway.fhir.", "gateway: FHIR server");
        LAYERS.put("org.dmpgateway.", "gateway: other");
        LAYERS.put("ca.uhn.fhir.parser.", "HAPI FHIR parser/serializer");
        LAYERS.put("ca.uhn.fhir.rest.", "HAPI FHIR REST server");
        LAYERS.put("ca.uhn.fhir.", "HAPI FHIR other");
        LAYERS.put("org.hl7.fhir.", "HAPI FHIR model (R4 structures)");
        LAYERS.put("com.nimbusds.", "Nimbus JOSE (bearer token)");
        LAYERS.put("com.fasterxml.jackson.", "Jackson");
        LAYERS.put("org.apache.catalina.", "Tomcat");
        LAYERS.put("org.apache.coyote.", "Tomcat");
        LAYERS.put("org.apache.tomcat.", "Tomcat");
        LAYERS.put("org.springframework.", "Spring");
        LAYERS.put("io.micrometer.", "Micrometer");
    }

    private JfrSummary() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: JfrSummary recording.jfr [thread-name-prefix (default http-nio-)]");
            System.exit(2);
        }
        print(Path.of(args[0]), args.length > 1 ? args[1] : "http-nio-", args.length > 2 ? args[2] : null, 25, System.out);
    }

    static void print(Path recording, String threadPrefix, int top, PrintStream out) throws IOException {
        print(recording, threadPrefix, null, top, out);
    }

    /**
     * @param stackFilter when not null, only the samples with a frame of a class whose name starts
     *                    with it (e.g. {@code org.dmpgateway.fhir.}: the FHIR requests, not the
     *                    set-up's SOAP queries recorded in the same file)
     */
    static void print(Path recording, String threadPrefix, String stackFilter, int top, PrintStream out) throws IOException {
        Map<String, Integer> layers = new HashMap<>();
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        int samples = 0;
        int all = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            all++;
            RecordedThread thread = e.getThread("sampledThread");
            String name = thread == null ? "" : String.valueOf(thread.getJavaName());
            RecordedStackTrace stack = e.getStackTrace();
            if (!name.startsWith(threadPrefix) || stack == null || (stackFilter != null && stack.getFrames().stream()
                    .noneMatch(f -> f.getMethod().getType().getName().startsWith(stackFilter)))) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = stack.getFrames();
            String layer = "JDK only";
            String selfMethod = frames.isEmpty() ? "?" : method(frames.get(0));
            for (RecordedFrame f : frames) {
                String type = f.getMethod().getType().getName();
                if (isJdk(type)) {
                    continue;
                }
                layer = layerOf(type);
                selfMethod = method(f);
                break;
            }
            layers.merge(layer, 1, Integer::sum);
            self.merge(selfMethod, 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame f : frames) {
                String m = method(f);
                if (seen.add(m)) {
                    inclusive.merge(m, 1, Integer::sum);
                }
            }
        }
        out.printf("%s: %,d execution samples, %,d on threads %s*%s%n", recording.getFileName(), all, samples, threadPrefix,
                stackFilter == null ? "" : " with a frame of " + stackFilter + "*");
        table(out, "by layer (first non-JDK frame from the top of the stack)", layers, samples, 40);
        table(out, "self, by method (first non-JDK frame)", self, samples, top);
        Map<String, Integer> ours = new HashMap<>();
        inclusive.forEach((m, n) -> {
            if (m.startsWith("org.dmpgateway.") || m.startsWith("org.openehealth.ipf.") || m.startsWith("ca.uhn.fhir.")
                    || m.startsWith("org.springframework.jdbc.") || m.startsWith("org.glassfish.jaxb.runtime.v2.runtime.MarshallerImpl")
                    || m.startsWith("org.apache.cxf.jaxb.io.DataWriterImpl") || m.startsWith("org.apache.cxf.interceptor.DocLiteralInInterceptor")) {
                ours.put(m, n);
            }
        });
        table(out, "inclusive, by method (gateway, IPF, HAPI FHIR, Spring JDBC, JAXB marshalling, CXF reading and writing)", ours,
                samples, 2 * top);
    }

    private static void table(PrintStream out, String title, Map<String, Integer> counts, int total, int top) {
        out.println();
        out.println(title + ":");
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(en -> out.printf("  %5.1f%%  %s%n", 100.0 * en.getValue() / Math.max(1, total), en.getKey()));
    }

    private static boolean isJdk(String type) {
        return type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.") || type.startsWith("javax.")
                || type.startsWith("com.sun.org.apache.");
    }

    private static String layerOf(String type) {
        for (Map.Entry<String, String> l : LAYERS.entrySet()) {
            if (type.startsWith(l.getKey())) {
                return l.getValue();
            }
        }
        int dot = type.lastIndexOf('.');
        return dot > 0 ? type.substring(0, dot) : type;
    }

    private static String method(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }
}
