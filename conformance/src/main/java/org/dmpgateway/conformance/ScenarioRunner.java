package org.dmpgateway.conformance;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;

/**
 * Runs one scenario: its admin set-up, then its steps in order, each checked; stops at the first
 * step that fails (the next ones depend on it).
 */
final class ScenarioRunner {
    private final RunnerOptions options;
    private final Wire wire;
    private final SmtpStep smtp;
    private final MllpStep mllp;
    private final Clock clock;

    ScenarioRunner(RunnerOptions options, Clock clock) {
        this.options = options;
        this.wire = new Wire(options.timeout());
        this.smtp = new SmtpStep(options);
        this.mllp = new MllpStep(options);
        this.clock = clock;
    }

    /**
     * The outcome of one scenario, with the step the table shows: the failed one, else the decisive one (or the last).
     * {@code shownStep} is that step's number among the scenario's steps (from 1), 0 when no step decided (a set-up
     * call failed, no connection).
     */
    record ScenarioResult(Scenario scenario, boolean passed, String step, String expected, String got,
                          List<String> mismatches, long millis, int stepsRun, int shownStep) {
    }

    ScenarioResult run(Scenario s, Consumer<String> verbose) {
        long start = System.nanoTime();
        RunValues values = new RunValues(s.folder(), options, clock);
        Path transcript = options.out().resolve(s.name());
        int n = 0;
        try {
            checkPlaceholders(s);
            for (Scenario.Exchange setup : s.setup()) {
                n++;
                Wire.Answer a = send(s.folder(), setup, values, transcript, n, "setup");
                if (a.status() / 100 != 2) {
                    return result(s, false, "setup: " + setup.name(), "HTTP 2xx", "HTTP " + a.status(),
                            List.of("setup failed: " + setup.method() + " " + setup.path() + " answered " + a.status() + " " + a.text()), start, 0, 0);
                }
            }
            StepCheck.Result shown = null;
            Scenario.Exchange shownStep = null;
            int shownNumber = 0;
            int step = 0;
            for (Scenario.Exchange e : s.steps()) {
                n++;
                step++;
                Path stepTranscript = transcript.resolve(String.format("%02d-step-%s", n, slug(e.name())));
                if (!e.isHttp()) {
                    StepCheck.Result r = sendSmtpOrMllp(s.folder(), e, values, stepTranscript);
                    verbose.accept(String.format("    %s %-60s expected %s, got %s", r.passed() ? "ok  " : "FAIL", e.name(), r.expected(), r.got()));
                    if (!r.passed()) {
                        return result(s, false, e.name(), r.expected(), r.got(), r.mismatches(), start, step, step);
                    }
                    if (shownStep == null || !Boolean.TRUE.equals(shownStep.decisive())) {
                        shown = r;
                        shownStep = e;
                        shownNumber = step;
                    }
                    continue;
                }
                Wire.Answer a = send(s.folder(), e, values, transcript, n, "step");
                StepCheck.Result r = StepCheck.check(e.expect(), e.path(), a, text -> values.fill(text, null));
                verbose.accept(String.format("    %s %-60s expected %s, got %s", r.passed() ? "ok  " : "FAIL", e.name(), r.expected(), r.got()));
                if (!r.passed()) {
                    return result(s, false, e.name(), r.expected(), r.got(), r.mismatches(), start, step, step);
                }
                List<String> notCaptured = capture(e, a, values);
                if (!notCaptured.isEmpty()) {
                    return result(s, false, e.name(), r.expected(), r.got(), notCaptured, start, step, step);
                }
                if (shownStep == null || !Boolean.TRUE.equals(shownStep.decisive())) {
                    shown = r;
                    shownStep = e;
                    shownNumber = step;
                }
            }
            // the table shows the decisive step (marked so, or else the last one)
            return result(s, true, shownStep.name(), shown.expected(), shown.got(), List.of(), start, step, shownNumber);
        } catch (ConnectException e) {
            return result(s, false, "connect", "a server at " + options.baseUrl(), "no answer", List.of("cannot connect to " + options.baseUrl()), start, 0, 0);
        } catch (HttpTimeoutException e) {
            return result(s, false, "request " + n, "an answer", "timeout", List.of("no answer within " + options.timeout().toSeconds() + " s"), start, 0, 0);
        } catch (IOException | RuntimeException e) {
            return result(s, false, "request " + n, "", "error", List.of(String.valueOf(e.getMessage())), start, 0, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return result(s, false, "request " + n, "", "interrupted", List.of("interrupted"), start, 0, 0);
        }
    }

    private Wire.Answer send(Path folder, Scenario.Exchange e, RunValues values, Path transcript, int n, String kind) throws IOException, InterruptedException {
        values.newRequest();
        String url = options.baseUrl() + values.fill(e.path(), null);
        Map<String, String> headers = new LinkedHashMap<>();
        byte[] body = null;
        if (e.bodyFile() != null) {
            body = values.fill(Files.readString(folder.resolve(e.bodyFile()), StandardCharsets.UTF_8), url).getBytes(StandardCharsets.UTF_8);
        } else if (e.body() != null) {
            body = values.fill(e.body().toString(), url).getBytes(StandardCharsets.UTF_8);
            headers.put("Content-Type", "application/json");
        }
        if (e.isAdminCall()) {
            headers.put("Authorization", "Bearer " + options.adminToken());
        }
        for (Map.Entry<String, String> h : e.headers().entrySet()) {
            headers.put(h.getKey(), values.fill(h.getValue(), url));
        }
        return wire.send(e.method(), url, headers, body, transcript.resolve(String.format("%02d-%s-%s", n, kind, slug(e.name()))));
    }

    /** An SMTP or MLLP step: its message sent, its outcome checked (samples/FORMAT.md). */
    private StepCheck.Result sendSmtpOrMllp(Path folder, Scenario.Exchange e, RunValues values, Path transcript) throws IOException {
        values.newRequest();
        if (e.smtp() != null) {
            byte[] message = values.fill(Files.readString(folder.resolve(e.smtp().messageFile()), StandardCharsets.UTF_8), null)
                    .getBytes(StandardCharsets.UTF_8);
            SmtpStep.Reply reply = smtp.send(values.fill(e.smtp().from(), null),
                    e.smtp().to().stream().map(t -> values.fill(t, null)).toList(), message, transcript);
            return StepCheck.checkSmtp(e.expect(), reply);
        }
        MllpStep.Ack ack = mllp.send(values.fill(Files.readString(folder.resolve(e.mllp().messageFile()), StandardCharsets.UTF_8), null),
                transcript);
        return StepCheck.checkMllp(e.expect(), ack);
    }

    /** Keeps the values the step captures from its answer; the captures that found nothing. */
    private static List<String> capture(Scenario.Exchange e, Wire.Answer a, RunValues values) {
        List<String> missing = new ArrayList<>();
        if (e.capture().isEmpty()) {
            return missing;
        }
        boolean json = JsonCapture.appliesTo(e.path());
        SoapAnswer soap = json ? null : SoapAnswer.read(a);
        e.capture().forEach((name, xpath) -> {
            String expression = values.fill(xpath, null);
            String value = (json ? JsonCapture.capture(a.text(), expression) : soap.xpathString(expression)).trim();
            if (value.isEmpty()) {
                missing.add("capture " + name + ": the answer has nothing at " + xpath);
            } else {
                values.capture(name, value);
            }
        });
        return missing;
    }

    private static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return s.length() <= 48 ? s : s.substring(0, 48);
    }

