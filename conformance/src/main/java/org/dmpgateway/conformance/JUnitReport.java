package org.dmpgateway.conformance;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The JUnit XML report (the Ant/Surefire schema CI servers read): one testsuite, one testcase per
 * scenario (classname = its protocol), a failure with the failed step and every mismatch.
 */
final class JUnitReport {
    private JUnitReport() {
    }

    static void write(Path file, List<ScenarioRunner.ScenarioResult> results, String baseUrl, long totalMillis, Instant started)
            throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        long failures = results.stream().filter(r -> !r.passed()).count();
        try (OutputStream out = Files.newOutputStream(file)) {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("testsuite");
            w.writeAttribute("name", "dmp-gateway-conformance");
            w.writeAttribute("tests", String.valueOf(results.size()));
            w.writeAttribute("failures", String.valueOf(failures));
            w.writeAttribute("errors", "0");
            w.writeAttribute("skipped", "0");
            w.writeAttribute("time", secs(totalMillis));
            w.writeAttribute("timestamp", started.toString());
            w.writeAttribute("hostname", baseUrl);
            for (ScenarioRunner.ScenarioResult r : results) {
                w.writeCharacters("\n  ");
                w.writeStartElement("testcase");
                w.writeAttribute("classname", "samples." + r.scenario().protocol().toLowerCase(Locale.ROOT));
                w.writeAttribute("name", r.scenario().name());
                w.writeAttribute("time", secs(r.millis()));
                if (!r.passed()) {
                    w.writeStartElement("failure");
                    w.writeAttribute("message", r.step() + ": expected " + r.expected() + ", got " + r.got());
                    w.writeAttribute("type", "ScenarioFailure");
                    w.writeCharacters(r.scenario().title() + "\nstep: " + r.step() + "\n- " + String.join("\n- ", r.mismatches()));
                    w.writeEndElement();
                }
                w.writeStartElement("system-out");
                w.writeCharacters(r.scenario().title() + "\nexpected: " + r.expected() + "\ngot: " + r.got()
                        + "\nsteps run: " + r.stepsRun() + " of " + r.scenario().steps().size());
                w.writeEndElement();
                w.writeEndElement();
            }
            w.writeCharacters("\n");
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static String secs(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }
}
