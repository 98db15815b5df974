package org.dmpgateway.routes.notification;

import jakarta.mail.MessagingException;
import org.dmpgateway.mappings.model.PatientRef;
import org.dmpgateway.mappings.trail.Notification;
import org.dmpgateway.mappings.trail.NotificationKind;
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
        delivery.failed(stored(8L, 40), new IllegalStateException("boom"));
        assertEquals(List.of("markFailed 7 at " + NOW.plusSeconds(40), "markFailed 8 at " + NOW.plus(Duration.ofMinutes(10))),
                outbox.calls);
    }

    @Test
    void aSentMessageIsMarkedSentNow() {
        delivery.sent(stored(9L, 2));
        assertEquals(List.of("markSent 9 at " + NOW), outbox.calls);
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
    }

    static NotificationSettings settings(int batch, String timeout, String base, String max) {
        return new NotificationSettings(true, "localhost", 25, "", "", parse(timeout),
                "Mon espace santé <no-reply@dmp-gateway.local>", 2000, batch, parse(base), parse(max));
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
        public void markSent(long id, Instant when) {
            calls.add("markSent " + id + " at " + when);
        }

        @Override
        public void markFailed(long id, String error, Instant nextAttempt) {
            calls.add("markFailed " + id + " at " + nextAttempt);
            lastError = error;
        }

        @Override
        public int countPending() {
            return 0;
        }
    }
}
