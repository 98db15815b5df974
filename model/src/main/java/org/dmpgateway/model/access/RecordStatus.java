package org.dmpgateway.model.access;

import org.dmpgateway.model.ConsentStatus;
import org.dmpgateway.model.PatientRecordState;
import org.dmpgateway.model.PatientRef;

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
 */
public record RecordStatus(PatientRef patient, PatientRecordState state, ConsentStatus consent, boolean adminDoctor,
                           String familyName, String givenName, LocalDate birthDate, String gender) {
}
