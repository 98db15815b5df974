package org.dmpgateway.model.query;

import org.dmpgateway.model.CodedValue;
import org.dmpgateway.model.EntryStatus;
import org.dmpgateway.model.PatientRef;

import java.util.List;

/**
 * Selection of submission sets. Null list: no filter; empty list: nothing.
 * {@code authorPerson} is a LIKE pattern on the author XCN.
 */
public record SubmissionSetCriteria(
        PatientRef patient,
        List<String> entryUuids,
        List<String> uniqueIds,
        List<EntryStatus> statuses,
        List<String> sourceIds,
        TimeRangeCriterion submissionTime,
        String authorPerson,
        List<CodedValue> contentTypeCodes) {

    public static SubmissionSetCriteria byUuids(List<String> uuids) {
        return new SubmissionSetCriteria(null, uuids, null, null, null, TimeRangeCriterion.NONE, null, null);
    }

    public static SubmissionSetCriteria byPatient(PatientRef patient, List<EntryStatus> statuses) {
        return new SubmissionSetCriteria(patient, null, null, statuses, null, TimeRangeCriterion.NONE, null, null);
    }
}
