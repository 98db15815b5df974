package org.dmpgateway.model.access;

import org.dmpgateway.model.PatientRecord;

import java.time.Instant;

/**
 * TD0.4: one record the professional lists, with his standing and the record's last activity.
 *
 * @param record           the record (identity as the DMP holds it)
 * @param treatingDoctor   the professional is the patient's médecin traitant DMP ({@code MT})
 * @param authorisedSince  since when he is authorised
 * @param lastAccessAt     his last successful action on the record, null when none ({@code lastAccessDate})
 * @param lastUpdateAt     the record's last document change (metadata update, deletion) by anyone, null
 *                         when none ({@code lastUpdateDate})
 * @param lastAddAt        the record's last document added by anyone, null when none ({@code lastAddDate})
 */
public record AuthorisedRecord(PatientRecord record, boolean treatingDoctor, Instant authorisedSince,
                               Instant lastAccessAt, Instant lastUpdateAt, Instant lastAddAt) {
}
