package org.dmpgateway.mappings.model;

import java.time.LocalDate;

/** A patient's record: INS, identity and record state. */
public record PatientRecord(PatientRef ins, String familyName, String givenName, LocalDate birthDate,
                            String gender, PatientRecordState state) {
}
