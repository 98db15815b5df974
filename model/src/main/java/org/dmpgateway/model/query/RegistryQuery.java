package org.dmpgateway.model.query;

import org.dmpgateway.model.AssociationKind;
import org.dmpgateway.model.CodedValue;
import org.dmpgateway.model.EntryStatus;
import org.dmpgateway.model.PatientRef;

import java.util.List;

/**
 * The internal form of the XDS stored queries (ITI-18), independent of ebXML. The core executes
 * them against the repository; the adapters build them from their protocol.
 */
public sealed interface RegistryQuery {

    /** The patient the query is about, when the query names one (null for id-based queries). */
    default PatientRef patient() {
        return null;
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

        @Override public PatientRef patient() { return criteria.patient(); }
    }

    record FindSubmissionSets(SubmissionSetCriteria criteria) implements RegistryQuery {
        @Override public PatientRef patient() { return criteria.patient(); }
    }

    record FindFolders(FolderCriteria criteria) implements RegistryQuery {
        @Override public PatientRef patient() { return criteria.patient(); }
    }

    record GetAll(PatientRef patient, List<EntryStatus> documentStatuses, List<EntryStatus> submissionSetStatuses,
                  List<EntryStatus> folderStatuses, List<CodedValue> formatCodes,
                  List<List<CodedValue>> confidentialityCodes, Boolean onDemand) implements RegistryQuery {
    }

    /** @param withRelationships as for {@link FindDocuments} */
    record GetDocuments(List<String> uuids, List<String> uniqueIds, List<String> logicalUuids, boolean withRelationships)
            implements RegistryQuery {
        public GetDocuments(List<String> uuids, List<String> uniqueIds, List<String> logicalUuids) {
            this(uuids, uniqueIds, logicalUuids, false);
        }
    }

    record GetFolders(List<String> uuids, List<String> uniqueIds, List<String> logicalUuids) implements RegistryQuery {
    }

    record GetAssociations(List<String> uuids) implements RegistryQuery {
    }

    record GetDocumentsAndAssociations(List<String> uuids, List<String> uniqueIds) implements RegistryQuery {
    }

    record GetSubmissionSets(List<String> uuids) implements RegistryQuery {
    }

    record GetSubmissionSetAndContents(String uuid, String uniqueId, List<CodedValue> formatCodes,
                                       List<List<CodedValue>> confidentialityCodes, Boolean onDemand)
            implements RegistryQuery {
    }

    record GetFolderAndContents(String uuid, String uniqueId, List<CodedValue> formatCodes,
                                List<List<CodedValue>> confidentialityCodes, Boolean onDemand)
            implements RegistryQuery {
    }

    record GetFoldersForDocument(String uuid, String uniqueId) implements RegistryQuery {
    }

    record GetRelatedDocuments(String uuid, String uniqueId, List<AssociationKind> associationKinds,
                               Boolean onDemand) implements RegistryQuery {
    }
}
