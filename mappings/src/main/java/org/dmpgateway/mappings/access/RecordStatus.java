package org.dmpgateway.mappings.access;

import org.dmpgateway.mappings.model.ConsentStatus;
import org.dmpgateway.mappings.model.PatientRecordState;
import org.dmpgateway.mappings.model.PatientRef;

/**
 * TD0.2: what a professional's software may know of a record before using it: its state, and the
 * caller's standing (authorised, blocked, or neither: {@code consent} null) and admin-doctor flag.
 */
public record RecordStatus(PatientRef patient, PatientRecordState state, ConsentStatus consent, boolean adminDoctor) {
}
