package org.dmpgateway.core.notification;

import jakarta.mail.MessagingException;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.trail.Notification;
import org.dmpgateway.model.trail.NotificationKind;
import org.dmpgateway.repository.NotificationOutbox;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class OutboxDeliveryTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final PatientRef PATIENT = new PatientRef("279035121518989", "1.2.250.1.213.1.4.10");

    private final RecordingOutbox outbox = new RecordingOutbox();
    private final NotificationSettings settings = settings(20, "2s", "5s", "10m");
    private final OutboxDelivery delivery = new OutboxDelivery(outbox, settings, Clock.fixed(NOW, ZoneOffset.UTC));
    private final MovingClock moving = new MovingClock(NOW);

    @Test
    void claimsAtMostTheBatchWithALeaseCoveringTheBatchsTimeouts() {
        delivery.claimDue();
        assertEquals(List.of("claimDue " + NOW + " max=20 lease=" + (20 * 2 * 2_000 + 60_000)), outbox.calls);
    }

    @Test
    void aFirstFailureIsRetriedAfterTheBaseDelayWithItsCause() {
        MessagingException error = new MessagingException("Couldn't connect to host, port: 127.0.0.1, 2525",
                new ConnectException("Connection refused"));
        delivery.failed(stored(7L, 0), error);
        assertEquals(List.of("markFailed 7 at " + NOW.plusSeconds(5)), outbox.calls);
        assertEquals("MessagingException: Couldn't connect to host, port: 127.0.0.1, 2525; "
                + "caused by ConnectException: Connection refused", outbox.lastError);
    }

    @Test
    void laterFailuresWaitLongerUpToTheMax() {
        delivery.failed(stored(7L, 3), new IllegalStateException("boom"));
        delivery.failed(stored(8L, 8), new IllegalStateException("boom"));
        assertEquals(List.of("markFailed 7 at " + NOW.plusSeconds(40), "markFailed 8 at " + NOW.plus(Duration.ofMinutes(10))),
                outbox.calls);
    }

    @Test
    void afterMaxAttemptsTheMessageIsParkedAndTheFailuresWarnOncePerInterval() {
        NotificationSettings three = settings(20, "2s", "5s", "10m", 3, Duration.ofMinutes(15));
        OutboxDelivery bounded = new OutboxDelivery(outbox, three, moving);
        try (LogCapture log = LogCapture.of(OutboxDelivery.class)) {
            Notification n = stored(7L, 0);
            for (int attempt = 1; attempt <= 3; attempt++) {
                bounded.failed(n, new ConnectException("Connection refused"));
                n = stored(7L, attempt);
                moving.advance(Duration.ofSeconds(5L << (attempt - 1)));
            }
            assertEquals(List.of("markFailed 7 at " + NOW.plusSeconds(5), "markFailed 7 at " + NOW.plusSeconds(15),
                    "markParked 7 at " + NOW.plusSeconds(15)), outbox.calls, "two retries, then parked");
            assertEquals("ConnectException: Connection refused", outbox.lastError);
            List<String> warnings = log.warnings();
            assertEquals(2, warnings.size(), () -> "the first failure and the parking: " + warnings);
            assertTrue(warnings.get(0).contains("attempt 1 of 3"), warnings.get(0));
            assertTrue(warnings.get(1).contains("Notification 7 parked after 3 failed attempts"), warnings.get(1));
        }
    }

    @Test
    void failedAttemptsOfAnSmtpServerThatStaysDownWarnOncePerIntervalWithTheCountOfTheOthers() {
        NotificationSettings many = settings(20, "2s", "5s", "10m", 1000, Duration.ofMinutes(15));
        OutboxDelivery quiet = new OutboxDelivery(outbox, many, moving);
        try (LogCapture log = LogCapture.of(OutboxDelivery.class)) {
            for (long id = 1; id <= 30; id++) {
                quiet.failed(stored(id, 0), new ConnectException("Connection refused"));
                moving.advance(Duration.ofMinutes(1));
            }
            List<String> warnings = log.warnings();
            assertEquals(2, warnings.size(), () -> "30 failures over 30 minutes, one warning per 15 minutes: " + warnings);
            assertTrue(warnings.get(1).contains("(14 other failed attempts since the last warning, logged at DEBUG)"),
                    warnings.get(1));
        }
    }

    @Test
    void theFirstPollSaysOnceHowManyMessagesAreParked() {
        outbox.parked = 4;
        try (LogCapture log = LogCapture.of(OutboxDelivery.class)) {
            delivery.claimDue();
            delivery.claimDue();
            assertEquals(1, log.warnings().size(), () -> log.warnings().toString());
            assertTrue(log.warnings().get(0).startsWith("4 notification(s) parked"), log.warnings().get(0));
        }
    }

    @Test
    void aSentMessageIsMarkedSentNow() {
        delivery.sent(stored(9L, 2));
        assertEquals(List.of("markSent 9 at " + NOW), outbox.calls);
    }

    @Test
    void aCodeEmailLeavesItsSecretBehindOnceSentOrParkedOutsideSandboxMode() {
        Notification code = new Notification(11L, PATIENT, "marie@example.org", NotificationKind.PROVISIONAL_CODE,
                "Mon espace santé : votre code provisoire", "Votre code provisoire à 12 caractères : AbCd2345EfGh",
                NOW.minusSeconds(60), 0, null, null);
        delivery.secrets(new OutboxSecrets(outbox, false));
        delivery.sent(code);
        assertEquals(OutboxSecrets.ERASED, outbox.lastNewBody, "erased in the update that marks it sent");
        delivery.sent(stored(12L, 0));
        assertNull(outbox.lastNewBody, "an e-mail without a secret keeps its body");

        OutboxDelivery bounded = new OutboxDelivery(outbox, settings(20, "2s", "5s", "10m", 1, Duration.ofMinutes(15)), Clock.fixed(NOW,
                ZoneOffset.UTC));
        bounded.secrets(new OutboxSecrets(outbox, false));
        bounded.failed(code, new ConnectException("refused"));
        assertEquals("markParked 11 at " + NOW, outbox.calls.get(outbox.calls.size() - 1));
        assertEquals(OutboxSecrets.ERASED, outbox.lastNewBody, "erased when parked too");

        delivery.secrets(new OutboxSecrets(outbox, true));
        delivery.sent(code);
        assertNull(outbox.lastNewBody, "sandbox mode keeps it for the conformance kit");
        assertTrue(new OutboxSecrets(outbox, false).sandboxListing(PATIENT, null, 5).isEmpty(),
                "no listing outside sandbox mode");
        assertTrue(new OutboxSecrets(outbox, true).sandboxListing(PATIENT, "one_time_code", 5).isPresent());
        assertThrows(IllegalArgumentException.class, () -> new OutboxSecrets(outbox, true)
                .sandboxListing(PATIENT, "CODE", 5));
    }

    @Test
    void causesAreListedOnOneLine() {
        Exception error = new RuntimeException("send failed", new IllegalStateException("line one\n\tline two"));
        assertEquals("RuntimeException: send failed; caused by IllegalStateException: line one line two",
                OutboxDelivery.describe(error));
        assertEquals("RuntimeException: java.net.ConnectException: Connection refused",
                OutboxDelivery.describe(new RuntimeException(new ConnectException("Connection refused"))),
                "a cause the message already names is not repeated");
        assertEquals("NullPointerException", OutboxDelivery.describe(new NullPointerException()));
        assertEquals("unknown error", OutboxDelivery.describe(null));
    }

    @Test
    void wrongSettingsNameTheirKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> settings(0, "2s", "5s", "10m"));
        assertTrue(e.getMessage().contains("dmp.notifications.batch-size"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> settings(20, "0s", "5s", "10m"));
        assertTrue(e.getMessage().contains("dmp.notifications.smtp.timeout"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> settings(20, "2s", "5s", "10m", 0, Duration.ZERO));
        assertTrue(e.getMessage().contains("dmp.notifications.max-attempts"), e.getMessage());
    }

    static NotificationSettings settings(int batch, String timeout, String base, String max) {
        return settings(batch, timeout, base, max, 10, Duration.ofMinutes(15));
    }

    static NotificationSettings settings(int batch, String timeout, String base, String max, int maxAttempts,
                                         Duration warningInterval) {
        return new NotificationSettings(true, "localhost", 25, "", "", parse(timeout),
                "Mon espace santé <no-reply@dmp-gateway.local>", 2000, batch, parse(base), parse(max), maxAttempts,
                warningInterval);
    }

    /** A clock the test moves forward. */
    static final class MovingClock extends Clock {
        private Instant now;

        MovingClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private static Duration parse(String simple) {
        return Duration.parse("PT" + simple.toUpperCase());
    }

    private static Notification stored(long id, int attempts) {
        return new Notification(id, PATIENT, "marie@example.org", NotificationKind.DOCUMENT_ADDED, "Nouveau document",
                "Un document a été ajouté.", NOW.minusSeconds(60), attempts, null, null);
    }

    /** Records the calls the delivery makes on the outbox. */
    static final class RecordingOutbox implements NotificationOutbox {
        final List<String> calls = new ArrayList<>();
        String lastError;
        String lastNewBody;
        int parked;

        @Override
        public void enqueue(Notification notification) {
            calls.add("enqueue");
        }

        @Override
        public List<Notification> claimDue(Instant now, int max, long leaseMillis) {
            calls.add("claimDue " + now + " max=" + max + " lease=" + leaseMillis);
            return List.of();
        }

        @Override
        public void markSent(long id, Instant when, String newBody) {
            calls.add("markSent " + id + " at " + when);
            lastNewBody = newBody;
        }

        @Override
        public void markFailed(long id, String error, Instant nextAttempt) {
            calls.add("markFailed " + id + " at " + nextAttempt);
            lastError = error;
        }

        @Override
        public void markParked(long id, String error, Instant when, String newBody) {
            calls.add("markParked " + id + " at " + when);
            lastNewBody = newBody;
            lastError = error;
        }

        @Override
        public List<Message> findByPatient(PatientRef patient, int limit) {
            return List.of();
        }

        @Override
        public int countPending() {
            return 0;
        }

        @Override
        public int countParked() {
            return parked;
        }
    }
}
