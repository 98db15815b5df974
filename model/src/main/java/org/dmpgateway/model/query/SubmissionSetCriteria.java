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
        return builder().entryUuids(uuids).build();
    }

    public static SubmissionSetCriteria byPatient(PatientRef patient, List<EntryStatus> statuses) {
        return builder().patient(patient).statuses(statuses).build();
    }

    /** Every criterion unset (no filter); {@code submissionTime} {@link TimeRangeCriterion#NONE}. */
    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return builder().patient(patient).entryUuids(entryUuids).uniqueIds(uniqueIds).statuses(statuses)
                .sourceIds(sourceIds).submissionTime(submissionTime).authorPerson(authorPerson)
                .contentTypeCodes(contentTypeCodes);
    }

    public static final class Builder {
        private PatientRef patient;
        private List<String> entryUuids;
        private List<String> uniqueIds;
        private List<EntryStatus> statuses;
        private List<String> sourceIds;
        private TimeRangeCriterion submissionTime = TimeRangeCriterion.NONE;
        private String authorPerson;
        private List<CodedValue> contentTypeCodes;

        private Builder() {
        }

        public Builder patient(PatientRef v) { patient = v; return this; }
        public Builder entryUuids(List<String> v) { entryUuids = v; return this; }
        public Builder uniqueIds(List<String> v) { uniqueIds = v; return this; }
        public Builder statuses(List<EntryStatus> v) { statuses = v; return this; }
        public Builder sourceIds(List<String> v) { sourceIds = v; return this; }
        public Builder submissionTime(TimeRangeCriterion v) { submissionTime = v == null ? TimeRangeCriterion.NONE : v; return this; }
        public Builder authorPerson(String v) { authorPerson = v; return this; }
        public Builder contentTypeCodes(List<CodedValue> v) { contentTypeCodes = v; return this; }

        public SubmissionSetCriteria build() {
            return new SubmissionSetCriteria(patient, entryUuids, uniqueIds, statuses, sourceIds, submissionTime,
                    authorPerson, contentTypeCodes);
        }
    }
}
