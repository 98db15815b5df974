package org.dmpgateway.model;

import java.time.LocalDate;

/**
 * A patient's record: INS, identity, record state (docs/sources/dmp-rules.md section 1) and the patient's own
 * settings (e-mail, emergency switches, mask-all).
 */
public record PatientRecord(PatientRef ins, String familyName, String givenName, LocalDate birthDate,
                            String gender, PatientRecordState state, PatientSettings settings) {
    public PatientRecord {
        if (ins == null) {
            throw new IllegalArgumentException("a patient record needs an INS");
        }
        if (state == null) {
            throw new IllegalArgumentException("a patient record needs a state");
        }
        settings = settings == null ? PatientSettings.DEFAULTS : settings;
    }

    /** A record with the default settings (no e-mail, both emergency switches on, nothing masked). */
    public PatientRecord(PatientRef ins, String familyName, String givenName, LocalDate birthDate, String gender,
                         PatientRecordState state) {
        this(ins, familyName, givenName, birthDate, gender, state, PatientSettings.DEFAULTS);
    }

    public PatientRecord withState(PatientRecordState newState) {
        return new PatientRecord(ins, familyName, givenName, birthDate, gender, newState, settings);
    }

    public PatientRecord withSettings(PatientSettings newSettings) {
        return new PatientRecord(ins, familyName, givenName, birthDate, gender, state, newSettings);
    }
}
