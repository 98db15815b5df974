package org.dmpgateway.benchmark;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A {@code Success} is durable (issue 13): the packaged server jar runs as a separate process on
 * a database; eight ITI-41 clients submit for a few seconds, then the server is stopped, once with
 * SIGTERM (graceful: no request may be answered an error, except Tomcat's own 400 to a request it
 * read in the instant its connector paused, which never reaches the application and must have stored
 * nothing: docs/security.md, "Stop") and once with {@code kill -9} (nothing flushed); after each stop it is started again on the same database, and every submission it
 * acknowledged must be there with its exact bytes (ITI-18 lists it, ITI-43 returns it), every other
 * wholly there or wholly absent. During each start, requests are sent before the server is ready:
 * they must be answered 503 (never 404, never an empty 200). Runs in the integration-test phase of
 * {@code mvn verify}, after the server module was packaged.
 */
abstract class DurabilityTestBase {
    static final int CLIENTS = 8;
    static final Duration LOAD = Duration.ofMillis(2_500);
    static final String ADMIN_TOKEN = "durability-test-admin-token-" + UUID.randomUUID();

    private final List<String> report = new ArrayList<>();

    private final ServerDatabase database;

    DurabilityTestBase(ServerDatabase database) {
        this.database = database;
    }

    @AfterEach
    void dropDatabase() {
        database.drop();
    }

    @Test
    void acknowledgedSubmissionsSurviveGracefulStopAndKill() throws Exception {
        Path jar = Path.of(System.getProperty("dmp.server.jar", "../server/target/dmp-gateway.jar"));
        assertTrue(Files.isRegularFile(jar), "the server jar " + jar.toAbsolutePath()
                + " must be built first (mvn verify from the root builds it before this module)");
        Path work = Path.of("target", "durability", database.label().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8));
        Files.createDirectories(work);
        String url = database.jdbcUrl(work);
        List<Synthesizer.Patient> patients = new ArrayList<>();
        Synthesizer names = new Synthesizer(42);
        for (int i = 0; i < CLIENTS; i++) {
            patients.add(names.patient(Ins.harness(7_000 + i)));
        }

        // 1. first start (nobody known yet), the patients, load, SIGTERM under load
        ServerProcess server = start(jar, work, url, 1, patients.get(0), false).server;
        Http http = new Http(server.baseUrl());
        Admin admin = new Admin(http, ADMIN_TOKEN);
        for (Synthesizer.Patient p : patients) {
            admin.activatedPatientAuthorising(p.ins(), p.family(), p.given());
        }
        SubmissionLoad load = SubmissionLoad.start(http, patients, 1);
        Thread.sleep(LOAD.toMillis());
        int exit = server.terminate(Duration.ofSeconds(90));
        List<SubmissionLoad.Attempt> graceful = load.stop();
        List<SubmissionLoad.Attempt> errors = graceful.stream().filter(a -> a.outcome == SubmissionLoad.Outcome.ERROR).toList();
        assertTrue(errors.isEmpty(), "requests answered an error during the graceful stop: " + errors);
        note("SIGTERM under load: exit status " + exit + ", " + summary(graceful));

        // 2. start again: everything acknowledged before SIGTERM is there; then load, kill -9
        Started second = start(jar, work, url, 2, patients.get(0), true);
        server = second.server;
        http = new Http(server.baseUrl());
        List<SubmissionLoad.Attempt> beforeKill = new ArrayList<>(graceful);
        beforeKill.addAll(second.probe.submissions());
        verify(http, patients, beforeKill, "after SIGTERM and restart");
        load = SubmissionLoad.start(http, patients, 2);
        Thread.sleep(LOAD.toMillis());
        server.kill();
        List<SubmissionLoad.Attempt> killed = load.stop();
        errors = killed.stream().filter(a -> a.outcome == SubmissionLoad.Outcome.ERROR
                || a.outcome == SubmissionLoad.Outcome.TOMCAT_400).toList();
        assertTrue(errors.isEmpty(), "requests answered an error before the kill: " + errors);
        note("kill -9 under load: " + summary(killed));

