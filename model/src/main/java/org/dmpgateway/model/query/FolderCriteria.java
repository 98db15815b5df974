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
        return new FolderCriteria(null, uuids, null, null, null, TimeRangeCriterion.NONE, null);
    }

    public static FolderCriteria byPatient(PatientRef patient, List<EntryStatus> statuses) {
        return new FolderCriteria(patient, null, null, null, statuses, TimeRangeCriterion.NONE, null);
    }
}
