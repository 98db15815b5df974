package org.dmpgateway.model.access;

import org.dmpgateway.model.PatientRecord;

/**
 * One patient a TD0.5 search found: the record and how well it matches the criteria, in percent
 * (the official answer's {@code queryMatchObservation} {@code POURCENTAGE}).
 */
public record PatientMatch(PatientRecord record, int matchPercent) {
}
