package org.dmpgateway.conformance;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the scenarios of a samples folder: every sub-folder with a {@code scenario.json}, in name
 * order. A scenario that does not follow samples/FORMAT.md is refused here, naming the file and the
 * field, before anything is sent.
 */
final class ScenarioCatalog {
    static final String SCENARIO_FILE = "scenario.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private ScenarioCatalog() {
    }

    /** Every scenario of {@code samplesDir}, in folder-name order. */
    static List<Scenario> load(Path samplesDir) {
        if (!Files.isDirectory(samplesDir)) {
            throw new IllegalArgumentException("no samples folder at " + samplesDir.toAbsolutePath());
        }
        try (Stream<Path> folders = Files.list(samplesDir)) {
            List<Scenario> scenarios = new ArrayList<>();
            for (Path folder : folders.filter(f -> Files.isRegularFile(f.resolve(SCENARIO_FILE))).sorted().toList()) {
                scenarios.add(read(folder));
            }
            return scenarios;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Scenario read(Path folder) {
        Path file = folder.resolve(SCENARIO_FILE);
        ScenarioFile f;
        try {
            f = JSON.readValue(file.toFile(), ScenarioFile.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        String where = file.toString();
        require(f.title() != null && !f.title().isBlank(), where, "title is required");
        require(Scenario.PROTOCOLS.contains(f.protocol()), where, "protocol must be one of " + Scenario.PROTOCOLS);
        require(f.steps() != null && !f.steps().isEmpty(), where, "steps: at least one step is required");
        require(f.steps().stream().filter(e -> Boolean.TRUE.equals(e.decisive())).count() <= 1, where,
                "at most one step is decisive");
        List<Scenario.Exchange> setup = f.setup() == null ? List.of() : f.setup();
        for (int i = 0; i < setup.size(); i++) {
            check(setup.get(i), folder, where + " setup[" + i + "]", false);
        }
        for (int i = 0; i < f.steps().size(); i++) {
            check(f.steps().get(i), folder, where + " steps[" + i + "]", true);
        }
        return new Scenario(folder.getFileName().toString(), folder, f.title(), f.protocol(), f.rule(),
                setup.stream().map(ScenarioCatalog::withDefaults).toList(),
                f.steps().stream().map(ScenarioCatalog::withDefaults).toList());
    }

    private static void check(Scenario.Exchange e, Path folder, String where, boolean step) {
        if (!e.isHttp()) {
            checkSmtpOrMllp(e, folder, where, step);
            return;
        }
        require(e.path() != null && e.path().startsWith("/"), where, "path is required and starts with /");
        require(e.expect() == null || (e.expect().smtpReply() == null && e.expect().ack() == null
                && e.expect().ackErrors() == null), where, "smtpReply applies to SMTP steps, ack and ackErrors to MLLP steps");
        require(e.bodyFile() == null || e.body() == null, where, "bodyFile and body are exclusive");
        require(e.bodyFile() == null || Files.isRegularFile(folder.resolve(e.bodyFile())), where,
                "bodyFile " + e.bodyFile() + " is not a file of the scenario folder");
        require(!step || e.expect() != null, where, "expect is required for a step");
        require(step || e.decisive() == null, where, "decisive applies to steps only");
        require(step || e.capture() == null, where, "capture applies to steps only");
        require(e.capture() == null || !JsonCapture.appliesTo(e.path()) || e.path().startsWith("/patient/")
                        || e.path().startsWith("/admin/"), where,
                "capture applies to SOAP steps (an XPath on the envelope) and to JSON steps of /patient and /admin "
                        + "(a JSON Pointer)");
        if (e.capture() != null) {
            e.capture().forEach((name, xpath) -> require(name.matches("[A-Za-z0-9_]+") && xpath != null && !xpath.isBlank(),
                    where, "capture: a name of letters, digits and _ and an XPath or JSON Pointer, got " + name));
        }
        String method = e.method() == null ? "POST" : e.method().toUpperCase(Locale.ROOT);
        require(List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method), where, "method " + method + " is not supported");
    }

    /** An SMTP or MLLP step: its message file, and the checks that apply to it only. */
    private static void checkSmtpOrMllp(Scenario.Exchange e, Path folder, String where, boolean step) {
        require(step, where, "smtp and mllp apply to steps only");
        require(e.smtp() == null || e.mllp() == null, where, "smtp and mllp are exclusive");
        require(e.path() == null && e.method() == null && e.headers() == null && e.body() == null && e.bodyFile() == null
                && e.capture() == null, where, "an smtp or mllp step has no path, method, headers, body, bodyFile nor capture");
        require(e.expect() != null && !e.expect().checksHttp(), where,
                "expect is required; an smtp or mllp step checks smtpReply, or ack and ackErrors, only");
        String file = e.smtp() != null ? e.smtp().messageFile() : e.mllp().messageFile();
        require(file != null && Files.isRegularFile(folder.resolve(file)), where,
                "messageFile " + file + " is not a file of the scenario folder");
        if (e.smtp() != null) {
            require(e.smtp().from() != null && e.smtp().to() != null && !e.smtp().to().isEmpty(), where,
                    "smtp: from and to (at least one recipient) are required");
            require(e.expect().smtpReply() != null && e.expect().ack() == null && e.expect().ackErrors() == null, where,
                    "an smtp step expects smtpReply (250 accepted, or the refusal's code)");
        } else {
            require(e.expect().ack() != null && e.expect().smtpReply() == null, where,
                    "an mllp step expects ack (MSA-1: AA, AE, AR) and optionally ackErrors");
        }
    }

    private static Scenario.Exchange withDefaults(Scenario.Exchange e) {
        if (!e.isHttp()) {
            String name = e.name() != null ? e.name() : e.smtp() != null ? "SMTP " + e.smtp().messageFile() : "MLLP " + e.mllp().messageFile();
            return new Scenario.Exchange(name, null, null, Map.of(), null, null, e.expect(), e.decisive(), Map.of(), e.smtp(), e.mllp());
        }
        String method = e.method() == null ? "POST" : e.method().toUpperCase(Locale.ROOT);
        return new Scenario.Exchange(e.name() == null ? method + " " + e.path() : e.name(), method, e.path(),
                e.headers() == null ? Map.of() : e.headers(), e.bodyFile(), e.body(), e.expect(), e.decisive(),
                e.capture() == null ? Map.of() : e.capture(), null, null);
    }

    private static void require(boolean ok, String where, String rule) {
        if (!ok) {
            throw new IllegalArgumentException(where + ": " + rule);
        }
    }

    /** The JSON shape of scenario.json. */
    record ScenarioFile(String title, String protocol, String rule, String description,
                        List<Scenario.Exchange> setup, List<Scenario.Exchange> steps) {
    }
}
