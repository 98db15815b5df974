package org.dmpgateway.model.query;

import org.dmpgateway.model.PatientRef;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a stored query selects by, stated by each {@link RegistryQuery} record, and so what it
 * requires before it runs: a search in one patient's record requires the patient; a query naming
 * objects by id requires at least one id (an empty selection would mean "everything"). The core
 * checks a query against its selection alone ({@link #isComplete()}), and traces the ids it names
 * as probes on other records, so a new query type states these facts or does not compile.
 *
 * @param target       what the query selects: a patient's record, or objects of one kind named by id
 * @param patient      the patient of a {@link Target#PATIENT_RECORD} search (null otherwise)
 * @param entryUuids   the entryUUIDs named (null: none)
 * @param uniqueIds    the uniqueIds named (null: none)
 * @param logicalUuids the logical ids named (null: none)
 */
public record Selection(Target target, PatientRef patient, List<String> entryUuids, List<String> uniqueIds,
                        List<String> logicalUuids) {

    /** What a query selects. */
    public enum Target {
        /** A search in one patient's record (FindDocuments, FindSubmissionSets, FindFolders, GetAll). */
        PATIENT_RECORD,
        /** Document entries named by id. */
        DOCUMENTS,
        /** Folders named by id. */
        FOLDERS,
        /** Submission sets named by id (or by the ids of their members, GetSubmissionSets). */
        SUBMISSION_SETS,
        /** Associations named by entryUUID. */
        ASSOCIATIONS
    }

    public Selection {
        if (target == null) {
            throw new IllegalArgumentException("a selection has a target");
        }
    }

    /** A search in this patient's record (the patient may be missing: {@link #isComplete()} says so). */
    public static Selection inRecordOf(PatientRef patient) {
        return new Selection(Target.PATIENT_RECORD, patient, null, null, null);
    }

    public static Selection documents(List<String> entryUuids, List<String> uniqueIds, List<String> logicalUuids) {
        return new Selection(Target.DOCUMENTS, null, entryUuids, uniqueIds, logicalUuids);
    }

    public static Selection folders(List<String> entryUuids, List<String> uniqueIds, List<String> logicalUuids) {
        return new Selection(Target.FOLDERS, null, entryUuids, uniqueIds, logicalUuids);
    }

    public static Selection submissionSets(List<String> entryUuids, List<String> uniqueIds) {
        return new Selection(Target.SUBMISSION_SETS, null, entryUuids, uniqueIds, null);
    }

    public static Selection associations(List<String> entryUuids) {
        return new Selection(Target.ASSOCIATIONS, null, entryUuids, null, null);
    }

    /** One id as a list (null: none), for the queries that name a single object. */
    public static List<String> one(String id) {
        return id == null ? null : List.of(id);
    }

    /** True when the query names objects by id rather than searching a patient's record. */
    public boolean byIdentifiers() {
        return target != Target.PATIENT_RECORD;
    }

    /** Every id named, entryUUIDs, uniqueIds and logical ids in that order, nulls left out. */
    public List<String> identifiers() {
        List<String> ids = new ArrayList<>();
        for (List<String> list : List.of(nonNull(entryUuids), nonNull(uniqueIds), nonNull(logicalUuids))) {
            list.stream().filter(id -> id != null).forEach(ids::add);
        }
        return ids;
    }

    /**
     * True when the query has what its target requires: the patient for a search in a record, at
     * least one non-empty list of ids otherwise.
     */
    public boolean isComplete() {
        return switch (target) {
            case PATIENT_RECORD -> patient != null;
            case DOCUMENTS, FOLDERS, SUBMISSION_SETS, ASSOCIATIONS -> any(entryUuids) || any(uniqueIds) || any(logicalUuids);
        };
    }

    private static boolean any(List<String> list) {
        return list != null && !list.isEmpty();
    }

    private static List<String> nonNull(List<String> list) {
        return list == null ? Collections.emptyList() : list;
    }
}
