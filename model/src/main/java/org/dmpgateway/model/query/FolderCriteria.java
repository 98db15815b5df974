package org.dmpgateway.model.query;

import org.dmpgateway.model.CodedValue;
import org.dmpgateway.model.EntryStatus;
import org.dmpgateway.model.PatientRef;

import java.util.List;

/** Selection of folders. Null list: no filter; empty list: nothing. {@code codes} is AND-of-OR. */
public record FolderCriteria(
        PatientRef patient,
        List<String> entryUuids,
        List<String> uniqueIds,
        List<String> logicalUuids,
        List<EntryStatus> statuses,
        TimeRangeCriterion lastUpdateTime,
        List<List<CodedValue>> codes) {

    public static FolderCriteria byUuids(List<String> uuids) {
        return builder().entryUuids(uuids).build();
    }

    public static FolderCriteria byPatient(PatientRef patient, List<EntryStatus> statuses) {
        return builder().patient(patient).statuses(statuses).build();
    }

    /** Every criterion unset (no filter); {@code lastUpdateTime} {@link TimeRangeCriterion#NONE}. */
    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return builder().patient(patient).entryUuids(entryUuids).uniqueIds(uniqueIds).logicalUuids(logicalUuids)
                .statuses(statuses).lastUpdateTime(lastUpdateTime).codes(codes);
    }

    public static final class Builder {
        private PatientRef patient;
        private List<String> entryUuids;
        private List<String> uniqueIds;
        private List<String> logicalUuids;
        private List<EntryStatus> statuses;
        private TimeRangeCriterion lastUpdateTime = TimeRangeCriterion.NONE;
        private List<List<CodedValue>> codes;

        private Builder() {
        }

        public Builder patient(PatientRef v) { patient = v; return this; }
        public Builder entryUuids(List<String> v) { entryUuids = v; return this; }
        public Builder uniqueIds(List<String> v) { uniqueIds = v; return this; }
        public Builder logicalUuids(List<String> v) { logicalUuids = v; return this; }
        public Builder statuses(List<EntryStatus> v) { statuses = v; return this; }
        public Builder lastUpdateTime(TimeRangeCriterion v) { lastUpdateTime = v == null ? TimeRangeCriterion.NONE : v; return this; }
        public Builder codes(List<List<CodedValue>> v) { codes = v; return this; }

        public FolderCriteria build() {
            return new FolderCriteria(patient, entryUuids, uniqueIds, logicalUuids, statuses, lastUpdateTime, codes);
        }
    }
}
