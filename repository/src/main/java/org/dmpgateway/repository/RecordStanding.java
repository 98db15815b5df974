package org.dmpgateway.repository;

import org.dmpgateway.model.PatientRecord;
import org.dmpgateway.model.ProfessionalConsent;

/**
 * What the access policy reads to admit a professional on a record, read in one statement
 * ({@link PatientRecordRepository#findStanding}).
 *
 * @param record         the patient's record
 * @param consent        the professional's entry on the record's lists (authorised or blocked), null when none
 * @param accessedBefore true when the record's history holds a successful trace of this professional
 */
public record RecordStanding(PatientRecord record, ProfessionalConsent consent, boolean accessedBefore) {
}
