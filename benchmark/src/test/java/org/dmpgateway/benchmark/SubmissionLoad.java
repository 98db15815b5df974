package org.dmpgateway.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Concurrent ITI-41 clients of the durability test: each thread submits, in a closed loop, a new
 * submission set of one document for its own patient, and records every attempt (document, bytes
 * and what the server answered) before and after sending it, so that what was acknowledged can be
 * looked for after the server was killed.
 */
final class SubmissionLoad {
    /**
     * What the server answered. {@code TOMCAT_400} is Tomcat's own HTML "400 Bad Request", with which
     * its HTTP/1.1 processor answers a request whose request line it read in the instant its connector
     * paused (graceful stop): the request never reaches the application (docs/security.md, "Stop").
     */
    enum Outcome { PENDING, SUCCESS, REFUSED_503, TOMCAT_400, NO_ANSWER, ERROR }

    /** The title of Tomcat's error report page (ErrorReportValve) for a 400. */
    static final String TOMCAT_400_TITLE = "<title>HTTP Status 400 \u2013 Bad Request</title>";

    /** One ITI-41 as sent. */
    static final class Attempt {
        final String ins;
        final String uniqueId;
        final byte[] content;
        volatile Outcome outcome = Outcome.PENDING;
        volatile String detail = "";

        Attempt(String ins, String uniqueId, byte[] content) {
            this.ins = ins;
            this.uniqueId = uniqueId;
            this.content = content;
        }

        @Override
        public String toString() {
            return uniqueId + " (patient " + ins + "): " + outcome + (detail.isEmpty() ? "" : " " + detail);
        }
    }

    static final int DOCUMENT_BYTES = 8 * 1024;

    private final Http http;
    private final List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean stop = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();

    private SubmissionLoad(Http http) {
        this.http = http;
    }

    /** Starts one client thread per patient. */
    static SubmissionLoad start(Http http, List<Synthesizer.Patient> patients, long seed) {
        SubmissionLoad load = new SubmissionLoad(http);
        for (int i = 0; i < patients.size(); i++) {
            Synthesizer.Patient p = patients.get(i);
            Synthesizer synth = new Synthesizer(seed * 31 + i);
            Thread t = new Thread(() -> load.loop(p, synth), "iti41-client-" + i);
            t.setDaemon(true);
            load.threads.add(t);
            t.start();
        }
        return load;
    }

    private void loop(Synthesizer.Patient p, Synthesizer synth) {
        while (!stop.get()) {
            if (submit(http, p, synth, attempts) == Outcome.NO_ANSWER) {
                sleepQuietly(50);
            }
        }
    }

    /** One ITI-41 of a new one-document set for the patient, recorded in {@code into} before it is sent. */
    static Outcome submit(Http http, Synthesizer.Patient p, Synthesizer synth, List<Attempt> into) {
        Synthesizer.Document d = synth.document(false, DOCUMENT_BYTES);
        Attempt a = new Attempt(p.ins(), d.uniqueId(), d.content());
        into.add(a);
        Soap.Message m = Soap.provideAndRegister(http.url("/services/iti41"), p, synth.oid(),
                synth.submissionTime(d.creationTime()), List.of(d));
        try {
            Http.Response r = http.post("/services/iti41", m.contentType(), m.body());
            String text = r.text();
            if (r.status() == 200 && text.contains("ResponseStatusType:Success\"")) {
                a.outcome = Outcome.SUCCESS;
            } else if (r.status() == 503 && r.contentType().startsWith("application/soap+xml")
                    && text.contains("Receiver") && text.contains("Fault")) {
                a.outcome = Outcome.REFUSED_503;
            } else if (r.status() == 400 && r.contentType().startsWith("text/html") && text.contains(TOMCAT_400_TITLE)) {
                a.outcome = Outcome.TOMCAT_400;
                a.detail = "Tomcat's own 400 page";
            } else {
                a.outcome = Outcome.ERROR;
                a.detail = "HTTP " + r.status() + " " + r.contentType() + " " + Responses.failure(r.body());
            }
        } catch (IOException e) {
            a.outcome = Outcome.NO_ANSWER;
            a.detail = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            a.outcome = Outcome.NO_ANSWER;
        }
        return a.outcome;
    }

    /** Stops the clients (each finishes its request in progress) and returns every attempt. */
    List<Attempt> stop() throws InterruptedException {
        stop.set(true);
        for (Thread t : threads) {
            t.join(150_000);
        }
        synchronized (attempts) {
            return List.copyOf(attempts);
        }
    }

    static long count(List<Attempt> attempts, Outcome outcome) {
        return attempts.stream().filter(a -> a.outcome == outcome).count();
    }

    static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
