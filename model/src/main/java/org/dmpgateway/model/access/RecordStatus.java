package org.dmpgateway.model.access;

import org.dmpgateway.model.ConsentStatus;
import org.dmpgateway.model.PatientRecordState;
import org.dmpgateway.model.PatientRef;

import java.time.Instant;
import java.time.LocalDate;

/**
 * TD0.2: what a professional's software may know of a record before using it: its state, and the
 * caller's standing (authorised, blocked, or neither: {@code consent} null) and admin-doctor flag;
 * then the record's identity as the DMP holds it (what a FHIR Patient resource shows), each part
 * null when the record has none.
 *
 * @param familyName the patient's family name (birth name as registered with the record)
 * @param givenName  the patient's given name(s)
 * @param birthDate  the patient's birth date
 * @param gender     the patient's administrative gender as stored with the record (e.g. {@code F}, {@code M})
 * @param treatingDoctor the caller is the patient's médecin traitant DMP (authorised with that role)
 * @param closedAt   when the record was closed (state CLOSED), null otherwise or when unknown
 * @param closureReason the closure reason code (PatientRecord.CLOSURE_REASON_SYSTEM), null when none
 * @param changed    for a declaration (TD0.3): whether it changed anything (false: the authorisation
 *                   or the role was already as declared); null for a status read (TD0.2)
 * @param breakGlassAllowed the patient allows break-glass access (TD1.3a: OPPOSITION_BRIS_DE_GLACE is its
 *                   negation); null when not given
 * @param samuAccessAllowed the patient allows access by SAMU regulation (TD1.3a: OPPOSITION_ACCES_URGENCE is
 *                   its negation); null when not given
 * @param closureText the closure's reason in words, as the patient gave it when closing Mon espace santé
 *                   (PDSM4DMP TD0.2 "raison de fermeture"); null when not known
 */
public record RecordStatus(PatientRef patient, PatientRecordState state, ConsentStatus consent, boolean adminDoctor,
                           String familyName, String givenName, LocalDate birthDate, String gender,
                           boolean treatingDoctor, Instant closedAt, String closureReason, Boolean changed,
                           Boolean breakGlassAllowed, Boolean samuAccessAllowed, String closureText) {

    /** A status without the closure's reason in words. */
    public RecordStatus(PatientRef patient, PatientRecordState state, ConsentStatus consent, boolean adminDoctor,
                        String familyName, String givenName, LocalDate birthDate, String gender,
                        boolean treatingDoctor, Instant closedAt, String closureReason, Boolean changed,
                        Boolean breakGlassAllowed, Boolean samuAccessAllowed) {
        this(patient, state, consent, adminDoctor, familyName, givenName, birthDate, gender, treatingDoctor, closedAt,
                closureReason, changed, breakGlassAllowed, samuAccessAllowed, null);
    }

    /** A status without the patient's emergency switches. */
    public RecordStatus(PatientRef patient, PatientRecordState state, ConsentStatus consent, boolean adminDoctor,
                        String familyName, String givenName, LocalDate birthDate, String gender,
                        boolean treatingDoctor, Instant closedAt, String closureReason, Boolean changed) {
        this(patient, state, consent, adminDoctor, familyName, givenName, birthDate, gender, treatingDoctor, closedAt,
                closureReason, changed, null, null);
    }

    /** A status without the médecin traitant role, closure nor change. */
    public RecordStatus(PatientRef patient, PatientRecordState state, ConsentStatus consent, boolean adminDoctor,
                        String familyName, String givenName, LocalDate birthDate, String gender) {
        this(patient, state, consent, adminDoctor, familyName, givenName, birthDate, gender, false, null, null, null);
    }
}
