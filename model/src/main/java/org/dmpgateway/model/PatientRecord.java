package org.dmpgateway.model;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A patient's record: INS, identity, record state (docs/sources/dmp-rules.md section 1) and the patient's own
 * settings (e-mail, emergency switches, mask-all); when closed, when and why.
 *
 * @param closedAt      when the record was closed (state CLOSED), null otherwise or when unknown
 * @param closureReason the closure reason code (codeSystem {@link #CLOSURE_REASON_SYSTEM}, e.g.
 *                      {@link #CLOSED_AT_PATIENT_REQUEST}), null when not closed or unknown
 * @param birthName     the patient's birth name (nom de naissance, HL7 family qualifier BR) when it is not
 *                      {@code familyName} (the used name), null when the same or unknown; TD0.5 searches both
 */
public record PatientRecord(PatientRef ins, String familyName, String givenName, LocalDate birthDate,
                            String gender, PatientRecordState state, PatientSettings settings,
                            Instant closedAt, String closureReason, String birthName) {
    /** The DMP's closure reasons (official TD1.4 example, detectedIssueEvent/code/@codeSystem). */
    public static final String CLOSURE_REASON_SYSTEM = "1.2.250.1.213.4.1.2.4";
    /** The only closure reason of the official examples (TD1.4): closed at the patient's request. */
    public static final String CLOSED_AT_PATIENT_REQUEST = "FERMETURE_DEMANDE_PATIENT";

    public PatientRecord {
        if (ins == null) {
            throw new IllegalArgumentException("a patient record needs an INS");
        }
        if (state == null) {
            throw new IllegalArgumentException("a patient record needs a state");
        }
        settings = settings == null ? PatientSettings.DEFAULTS : settings;
        if (state != PatientRecordState.CLOSED) {
            closedAt = null;
            closureReason = null;
        }
        birthName = birthName == null || birthName.isBlank() ? null : birthName.trim();
    }

    /** A record without a birth name of its own (the birth name is the family name, or unknown). */
    public PatientRecord(PatientRef ins, String familyName, String givenName, LocalDate birthDate,
                         String gender, PatientRecordState state, PatientSettings settings,
                         Instant closedAt, String closureReason) {
        this(ins, familyName, givenName, birthDate, gender, state, settings, closedAt, closureReason, null);
    }

    /** A record that is not closed, or whose closure date and reason are not known. */
    public PatientRecord(PatientRef ins, String familyName, String givenName, LocalDate birthDate,
                         String gender, PatientRecordState state, PatientSettings settings) {
        this(ins, familyName, givenName, birthDate, gender, state, settings, null, null);
    }

    /** A record with the default settings (no e-mail, both emergency switches on, nothing masked). */
    public PatientRecord(PatientRef ins, String familyName, String givenName, LocalDate birthDate, String gender,
                         PatientRecordState state) {
        this(ins, familyName, givenName, birthDate, gender, state, PatientSettings.DEFAULTS);
    }

    /** The record in another state; closing it this way keeps no date nor reason (see {@link #closed}). */
    public PatientRecord withState(PatientRecordState newState) {
        return new PatientRecord(ins, familyName, givenName, birthDate, gender, newState, settings,
                newState == state ? closedAt : null, newState == state ? closureReason : null, birthName);
    }

    /** The record closed at {@code at} for {@code reason} (a code of {@link #CLOSURE_REASON_SYSTEM}). */
    public PatientRecord closed(Instant at, String reason) {
        return new PatientRecord(ins, familyName, givenName, birthDate, gender, PatientRecordState.CLOSED, settings,
                at, reason, birthName);
    }

    public PatientRecord withSettings(PatientSettings newSettings) {
        return new PatientRecord(ins, familyName, givenName, birthDate, gender, state, newSettings, closedAt,
                closureReason, birthName);
    }

    /** The record with this birth name (null: none of its own). */
    public PatientRecord withBirthName(String newBirthName) {
        return new PatientRecord(ins, familyName, givenName, birthDate, gender, state, settings, closedAt,
                closureReason, newBirthName);
    }
}
