package org.dmpgateway.model.trail;

/** Why the patient is told (by e-mail). */
public enum NotificationKind {
    /** A professional accessed the record for the first time. */
    FIRST_ACCESS,
    /** A document was added to the record. */
    DOCUMENT_ADDED,
    /** A professional accessed the record in an emergency mode (bris de glace, centre 15). */
    EMERGENCY_ACCESS,
    /** The record is notified: the provisional code and the ways to activate or oppose (seed 003). */
    PROVISIONAL_CODE,
    /** A one-time code (contact confirmation in the activation journey, login). */
    ONE_TIME_CODE,
    /** The opposition period ended: the record was created automatically. */
    ACCOUNT_CREATED,
    PROFILE_SHARED,
    /** Secure messaging: a professional wrote to the patient (the patient is told). */
    MESSAGE_RECEIVED,
    /** Secure messaging: a delivery status notification (RFC 3464) to the sender of an undelivered message. */
    MESSAGE_BOUNCE,
    /** Secure messaging: a read receipt (RFC 8098 MDN) to the professional who asked for it. */
    READ_RECEIPT,
    /** Secure messaging: the patient's reply, to the professional. */
    PATIENT_REPLY,
    /** Secure messaging: a clinical document sent by MSSanté to a professional on a platform's request (HL7v2). */
    DOCUMENT_MAIL
}
