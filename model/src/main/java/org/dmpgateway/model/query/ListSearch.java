package org.dmpgateway.model.query;

import org.dmpgateway.model.PatientRef;

import java.util.Objects;

/**
 * ITI-66 Find Document Lists as the core receives it: a FindSubmissionSets and/or a FindFolders (a
 * null one is not asked for) in one patient's record, answered with the members of each List in one
 * core query ({@link org.dmpgateway.model.Core#findLists}).
 */
public record ListSearch(RegistryQuery.FindSubmissionSets submissionSets, RegistryQuery.FindFolders folders) {
    public ListSearch {
        if (submissionSets == null && folders == null) {
            throw new IllegalArgumentException("a List search asks for submission sets, folders or both");
        }
        if (submissionSets != null && folders != null && !Objects.equals(submissionSets.patient(), folders.patient())) {
            throw new IllegalArgumentException("a List search is in one patient's record");
        }
    }

    /** What the search selects by: the record of its patient. */
    public Selection selection() {
        return Selection.inRecordOf(patient());
    }

    public PatientRef patient() {
        return submissionSets != null ? submissionSets.patient() : folders.patient();
    }

    /** The stored queries asked for, for the trace: "FindSubmissionSets", "FindFolders" or both joined by "and". */
    public String queryNames() {
        if (submissionSets == null) {
            return "FindFolders";
        }
        return folders == null ? "FindSubmissionSets" : "FindSubmissionSets and FindFolders";
    }
}
