package org.dmpgateway.server;

import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.trail.Notification;
import org.dmpgateway.model.trail.NotificationKind;
import org.dmpgateway.repository.NotificationOutbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.dmpgateway.server.support.SampleSubmissions.PATIENT_ACTIVATED;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Bounded notification retries (issue 12): with nothing listening on the SMTP port, a message is
 * tried {@code dmp.notifications.max-attempts} times (here 3, with delays of 50 to 100 ms), then
 * parked (status PARKED) and never tried again; the log has one WARN line for the failures (the
 * others are rate-limited to DEBUG) and one when it is parked.
 */
@SpringBootTest(classes = DmpGatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:notification-parking;DB_CLOSE_DELAY=-1",
        "dmp.notifications.poll-interval=50",
        "dmp.notifications.retry-base-delay=50ms",
        "dmp.notifications.retry-max-delay=100ms",
        "dmp.notifications.smtp.timeout=1s",
        "dmp.notifications.max-attempts=3"})
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext
class NotificationParkingTest {
    private static final PatientRef PATIENT = new PatientRef(PATIENT_ACTIVATED, "1.2.250.1.213.1.4.10");

    /** A port nothing listens on: the connection is refused at once. */
    @DynamicPropertySource
    static void closedSmtpPort(DynamicPropertyRegistry registry) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        registry.add("dmp.notifications.smtp.host", () -> "127.0.0.1");
        registry.add("dmp.notifications.smtp.port", () -> port);
    }

    @Autowired
    NotificationOutbox outbox;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anUndeliverableMessageIsTriedMaxAttemptsTimesThenParkedAndReportedOnce(CapturedOutput output) {
        String subject = "Nouveau document : compte rendu (SMTP injoignable)";
        outbox.enqueue(Notification.create(PATIENT, "paul.durand@example.org", NotificationKind.DOCUMENT_ADDED, subject,
                "Un document a été ajouté à votre dossier.", Instant.now()));

        await("parked").atMost(Duration.ofSeconds(20)).until(() -> "PARKED".equals(row(subject).get("STATUS")));
        Map<String, Object> parked = row(subject);
        assertEquals(3, ((Number) parked.get("ATTEMPTS")).intValue());
        assertNotNull(parked.get("PARKED_MS"));
        assertNull(parked.get("SENT_MS"));
        String error = (String) parked.get("LAST_ERROR");
        assertTrue(error.contains("Connection refused") || error.contains("ConnectException"), error);
        assertEquals(1, outbox.countParked());
        assertEquals(0, outbox.countPending());

        // many more polls (50 ms apart): nothing more is tried
        await("no further attempt").during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> ((Number) row(subject).get("ATTEMPTS")).intValue() == 3);

        long id = ((Number) parked.get("ID")).longValue();
        assertEquals(1, count(output, "WARN .*Notification " + id + " not sent \\(attempt 1 of 3\\)"),
                "the first failure warns");
        assertEquals(0, count(output, "WARN .*Notification " + id + " not sent \\(attempt 2 of 3\\)"),
                "the second failure, within failure-warning-interval, is not a WARN line");
        assertEquals(1, count(output, "WARN .*Notification " + id + " parked after 3 failed attempts"),
                "one WARN line when parked");
    }

    private static int count(CapturedOutput output, String regex) {
        Matcher m = Pattern.compile(regex).matcher(output.getAll());
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private Map<String, Object> row(String subject) {
        return jdbc.queryForMap("SELECT id, status, attempts, parked_ms, sent_ms, last_error FROM notification_outbox "
                + "WHERE subject = ?", subject);
    }
}
