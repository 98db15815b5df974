package org.dmpgateway.repository;

import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.trail.Notification;

import java.time.Instant;
import java.util.List;

/**
 * The outbox of e-mails to patients. {@link #enqueue} joins the caller's transaction (the e-mail
 * exists exactly when the action that causes it committed); the sender claims due messages, then
 * marks each sent or failed (to be retried later), or parks it after its last allowed attempt.
 * Each message has a status: PENDING (to send), SENT or PARKED (see {@link Status}).
 */
public interface NotificationOutbox {

    void enqueue(Notification notification);

    /**
     * Claims up to {@code max} unsent messages due at {@code now} for {@code leaseMillis} (another
     * sender does not take them meanwhile) and returns them, oldest first.
     */
    List<Notification> claimDue(Instant now, int max, long leaseMillis);

    default void markSent(long id, Instant when) {
        markSent(id, when, null);
    }

    /**
     * Records the message sent; {@code newBody}, when not null, replaces its body in the same update (a
     * body that carried a secret: docs/security.md, "Secrets in the outbox").
     */
    void markSent(long id, Instant when, String newBody);

    /** Records a failed attempt; the message becomes due again at {@code nextAttempt}. */
    void markFailed(long id, String error, Instant nextAttempt);

    /**
     * Records the last allowed failed attempt: the message is PARKED, never handed out by
     * {@link #claimDue} again.
     */
    default void markParked(long id, String error, Instant when) {
        markParked(id, error, when, null);
    }

    /** {@link #markParked(long, String, Instant)}; {@code newBody}, when not null, replaces the body in the same update. */
    void markParked(long id, String error, Instant when, String newBody);

    /** The messages to one patient, newest first, at most {@code limit}, with their status. */
    List<Message> findByPatient(PatientRef patient, int limit);

    /** Messages to send (PENDING): neither sent nor parked. */
    int countPending();

    /** Messages given up after their last allowed attempt (PARKED). */
    int countParked();

    /** A message of the outbox and its status. */
    record Message(Notification notification, Status status) {
    }

    /** The outbox's value of the status column. */
    enum Status {
        /** To send: due at its next attempt. */
        PENDING,
        /** Accepted by the SMTP server. */
        SENT,
        /** Every allowed attempt failed: kept for the record, never tried again. */
        PARKED
    }
}
