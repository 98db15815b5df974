package org.dmpgateway.model.trail;

import org.dmpgateway.model.PatientRef;

import java.time.Instant;

/**
 * An e-mail to a patient, as kept in the outbox until it is sent. {@code id}, {@code attempts},
 * {@code sentAt} and {@code lastError} are the outbox's bookkeeping (null / 0 for a new one).
 */
public record Notification(Long id, PatientRef patient, String recipient, NotificationKind kind, String subject,
                           String body, Instant createdAt, int attempts, Instant sentAt, String lastError) {

    /** A new notification, not stored yet. */
    public static Notification create(PatientRef patient, String recipient, NotificationKind kind, String subject,
                                      String body, Instant now) {
        return new Notification(null, patient, recipient, kind, subject, body, now, 0, null, null);
    }
}
