package org.dmpgateway.core.notification;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.dmpgateway.model.trail.Notification;
import org.dmpgateway.repository.NotificationOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The notification route's bookkeeping on the outbox: claims the due messages, marks each sent,
 * or records the failure and when to try again (exponential backoff), at most
 * {@code dmp.notifications.max-attempts} attempts: after the last one the message is parked (status
 * PARKED, never tried again) with one WARN line. Failed attempts log at most one WARN line per
 * {@code dmp.notifications.failure-warning-interval}, the others at DEBUG (counted in the next WARN
 * line), so an SMTP server that stays down does not fill the log. The first poll after a start
 * says once how many messages are parked. Logs name the outbox id, not the patient (an SMTP
 * server's error text, logged as is, may quote the address it refused).
 */
@Component
public class OutboxDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDelivery.class);
    private static final int MAX_CAUSES = 5;

    private final NotificationOutbox outbox;
    private final NotificationSettings settings;
    private final Clock clock;
    /** When the last WARN line about a failed attempt was written (null: none yet). */
    private Instant lastFailureWarning;
    /** Failed attempts logged at DEBUG since that line. */
    private int quietFailures;
    private boolean parkedReported;
    /** Erases the secret codes of the messages that left the outbox (none when built without Spring). */
    private OutboxSecrets secrets;

    /**
     * The application's {@link Clock} bean when there is one (the same clock as the account rules',
     * which stamp the e-mails they write: a test that moves it still gets them sent), the system's
     * UTC clock otherwise.
     */
    @Autowired
    public OutboxDelivery(NotificationOutbox outbox, NotificationSettings settings,
                          ObjectProvider<Clock> clock) {
        this(outbox, settings, clock.getIfAvailable(Clock::systemUTC));
    }

    OutboxDelivery(NotificationOutbox outbox, NotificationSettings settings, Clock clock) {
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    /** The rule on the secrets in the outbox (docs/security.md, "Secrets in the outbox"). */
    @Autowired
    void secrets(OutboxSecrets outboxSecrets) {
        this.secrets = outboxSecrets;
    }

    /** What replaces the body of a message leaving the outbox (sent or parked); null: kept as it is. */
    private String bodyOnLeaving(Notification notification) {
        return secrets == null ? null : secrets.bodyOnLeaving(notification);
    }

    /** The messages to send now (at most the batch size), reserved for this sender for the lease. */
    public List<Notification> claimDue() {
        reportParkedOnce();
        return outbox.claimDue(clock.instant(), settings.batchSize(), settings.claimLeaseMillis());
    }

    /** The SMTP server accepted the message. */
    public void sent(@ExchangeProperty(NotificationRoutes.NOTIFICATION) Notification notification) {
        outbox.markSent(notification.id(), clock.instant(), bodyOnLeaving(notification));
        LOG.debug("Notification {} sent", notification.id());
    }

    /**
     * Sending failed: recorded with its cause and retried after the backoff delay, or parked when
     * this was the last allowed attempt.
     */
    public void failed(@ExchangeProperty(NotificationRoutes.NOTIFICATION) Notification notification,
                       @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Throwable error) {
        int failures = notification.attempts() + 1;
        Instant now = clock.instant();
        String reason = describe(error);
        if (failures >= settings.maxAttempts()) {
            outbox.markParked(notification.id(), reason, now, bodyOnLeaving(notification));
            LOG.warn("Notification {} parked after {} failed attempts (dmp.notifications.max-attempts): not tried "
                    + "again; last error: {}", notification.id(), failures, reason);
            return;
        }
        Instant next = settings.backoff().nextAttempt(now, failures);
        outbox.markFailed(notification.id(), reason, next);
        int quiet = warnNow(now);
        if (quiet >= 0) {
            LOG.warn("Notification {} not sent (attempt {} of {}), next attempt at {}: {}{}", notification.id(),
                    failures, settings.maxAttempts(), next, reason, quiet == 0 ? ""
                            : " (" + quiet + " other failed attempts since the last warning, logged at DEBUG)");
        } else {
            LOG.debug("Notification {} not sent (attempt {} of {}), next attempt at {}: {}", notification.id(),
                    failures, settings.maxAttempts(), next, reason);
        }
    }

    /**
     * One WARN line per failure-warning-interval at most: the number of failures logged at DEBUG
     * since the last WARN line when this one is to be a WARN line, -1 otherwise (counted).
     */
    private synchronized int warnNow(Instant now) {
        if (lastFailureWarning == null
                || !now.isBefore(lastFailureWarning.plus(settings.failureWarningInterval()))) {
            lastFailureWarning = now;
            int quiet = quietFailures;
            quietFailures = 0;
            return quiet;
        }
        quietFailures++;
        return -1;
    }

    /** Once per start: the parked messages, so that a restart does not hide them. */
    private void reportParkedOnce() {
        if (parkedReported) {
            return;
        }
        parkedReported = true;
        int parked = outbox.countParked();
        if (parked > 0) {
            LOG.warn("{} notification(s) parked in the outbox after {} failed attempts each, not tried again "
                    + "(status PARKED in table notification_outbox; see docs/architecture.md)", parked,
                    settings.maxAttempts());
        }
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
