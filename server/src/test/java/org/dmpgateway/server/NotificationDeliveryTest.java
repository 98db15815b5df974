package org.dmpgateway.server;

import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.trail.Notification;
import org.dmpgateway.model.trail.NotificationKind;
import org.dmpgateway.repository.NotificationOutbox;
import org.dmpgateway.server.support.MailServer;
import org.dmpgateway.server.support.MailServer.ReceivedMail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.dmpgateway.server.support.SampleSubmissions.PATIENT_ACTIVATED;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The notification sender against a real SMTP server: messages put in the outbox arrive as UTF-8
 * e-mails and are marked sent; while the SMTP server is down the attempts fail and are recorded,
 * and once it is back the message is delivered, exactly once.
 */
@SpringBootTest(classes = DmpGatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:notification-delivery;DB_CLOSE_DELAY=-1",
        "dmp.notifications.poll-interval=100",
        "dmp.notifications.retry-base-delay=200ms",
        "dmp.notifications.retry-max-delay=1s",
        "dmp.notifications.smtp.timeout=2s"})
@DirtiesContext
class NotificationDeliveryTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final PatientRef PATIENT = new PatientRef(PATIENT_ACTIVATED, "1.2.250.1.213.1.4.10");
    private static final MailServer MAIL = MailServer.startOnFreePort();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        MAIL.registerSmtpProperties(registry);
    }

    @AfterAll
    static void stopMail() {
        MAIL.close();
    }

    @Autowired
    NotificationOutbox outbox;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void mailServerUpAndEmpty() {
        MAIL.start();
        MAIL.clear();
    }

    @Test
    void queuedNotificationsArriveAsUtf8EmailsAndAreMarkedSent() {
        String firstAccess = "Un professionnel a accédé à votre dossier";
        String firstAccessBody = "Bonjour,\n\nLe Dr Élodie Lefèvre (cardiologue) a consulté votre dossier médical "
                + "pour la première fois.\n\nMon espace santé";
        String documentAdded = "Nouveau document : compte rendu d'échographie";
        String documentAddedBody = "Un document a été ajouté à votre dossier : « Compte rendu d'échographie ».";
        outbox.enqueue(Notification.create(PATIENT, "marie.dupont@example.org", NotificationKind.FIRST_ACCESS,
                firstAccess, firstAccessBody, Instant.now()));
        outbox.enqueue(Notification.create(PATIENT, "jean.martin@example.org", NotificationKind.DOCUMENT_ADDED,
                documentAdded, documentAddedBody, Instant.now()));

        assertEquals(2, MAIL.waitForMessages(2, TIMEOUT).size());
        assertMail(only(MAIL.receivedBy("marie.dupont@example.org")), "marie.dupont@example.org", firstAccess,
                firstAccessBody);
        assertMail(only(MAIL.receivedBy("jean.martin@example.org")), "jean.martin@example.org", documentAdded,
                documentAddedBody);

        await("outbox emptied").atMost(TIMEOUT).until(() -> outbox.countPending() == 0);
        for (String subject : List.of(firstAccess, documentAdded)) {
            Map<String, Object> row = row(subject);
            assertNotNull(row.get("SENT_MS"), subject);
            assertEquals(1, ((Number) row.get("ATTEMPTS")).intValue(), subject);
            assertNull(row.get("LAST_ERROR"), subject);
        }
    }

    @Test
    void whileTheSmtpServerIsDownAttemptsFailAndTheMessageIsDeliveredOnceItIsBack() {
        String subject = "Nouveau document : résultats de biologie";
        String body = "Des résultats d'analyses ont été ajoutés à votre dossier.";
        MAIL.stop();
        outbox.enqueue(Notification.create(PATIENT, "lucie.bernard@example.org", NotificationKind.DOCUMENT_ADDED,
                subject, body, Instant.now()));

        await("a failed attempt recorded").atMost(TIMEOUT).until(() -> {
            Map<String, Object> row = row(subject);
            return ((Number) row.get("ATTEMPTS")).intValue() >= 1 && row.get("LAST_ERROR") != null;
        });
        Map<String, Object> failed = row(subject);
        assertNull(failed.get("SENT_MS"), "not marked sent while the SMTP server is down");
        String error = (String) failed.get("LAST_ERROR");
        assertTrue(error.contains("Connection refused") || error.contains("ConnectException"), error);
        assertEquals(1, outbox.countPending());
        assertTrue(MAIL.received().isEmpty());

        MAIL.start();
        await("outbox emptied after the SMTP server came back").atMost(TIMEOUT)
                .until(() -> outbox.countPending() == 0);
        // a few more polls (100 ms apart) must not send it again
        await("still exactly one e-mail").during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> MAIL.receivedBy("lucie.bernard@example.org").size() == 1);
        assertMail(only(MAIL.received()), "lucie.bernard@example.org", subject, body);

        Map<String, Object> sent = row(subject);
        assertNotNull(sent.get("SENT_MS"));
        assertTrue(((Number) sent.get("ATTEMPTS")).intValue() >= 2, "the failed attempts plus the one that worked");
        assertNull(sent.get("LAST_ERROR"), "the error is cleared once sent");
    }

    private static void assertMail(ReceivedMail mail, String to, String subject, String body) {
        assertEquals(List.of(to), mail.to());
        assertEquals(subject, mail.subject());
        assertEquals(body, mail.body());
        assertEquals("no-reply@dmp-gateway.local", mail.fromAddress());
        assertEquals("Mon espace santé (bac à sable)", mail.fromName());
        String contentType = mail.contentType().toLowerCase();
        assertTrue(contentType.startsWith("text/plain") && contentType.contains("charset=utf-8"), contentType);
        for (String header : List.of("Subject", "From")) {
            String raw = mail.rawHeader(header);
            assertTrue(raw.chars().allMatch(c -> c < 128), () -> header + " is MIME-encoded ASCII on the wire: " + raw);
        }
    }

    private static ReceivedMail only(List<ReceivedMail> mails) {
        assertEquals(1, mails.size(), () -> "exactly one e-mail expected: " + mails);
        return mails.get(0);
    }

    private Map<String, Object> row(String subject) {
        return jdbc.queryForMap("SELECT attempts, last_error, sent_ms FROM notification_outbox WHERE subject = ?",
                subject);
    }
}