        // 3. start again: everything acknowledged before kill -9 is there, with its bytes
        Started third = start(jar, work, url, 3, patients.get(0), true);
        server = third.server;
        http = new Http(server.baseUrl());
        List<SubmissionLoad.Attempt> all = new ArrayList<>(beforeKill);
        all.addAll(killed);
        all.addAll(third.probe.submissions());
        verify(http, patients, all, "after kill -9 and restart");
        int exitAtEnd = server.terminate(Duration.ofSeconds(90));
        note("clean stop at the end: exit status " + exitAtEnd);
        System.out.println("Durability on " + database.label() + ":\n  " + String.join("\n  ", report));
    }

    private record Started(ServerProcess server, StartupProbe probe) {
    }

    /** Launches the server, probes it while it starts, waits until it is UP. */
    private Started start(Path jar, Path work, String url, int n, Synthesizer.Patient probePatient, boolean submit)
            throws Exception {
        List<String> args = new ArrayList<>(List.of("--dmp.admin.token=" + ADMIN_TOKEN,
                "--dmp.notifications.enabled=false", "--dmp.xds.validate-responses=true"));
        args.addAll(database.serverArguments());
        ServerProcess server = ServerProcess.launch(jar, List.of("-Xms128m", "-Xmx768m"), null, url, database.user(), database.password(),
                work.resolve("data"), work.resolve("server-" + n + ".log"), args);
        StartupProbe probe = StartupProbe.start(new Http(server.baseUrl()), probePatient, submit);
        try {
            server.awaitHealthy();
        } catch (Exception | Error e) {
            probe.stop();
            server.close();
            throw e;
        }
        probe.stop();
        assertTrue(probe.violations().isEmpty(), "start " + n + ": " + probe.violations());
        note("start " + n + ": " + probe.answered() + " probe requests answered before UP was seen, "
                + probe.unavailable() + " of them 503 in the endpoint's format, none 404 or empty 200");
        return new Started(server, probe);
    }

    /**
     * Every acknowledged submission is listed by ITI-18 and returned by ITI-43 with its exact
     * bytes; every other one is either both or neither; the patients have no other document.
     */
    private void verify(Http http, List<Synthesizer.Patient> patients, List<SubmissionLoad.Attempt> attempts, String when)
            throws Exception {
        Map<String, String> listings = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (Synthesizer.Patient p : patients) {
            Soap.Message q = Soap.findDocuments(http.url("/services/iti18"), p.ins());
            Http.Response r = http.post("/services/iti18", q.contentType(), q.body());
            Responses.requireSuccess(r, "ITI-18 " + when);
            listings.put(p.ins(), r.text());
            counts.put(p.ins(), Responses.countDocumentEntries(r.body()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<byte[]>> retrieved = new ArrayList<>();
        try {
            for (SubmissionLoad.Attempt a : attempts) {
                retrieved.add(pool.submit(() -> retrieve(http, a)));
            }
            List<String> lost = new ArrayList<>();
            List<String> partial = new ArrayList<>();
            Map<String, Integer> present = new HashMap<>();
            int acknowledged = 0;
            int found = 0;
            int otherPresent = 0;
            int otherAbsent = 0;
            for (int i = 0; i < attempts.size(); i++) {
                SubmissionLoad.Attempt a = attempts.get(i);
                byte[] bytes = retrieved.get(i).get();
                boolean listed = listings.get(a.ins).contains("\"" + a.uniqueId + "\"");
                boolean intact = bytes != null && Arrays.equals(bytes, a.content);
                if (listed) {
                    present.merge(a.ins, 1, Integer::sum);
                }
                if (a.outcome == SubmissionLoad.Outcome.SUCCESS) {
                    acknowledged++;
                    if (listed && intact) {
                        found++;
                    } else {
                        lost.add(a + " listed=" + listed + " bytes=" + (bytes == null ? "none" : bytes.length + (intact ? " equal" : " different")));
                    }
                } else if (listed && intact) {
                    otherPresent++;
                } else if (!listed && bytes == null) {
                    otherAbsent++;
                } else {
                    partial.add(a + " listed=" + listed + " bytes=" + (bytes == null ? "none" : bytes.length + (intact ? " equal" : " different")));
                }
                if (a.outcome == SubmissionLoad.Outcome.REFUSED_503 && listed) {
                    partial.add("answered 503 but stored: " + a);
                }
                if (a.outcome == SubmissionLoad.Outcome.TOMCAT_400 && (listed || bytes != null)) {
                    partial.add("answered Tomcat's 400 but stored: " + a);
                }
            }
            assertTrue(lost.isEmpty(), when + ": " + lost.size() + " of " + acknowledged
                    + " acknowledged submissions are missing or altered: " + lost);
            assertTrue(partial.isEmpty(), when + ": partial submissions: " + partial);
            for (Synthesizer.Patient p : patients) {
                assertEquals(present.getOrDefault(p.ins(), 0), counts.get(p.ins()),
                        when + ": documents of patient " + p.ins() + " that no client submitted");
            }
            assertTrue(acknowledged > 0, when + ": no submission was acknowledged, nothing was tested");
            note(when + ": " + acknowledged + " acknowledged, " + found + " found with their exact bytes; of the "
                    + (attempts.size() - acknowledged) + " not acknowledged, " + otherPresent + " wholly there, "
                    + otherAbsent + " wholly absent");
        } finally {
            pool.shutdownNow();
        }
    }

    /** The document's bytes through ITI-43, or null when the repository does not return it. */
    private static byte[] retrieve(Http http, SubmissionLoad.Attempt a) throws Exception {
        Soap.Message m = Soap.retrieve(http.url("/services/iti43"), a.ins, Catalog.REPOSITORY_UNIQUE_ID_DEFAULT, a.uniqueId);
        Http.Response r = http.post("/services/iti43", m.contentType(), m.body());
        List<byte[]> parts = Responses.mimeParts(r);
        if (r.status() == 200 && parts.size() == 2 && SubmissionLoad.utf8(parts.get(0)).contains("ResponseStatusType:Success\"")) {
            return parts.get(1);
        }
        return null;
    }

    private static String summary(List<SubmissionLoad.Attempt> attempts) {
        return attempts.size() + " ITI-41 sent: " + SubmissionLoad.count(attempts, SubmissionLoad.Outcome.SUCCESS)
                + " Success, " + SubmissionLoad.count(attempts, SubmissionLoad.Outcome.REFUSED_503) + " answered 503 (stopping), "
                + SubmissionLoad.count(attempts, SubmissionLoad.Outcome.TOMCAT_400) + " answered Tomcat's 400 (connector pausing), "
                + SubmissionLoad.count(attempts, SubmissionLoad.Outcome.NO_ANSWER) + " without an answer (connection closed or refused), "
                + SubmissionLoad.count(attempts, SubmissionLoad.Outcome.ERROR) + " errors";
    }

    private void note(String line) {
        report.add(line);
        System.out.println("[durability " + database.label() + "] " + line);
    }
}
