package org.dmpgateway.model.trail;

import org.dmpgateway.model.PatientRef;

import java.time.Instant;

/**
 * An e-mail to a patient, as kept in the outbox until it is sent. {@code id}, {@code attempts},
 * {@code sentAt} and {@code lastError} are the outbox's bookkeeping (null / 0 for a new one).
 * {@code mime}, when set, is a complete MIME message sent as it is (the secure messaging's bounces,
 * read receipts and the patient's replies, to a professional); {@code body} then only describes it.
 */
public record Notification(Long id, PatientRef patient, String recipient, NotificationKind kind, String subject,
                           String body, Instant createdAt, int attempts, Instant sentAt, String lastError,
                           byte[] mime) {

    /** A plain-text notification (no MIME message of its own). */
    public Notification(Long id, PatientRef patient, String recipient, NotificationKind kind, String subject,
                        String body, Instant createdAt, int attempts, Instant sentAt, String lastError) {
        this(id, patient, recipient, kind, subject, body, createdAt, attempts, sentAt, lastError, null);
    }

    /** A new message sent as the complete MIME message {@code mime}, not stored yet. */
    public static Notification mime(PatientRef patient, String recipient, NotificationKind kind, String subject,
                                    String description, byte[] mime, Instant now) {
        return new Notification(null, patient, recipient, kind, subject, description, now, 0, null, null, mime);
    }

    /** A new notification, not stored yet. */
    public static Notification create(PatientRef patient, String recipient, NotificationKind kind, String subject,
                                      String body, Instant now) {
        return new Notification(null, patient, recipient, kind, subject, body, now, 0, null, null);
    }
}
