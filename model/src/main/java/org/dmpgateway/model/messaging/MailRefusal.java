package org.dmpgateway.model.messaging;

/**
 * The secure messaging refuses a step of an SMTP transaction. The SMTP adapter answers it with the
 * reply code of its {@link Reason} (RFC 5321 section 4.2.3, RFC 3463 enhanced codes) and this text.
 */
public class MailRefusal extends RuntimeException {
    private final Reason reason;

    public MailRefusal(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** Why. */
    public enum Reason {
        /** The recipient is not an address of the patients' domain, or its matricule (key) is malformed. */
        BAD_RECIPIENT,
        /** The sender is not a mailbox of a trusted MSSanté domain. */
        UNTRUSTED_SENDER,
        /** The message is larger than the limit. */
        TOO_LARGE,
        /** The message cannot be read (no valid MIME). */
        UNREADABLE
    }
}
