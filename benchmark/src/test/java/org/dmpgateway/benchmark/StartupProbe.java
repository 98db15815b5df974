package org.dmpgateway.benchmark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Requests sent in a loop from the moment the server process is launched until it reports UP: an
 * ITI-18, an ITI-41 (when its patient exists), a FHIR read and an actuator read. Until it is ready
 * the server must answer 503 in each endpoint's format, never 404 and never an empty 200; an
 * ITI-41 it answered Success is kept for the durability check.
 */
final class StartupProbe {
    private final Http http;
    private final Synthesizer.Patient patient;
    private final boolean submit;
    private final List<SubmissionLoad.Attempt> submissions = Collections.synchronizedList(new ArrayList<>());
    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger unavailable = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Thread thread;

    private StartupProbe(Http http, Synthesizer.Patient patient, boolean submit) {
        this.http = http;
        this.patient = patient;
        this.submit = submit;
        this.thread = new Thread(this::loop, "startup-probe");
        this.thread.setDaemon(true);
    }

    /** @param submit whether the patient exists already (a Success is then expected once ready) */
    static StartupProbe start(Http http, Synthesizer.Patient patient, boolean submit) {
        StartupProbe probe = new StartupProbe(http, patient, submit);
        probe.thread.start();
        return probe;
    }

    private void loop() {
        Synthesizer synth = new Synthesizer(System.nanoTime());
        while (!stop.get()) {
            try {
                Soap.Message q = Soap.findDocuments(http.url("/services/iti18"), patient.ins());
                check("ITI-18", http.post("/services/iti18", q.contentType(), q.body()), "application/soap+xml");
                check("GET /fhir/metadata", http.get("/fhir/metadata"), "application/fhir+json");
                check("GET /actuator/info", http.get("/actuator/info"), "application/json");
            } catch (IOException e) {
                SubmissionLoad.sleepQuietly(100); // not listening yet
                continue;
            } catch (InterruptedException e) {
                return;
            }
            if (submit) {
                SubmissionLoad.Outcome o = SubmissionLoad.submit(http, patient, synth, submissions);
                if (o != SubmissionLoad.Outcome.NO_ANSWER) {
                    answered.incrementAndGet();
                }
                if (o == SubmissionLoad.Outcome.ERROR || o == SubmissionLoad.Outcome.TOMCAT_400) {
                    violations.add("ITI-41 during start: " + submissions.get(submissions.size() - 1));
                }
                if (o == SubmissionLoad.Outcome.REFUSED_503) {
                    unavailable.incrementAndGet();
                }
            }
            SubmissionLoad.sleepQuietly(20);
        }
    }

    private void check(String what, Http.Response r, String unavailableType) {
        answered.incrementAndGet();
        if (r.status() == 503) {
            unavailable.incrementAndGet();
            if (!r.contentType().startsWith(unavailableType)) {
                violations.add(what + " answered 503 as " + r.contentType() + ", expected " + unavailableType);
            }
            if (unavailableType.equals("application/fhir+json") && !r.text().contains("\"OperationOutcome\"")) {
                violations.add(what + " answered 503 without an OperationOutcome: " + r.text());
            }
            if (unavailableType.startsWith("application/soap") && !r.text().contains("Fault")) {
                violations.add(what + " answered 503 without a SOAP fault: " + r.text());
            }
        } else if (r.status() == 404) {
            violations.add(what + " answered 404 during start");
        } else if (r.status() == 200 && r.body().length == 0) {
            violations.add(what + " answered 200 with an empty body");
        } else if (what.startsWith("ITI-18") && r.status() == 200 && !r.text().contains("ResponseStatusType:")) {
            violations.add(what + " answered 200 without a registry response: " + r.text());
        }
    }

    /** Stops probing (the server is ready). */
    StartupProbe stop() throws InterruptedException {
        stop.set(true);
        thread.join(150_000);
        return this;
    }

    List<String> violations() {
        return List.copyOf(violations);
    }

    List<SubmissionLoad.Attempt> submissions() {
        synchronized (submissions) {
            return List.copyOf(submissions);
        }
    }

    int unavailable() {
        return unavailable.get();
    }

    int answered() {
        return answered.get();
    }
}