    private void checkPlaceholders(Scenario s) throws IOException {
        List<Scenario.Exchange> all = new ArrayList<>(s.setup());
        all.addAll(s.steps());
        Set<String> captured = new HashSet<>();
        for (Scenario.Exchange e : all) {
            String where = s.name() + " " + e.name();
            List<String> texts = new ArrayList<>();
            if (e.path() != null) {
                texts.add(e.path());
            }
            if (e.smtp() != null) {
                texts.add(e.smtp().from());
                texts.addAll(e.smtp().to());
                texts.add(Files.readString(s.folder().resolve(e.smtp().messageFile()), StandardCharsets.UTF_8));
            }
            if (e.mllp() != null) {
                texts.add(Files.readString(s.folder().resolve(e.mllp().messageFile()), StandardCharsets.UTF_8));
            }
            texts.addAll(e.headers().values());
            if (e.body() != null) {
                texts.add(e.body().toString());
            }
            if (e.bodyFile() != null) {
                texts.add(Files.readString(s.folder().resolve(e.bodyFile()), StandardCharsets.UTF_8));
            }
            for (String text : texts) {
                RunValues.checkKnown(text, where);
                Matcher m = RunValues.PLACEHOLDER.matcher(text);
                while (m.find()) {
                    if (m.group(1).startsWith(RunValues.CAPTURED) && !captured.contains(m.group(1))) {
                        throw new IllegalArgumentException(where + ": " + m.group() + " is not captured by an earlier step");
                    }
                }
            }
            e.capture().keySet().forEach(name -> captured.add(RunValues.CAPTURED + name));
        }
    }

    private ScenarioResult result(Scenario s, boolean passed, String step, String expected, String got, List<String> mismatches,
                                  long start, int steps, int shown) {
        return new ScenarioResult(s, passed, step, expected, got, mismatches, (System.nanoTime() - start) / 1_000_000, steps,
                shown);
    }
}
