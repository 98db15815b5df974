package org.dmpgateway.routes.notification;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.dmpgateway.mappings.trail.Notification;
import org.dmpgateway.repository.NotificationOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The notification route's bookkeeping on the outbox: claims the due messages, marks each sent,
 * or records the failure and when to try again (exponential backoff). Logs name the outbox id, not
 * the patient (an SMTP server's error text, logged as is, may quote the address it refused).
 */
@Component
public class OutboxDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDelivery.class);
    private static final int MAX_CAUSES = 5;

    private final NotificationOutbox outbox;
    private final NotificationSettings settings;
    private final Clock clock;

    @Autowired
    public OutboxDelivery(NotificationOutbox outbox, NotificationSettings settings) {
        this(outbox, settings, Clock.systemUTC());
    }

    OutboxDelivery(NotificationOutbox outbox, NotificationSettings settings, Clock clock) {
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    /** The messages to send now (at most the batch size), reserved for this sender for the lease. */
    public List<Notification> claimDue() {
        return outbox.claimDue(clock.instant(), settings.batchSize(), settings.claimLeaseMillis());
    }

    /** The SMTP server accepted the message. */
    public void sent(@ExchangeProperty(NotificationRoutes.NOTIFICATION) Notification notification) {
        outbox.markSent(notification.id(), clock.instant());
        LOG.debug("Notification {} sent", notification.id());
    }

    /** Sending failed: recorded with its cause, retried after the backoff delay. */
    public void failed(@ExchangeProperty(NotificationRoutes.NOTIFICATION) Notification notification,
                       @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Throwable error) {
        int failures = notification.attempts() + 1;
        Instant next = settings.backoff().nextAttempt(clock.instant(), failures);
        String reason = describe(error);
        outbox.markFailed(notification.id(), reason, next);
        LOG.warn("Notification {} not sent (attempt {}), next attempt at {}: {}", notification.id(), failures, next,
                reason);
    }

    /**
     * The exception and its causes on one line ("Type: message; caused by Type: message"); a cause
     * whose message the text already holds (Jakarta Mail repeats its nested exception) is left out.
     */
    static String describe(Throwable error) {
        if (error == null) {
            return "unknown error";
        }
        StringBuilder text = new StringBuilder();
        Throwable t = error;
        for (int depth = 0; t != null && depth < MAX_CAUSES; depth++) {
            String message = t.getMessage() == null ? "" : t.getMessage().replaceAll("\\s+", " ").strip();
            if (depth == 0 || message.isEmpty() || !text.toString().contains(message)) {
                text.append(depth == 0 ? "" : "; caused by ").append(t.getClass().getSimpleName());
                if (!message.isEmpty()) {
                    text.append(": ").append(message);
                }
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        return text.toString();
    }
}
