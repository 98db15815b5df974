package org.dmpgateway.model.account;

/**
 * Why the patient side refuses a request. The patient portal maps each to an HTTP status
 * (docs/patient-api.md); the message that goes with it is French, for the patient.
 */
public enum AccountErrorCode {
    /** A field is missing or malformed (the error names it). */
    INVALID_FIELD,
    /** The provisional code, NIR or card serial number do not match a notified record. */
    WRONG_CREDENTIALS,
    /** Too many wrong attempts: the provisional code is locked until a new one is issued. */
    CODE_LOCKED,
    /** Too many wrong passwords in a row: the login is locked for a while. */
    LOGIN_LOCKED,
    /** The provisional code has expired: a new one must be issued. */
    CODE_EXPIRED,
    /** The provisional code was already used (single use). */
    CODE_USED,
    /** The journey token is unknown or has expired: start again with the provisional code. */
    JOURNEY_UNKNOWN,
    /** The step is not the next one of the journey (e.g. credentials before the decision). */
    STEP_OUT_OF_ORDER,
    /** The one-time confirmation code is wrong, expired or locked. */
    WRONG_ONE_TIME_CODE,
    /** The record's state does not allow this transition. */
    STATE_CONFLICT,
    /** The identifier is already taken by another account. */
    IDENTIFIER_TAKEN,
    /** The patient has no account (no notified record). */
    UNKNOWN_ACCOUNT,
    /** No valid session (bearer token) for a call of the signed-in patient. */
    UNAUTHENTICATED,
    /** The code could not be sent (SMS provider or e-mail address unavailable). */
    DELIVERY_FAILED,
    /** The document is not one the patient sees in their record. */
    UNKNOWN_DOCUMENT,
    /** The professional is not on the patient's lists (authorised or blocked). */
    UNKNOWN_PROFESSIONAL,
    /** No profile (or invitation) of the signed-in representative has this id. */
    UNKNOWN_PROFILE,
    /** The child came of age (18): the representative's access to the profile ended. */
    PROFILE_ENDED,
    /** The patient deletes only the documents they added themselves. */
    NOT_AUTHOR,
    /** Secure messaging: no such conversation, message or attachment of the patient's. */
    UNKNOWN_MESSAGE,
    /** Secure messaging: the professional ended the exchange; the patient can no longer reply. */
    CONVERSATION_CLOSED
}
