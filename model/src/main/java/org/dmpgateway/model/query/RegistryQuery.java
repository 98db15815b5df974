package org.dmpgateway.model.query;

import org.dmpgateway.model.AssociationKind;
import org.dmpgateway.model.CodedValue;
import org.dmpgateway.model.EntryStatus;
import org.dmpgateway.model.PatientRef;

import java.util.List;

import static org.dmpgateway.model.query.Selection.one;

/**
 * The internal form of the XDS stored queries (ITI-18), independent of ebXML. The core executes
 * them against the repository; the adapters build them from their protocol. Each record states
 * what it selects by, and so what it requires ({@link #selection()}, no default): the core checks
 * every query against it before running it, so a new query type cannot pass unchecked.
 */
public sealed interface RegistryQuery {

    /** What this query selects by: the patient it searches, or the objects it names by id. */
    Selection selection();

    /** The patient the query is about, when the query names one (null for id-based queries). */
    default PatientRef patient() {
        return selection().patient();
    }

    /**
     * @param withRelationships also answer the document relationships (RPLC, XFRM, APND, signs...) whose
     *                          source is a found document and whose target the caller may see (MHD
     *                          {@code relatesTo}); ITI-18 FindDocuments answers none
     */
    record FindDocuments(DocumentCriteria criteria, boolean withRelationships) implements RegistryQuery {
        public FindDocuments(DocumentCriteria criteria) {
            this(criteria, false);
        }

        @Override public Selection selection() { return Selection.inRecordOf(criteria.patient()); }
    }

    record FindSubmissionSets(SubmissionSetCriteria criteria) implements RegistryQuery {
        @Override public Selection selection() { return Selection.inRecordOf(criteria.patient()); }
    }

    record FindFolders(FolderCriteria criteria) implements RegistryQuery {
        @Override public Selection selection() { return Selection.inRecordOf(criteria.patient()); }
    }

    record GetAll(PatientRef patient, List<EntryStatus> documentStatuses, List<EntryStatus> submissionSetStatuses,
                  List<EntryStatus> folderStatuses, List<CodedValue> formatCodes,
                  List<List<CodedValue>> confidentialityCodes, Boolean onDemand) implements RegistryQuery {
        @Override public Selection selection() { return Selection.inRecordOf(patient); }
    }

    /** @param withRelationships as for {@link FindDocuments} */
    record GetDocuments(List<String> uuids, List<String> uniqueIds, List<String> logicalUuids, boolean withRelationships)
            implements RegistryQuery {
        public GetDocuments(List<String> uuids, List<String> uniqueIds, List<String> logicalUuids) {
            this(uuids, uniqueIds, logicalUuids, false);
        }

        @Override public Selection selection() { return Selection.documents(uuids, uniqueIds, logicalUuids); }
    }

    record GetFolders(List<String> uuids, List<String> uniqueIds, List<String> logicalUuids) implements RegistryQuery {
        @Override public Selection selection() { return Selection.folders(uuids, uniqueIds, logicalUuids); }
    }

    record GetAssociations(List<String> uuids) implements RegistryQuery {
        @Override public Selection selection() { return Selection.associations(uuids); }
    }

    record GetDocumentsAndAssociations(List<String> uuids, List<String> uniqueIds) implements RegistryQuery {
        @Override public Selection selection() { return Selection.documents(uuids, uniqueIds, null); }
    }

    /** @param uuids the objects (documents, folders) whose submission sets are asked for */
    record GetSubmissionSets(List<String> uuids) implements RegistryQuery {
        @Override public Selection selection() { return Selection.submissionSets(uuids, null); }
    }

    record GetSubmissionSetAndContents(String uuid, String uniqueId, List<CodedValue> formatCodes,
                                       List<List<CodedValue>> confidentialityCodes, Boolean onDemand)
            implements RegistryQuery {
        @Override public Selection selection() { return Selection.submissionSets(one(uuid), one(uniqueId)); }
    }

    record GetFolderAndContents(String uuid, String uniqueId, List<CodedValue> formatCodes,
                                List<List<CodedValue>> confidentialityCodes, Boolean onDemand)
            implements RegistryQuery {
        @Override public Selection selection() { return Selection.folders(one(uuid), one(uniqueId), null); }
    }

    record GetFoldersForDocument(String uuid, String uniqueId) implements RegistryQuery {
        @Override public Selection selection() { return Selection.documents(one(uuid), one(uniqueId), null); }
    }

    record GetRelatedDocuments(String uuid, String uniqueId, List<AssociationKind> associationKinds,
                               Boolean onDemand) implements RegistryQuery {
        @Override public Selection selection() { return Selection.documents(one(uuid), one(uniqueId), null); }
    }
}
