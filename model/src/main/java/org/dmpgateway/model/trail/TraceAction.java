package org.dmpgateway.model.trail;

/** What a traced request tried to do. */
public enum TraceAction {
    /** Provide and Register (ITI-41, ITI-65). */
    SUBMIT,
    /** A registry query (ITI-18, ITI-67, ITI-66). */
    QUERY,
    /** Retrieve of document content (ITI-43, ITI-68). */
    RETRIEVE,
    /** Metadata update: masking, status, archive (ITI-57, FHIR PATCH). */
    UPDATE,
    /** Deletion by the author (ITI-62, ITI-57 Deleted status). */
    DELETE,
    /** The professional's software declares the patient's authorisation (TD0.3). */
    AUTHORIZE,
    /** The professional's software withdraws the authorisation (TD0.3). */
    REVOKE_AUTHORIZATION,
    /** The record's state and the caller's rights are read (TD0.2). */
    STATUS_CHECK,
    /** The record's access history is read (admin doctor or the patient; FHIR AuditEvent search). */
    READ_TRACES,
    /**
     * A change made through the administration API (/admin): record created or replaced, state,
     * settings, a professional authorised, blocked or removed. Actor {@code admin-api}.
     */
    ADMINISTRATION,
    /**
     * A step of the patient's Mon espace santé account (issue 15): notified with a provisional code,
     * created automatically after the opposition period, activated, opposed, closed, reactivated,
     * code re-issued or locked. Actor {@code patient} (or {@code dmp-gateway} for the automatic
     * creation).
     */
    ACCOUNT,
    /** The record's authorised and blocked professionals are listed (TD1.6). */
    LIST_PROFESSIONALS,
    /** The record's administrative data are changed by a professional (TD1.3b). */
    UPDATE_RECORD,
    /** The record is closed by a professional (TD1.4), date and reason kept. */
    CLOSE_RECORD,
    /**
     * Secure messaging (issue 17): a message received, bounced, an exchange ended, a message read
     * (read receipt), a reply of the patient.
     */
    MESSAGING
}
