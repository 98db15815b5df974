package org.dmpgateway.benchmark;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.dmpgateway.repository.PostgresTestSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several stateless gateway nodes on one PostgreSQL database (docs/performance.md, "Scale past one
 * machine"): the packaged server jar started twice, as two processes on random ports, on one fresh
 * schema of the test database, each with its own notification sender polling the shared outbox.
 * <ul>
 *   <li>a submission through one node is listed (ITI-18) and returned (ITI-43) through the other;</li>
 *   <li>the same document (same uniqueId and bytes, in two submission sets) submitted at the same
 *       moment through both is stored once: one Success, the other refused
 *       XDSDuplicateUniqueIdInRegistry with nothing of it stored;</li>
 *   <li>each message of the shared notification outbox is sent once (a real SMTP server counts
 *       them) although both nodes poll it every 50 ms.</li>
 * </ul>
 * Runs in the integration-test phase of {@code mvn verify} (after the server jar is packaged) when
 * PostgreSQL answers, and always when CI=true. Bounded: two starts and a few seconds of requests.
 */
@ExtendWith(PostgresTestSchema.Available.class)
// about a minute on an idle 2-core machine (two starts, then a few seconds of requests); the bound
// is generous for a machine shared with other builds
@Timeout(value = 25, unit = TimeUnit.MINUTES)
class StatelessNodesPostgresTest {
    private static final String ADMIN_TOKEN = "nodes-test-admin-token-" + UUID.randomUUID();
    private static final String NODES_DOMAIN = "@nodes.example.org";
    private static final int MESSAGES = 60;
    private static final int DUPLICATE_ROUNDS = 5;

    private final PostgresTestSchema schema = new PostgresTestSchema("dmp_nodes_");
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void stopEverything() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        schema.drop();
    }

    @Test
    void twoNodesOnOneDatabaseShareTheRegistryAndTheOutbox() throws Exception {
        Path jar = Path.of(System.getProperty("dmp.server.jar", "../server/target/dmp-gateway.jar"));
        assertTrue(Files.isRegularFile(jar), "the server jar " + jar.toAbsolutePath()
                + " must be built first (mvn verify from the root builds it before this module)");
        Path work = Path.of("target", "nodes-" + UUID.randomUUID().toString().substring(0, 8));
        Files.createDirectories(work);
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        toClose.add(smtp::stop);
        String url = PostgresTestSchema.URL + (PostgresTestSchema.URL.contains("?") ? "&" : "?")
                + "currentSchema=" + schema.name();

        // both started at once, as a deployment's nodes are: one Flyway migrates, the other waits for
        // its lock; both load the sandbox's seed patients
        ServerProcess a = launch(jar, work, url, "a", smtp.getSmtp().getPort());
        ServerProcess b = launch(jar, work, url, "b", smtp.getSmtp().getPort());
        a.awaitHealthy();
        b.awaitHealthy();
        Http httpA = new Http(a.baseUrl());
        Http httpB = new Http(b.baseUrl());
        Synthesizer synth = new Synthesizer(19);
        Synthesizer.Patient patient = synth.patient(Ins.harness(19_001));
        // the patient and the professional's authorisation, through node A only
        new Admin(httpA, ADMIN_TOKEN).activatedPatientAuthorising(patient.ins(), patient.family(), patient.given());

        aSubmissionThroughOneNodeIsFoundThroughTheOther(httpA, httpB, synth, patient);
        theSameDocumentThroughBothNodesAtOnceIsStoredOnce(httpA, httpB, synth, patient, url);
        eachOutboxMessageIsSentOnce(smtp, url);
    }

    private void aSubmissionThroughOneNodeIsFoundThroughTheOther(Http a, Http b, Synthesizer synth,
                                                                 Synthesizer.Patient p) throws Exception {
        List<SubmissionLoad.Attempt> attempts = new ArrayList<>();
        assertEquals(SubmissionLoad.Outcome.SUCCESS, SubmissionLoad.submit(a, p, synth, attempts),
                () -> attempts.toString());
        SubmissionLoad.Attempt submitted = attempts.get(0);

        Soap.Message q = Soap.findDocuments(b.url("/services/iti18"), p.ins());
        Http.Response found = b.post("/services/iti18", q.contentType(), q.body());
        Responses.requireSuccess(found, "ITI-18 through node B");
        assertTrue(found.text().contains("\"" + submitted.uniqueId + "\""),
                "node B lists the document submitted through node A");
        assertArrayEquals(submitted.content, retrieve(b, p, submitted.uniqueId), "node B returns its bytes");
    }

    private void theSameDocumentThroughBothNodesAtOnceIsStoredOnce(Http a, Http b, Synthesizer synth,
                                                                   Synthesizer.Patient p, String url) throws Exception {
        JdbcTemplate db = jdbc(url);
        for (int round = 0; round < DUPLICATE_ROUNDS; round++) {
            // the same document (a client's retry through another node): same uniqueId, same bytes, in
            // two submission sets of their own
            Synthesizer.Document d = synth.document(false, 2048);
            String setA = synth.oid();
            String setB = synth.oid();
            Soap.Message viaA = Soap.provideAndRegister(a.url("/services/iti41"), p, setA,
                    synth.submissionTime(d.creationTime()), List.of(d));
            Soap.Message viaB = Soap.provideAndRegister(b.url("/services/iti41"), p, setB,
                    synth.submissionTime(d.creationTime()), List.of(d));

            CountDownLatch go = new CountDownLatch(1);
            CompletableFuture<Http.Response> ra = CompletableFuture.supplyAsync(() -> post(go, a, viaA));
            CompletableFuture<Http.Response> rb = CompletableFuture.supplyAsync(() -> post(go, b, viaB));
            go.countDown();
            Http.Response answerA = ra.get(60, TimeUnit.SECONDS);
            Http.Response answerB = rb.get(60, TimeUnit.SECONDS);

            boolean aWon = succeeded(answerA);
            String detail = "round " + round + ": A " + Responses.failure(answerA.body()) + " / B "
                    + Responses.failure(answerB.body());
            assertNotEquals(aWon, succeeded(answerB), "exactly one of the two must succeed, " + detail);
            Http.Response refused = aWon ? answerB : answerA;
            assertEquals(200, refused.status(), detail);
            String refusal = refused.text();
            assertTrue(refusal.contains("ResponseStatusType:Failure\""), detail);
            assertTrue(refusal.contains("errorCode=\"XDSDuplicateUniqueIdInRegistry\""), detail);
            assertTrue(refusal.contains("codeContext=\"DUPLICATE_UNIQUE_ID:"), detail);

            assertEquals(1, count(db, "SELECT COUNT(*) FROM document_entry WHERE unique_id = ?", d.uniqueId()), detail);
            assertEquals(1, count(db, "SELECT COUNT(*) FROM submission_set WHERE unique_id = ?", aWon ? setA : setB), detail);
            assertEquals(0, count(db, "SELECT COUNT(*) FROM submission_set WHERE unique_id = ?", aWon ? setB : setA),
                    "nothing of the refused submission is stored, " + detail);
            byte[] stored = retrieve(aWon ? b : a, p, d.uniqueId());
            assertArrayEquals(d.content(), stored, detail);
        }
    }

    private void eachOutboxMessageIsSentOnce(GreenMail smtp, String url) throws Exception {
        JdbcTemplate db = jdbc(url);
        long now = System.currentTimeMillis();
        for (int i = 0; i < MESSAGES; i++) {
            db.update("INSERT INTO notification_outbox (created_ms, patient_id, patient_authority, recipient, kind, "
                            + "subject, body, attempts, next_attempt_ms) VALUES (?,?,?,?,?,?,?,0,?)",
                    now, "nodes-test", "1.2.250.1.213.1.4.10", "patient" + i + NODES_DOMAIN, "DOCUMENT_ADDED",
                    "Message de test des nœuds " + i, "Un document a été ajouté à votre dossier (" + i + ").", now);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (count(db, "SELECT COUNT(*) FROM notification_outbox WHERE status = 'PENDING' AND recipient LIKE ?",
                "%" + NODES_DOMAIN) > 0) {
            assertTrue(System.nanoTime() < deadline, "the outbox was not emptied within 60 s");
            Thread.sleep(100);
        }
        Thread.sleep(1_000); // twenty more polls of each node: nothing may be sent again
        Map<String, Integer> perRecipient = new TreeMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            for (String to : recipients(m)) {
                if (to.endsWith(NODES_DOMAIN)) {
                    perRecipient.merge(to, 1, Integer::sum);
                }
            }
        }
        assertEquals(MESSAGES, perRecipient.size(), "every message arrived: " + perRecipient.keySet());
        assertTrue(perRecipient.values().stream().allMatch(n -> n == 1), "each message once: " + perRecipient);
        assertEquals(MESSAGES, count(db, "SELECT COUNT(*) FROM notification_outbox WHERE status = 'SENT' "
                + "AND attempts = 1 AND recipient LIKE ?", "%" + NODES_DOMAIN));
    }

    // ------------------------------------------------------------------ helpers

    private ServerProcess launch(Path jar, Path work, String url, String name, int smtpPort) throws Exception {
        ServerProcess server = ServerProcess.launch(jar, List.of("-Xms128m", "-Xmx512m"), null, url,
                PostgresTestSchema.USER, PostgresTestSchema.PASSWORD, work.resolve("data-" + name),
                work.resolve("server-" + name + ".log"), List.of("--dmp.admin.token=" + ADMIN_TOKEN,
                        "--spring.flyway.schemas=" + schema.name(), "--spring.flyway.create-schemas=true",
                        "--dmp.xds.validate-responses=true",
                        "--dmp.notifications.smtp.host=127.0.0.1", "--dmp.notifications.smtp.port=" + smtpPort,
                        "--dmp.notifications.poll-interval=50", "--dmp.notifications.batch-size=5"));
        toClose.add(server);
        return server;
    }

    private static Http.Response post(CountDownLatch go, Http node, Soap.Message m) {
        try {
            go.await();
            return node.post("/services/iti41", m.contentType(), m.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean succeeded(Http.Response r) {
        return r.status() == 200 && r.text().contains("ResponseStatusType:Success\"");
    }

    private static byte[] retrieve(Http node, Synthesizer.Patient p, String uniqueId) throws Exception {
        Soap.Message m = Soap.retrieve(node.url("/services/iti43"), p.ins(), Catalog.REPOSITORY_UNIQUE_ID_DEFAULT, uniqueId);
        Http.Response r = node.post("/services/iti43", m.contentType(), m.body());
        List<byte[]> parts = Responses.mimeParts(r);
        assertEquals(200, r.status());
        assertEquals(2, parts.size(), () -> "one document returned: " + Responses.failure(r.body()));
        assertTrue(SubmissionLoad.utf8(parts.get(0)).contains("ResponseStatusType:Success\""));
        return parts.get(1);
    }

    private JdbcTemplate jdbc(String url) {
        return new JdbcTemplate(schema.dataSource());
    }

    private static long count(JdbcTemplate db, String sql, String parameter) {
        Long n = db.queryForObject(sql, Long.class, parameter);
        return n == null ? 0 : n;
    }

    private static List<String> recipients(MimeMessage m) throws MessagingException {
        Address[] to = m.getAllRecipients();
        return to == null ? List.of() : Arrays.stream(to).map(Address::toString).toList();
    }
}
