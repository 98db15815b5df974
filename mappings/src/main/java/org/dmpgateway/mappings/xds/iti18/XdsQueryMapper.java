package org.dmpgateway.mappings.xds.iti18;

import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.query.DocumentCriteria;
import org.dmpgateway.model.query.FolderCriteria;
import org.dmpgateway.model.query.QueryCommand;
import org.dmpgateway.model.query.RegistryQuery;
import org.dmpgateway.model.query.SubmissionSetCriteria;
import org.openehealth.ipf.commons.ihe.xds.core.requests.QueryRegistry;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.FindDocumentsByReferenceIdQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.FindDocumentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.FindFoldersQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.FindSubmissionSetsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetAllQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetAssociationsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetDocumentsAndAssociationsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetDocumentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetFolderAndContentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetFoldersForDocumentQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetFoldersQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetRelatedDocumentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetSubmissionSetAndContentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetSubmissionSetsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.Query;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.QueryReturnType;

import static org.dmpgateway.mappings.xds.iti18.QueryParameters.*;
import static org.dmpgateway.mappings.xds.metadata.XdsValues.onDemand;

/**
 * ITI-18 stored queries (IPF model) to the internal {@link QueryCommand}, one small method per
 * query. {@code ObjectRef} asks for references only. Absent parameters become null (no filter);
 * code parameters with AND/OR semantics become lists of OR-groups; time ranges keep their HL7
 * strings; the document entry types give {@code onDemand} (none or stable only: false, the IHE
 * default; on-demand only: true; both: null). Supported: FindDocuments, FindDocumentsByReferenceId,
 * FindSubmissionSets, FindFolders, GetAll, GetDocuments, GetFolders, GetAssociations,
 * GetDocumentsAndAssociations, GetSubmissionSets, GetSubmissionSetAndContents,
 * GetFolderAndContents, GetFoldersForDocument and GetRelatedDocuments; any other query is
 * refused with UNKNOWN_STORED_QUERY. Not carried: homeCommunityId, metadataLevel,
 * documentAvailability, targetCommunityIds, associationStatuses and extra parameters.
 */
public final class XdsQueryMapper {
    private XdsQueryMapper() {
    }

    public static QueryCommand toQueryCommand(QueryRegistry request) {
        return new QueryCommand(toQuery(request.getQuery()), request.getReturnType() == QueryReturnType.OBJECT_REF);
    }

    static RegistryQuery toQuery(Query q) {
        if (q == null || q.getType() == null) {
            throw new DmpException(DmpErrorCode.UNKNOWN_STORED_QUERY, "stored query (none) is not supported");
        }
        return switch (q.getType()) {
            case FIND_DOCUMENTS, FIND_DOCUMENTS_BY_REFERENCE_ID -> findDocuments((FindDocumentsQuery) q);
            case FIND_SUBMISSION_SETS -> findSubmissionSets((FindSubmissionSetsQuery) q);
            case FIND_FOLDERS -> findFolders((FindFoldersQuery) q);
            case GET_ALL -> getAll((GetAllQuery) q);
            case GET_DOCUMENTS -> getDocuments((GetDocumentsQuery) q);
            case GET_FOLDERS -> getFolders((GetFoldersQuery) q);
            case GET_ASSOCIATIONS -> getAssociations((GetAssociationsQuery) q);
            case GET_DOCUMENTS_AND_ASSOCIATIONS -> getDocumentsAndAssociations((GetDocumentsAndAssociationsQuery) q);
            case GET_SUBMISSION_SETS -> getSubmissionSets((GetSubmissionSetsQuery) q);
            case GET_SUBMISSION_SET_AND_CONTENTS -> getSubmissionSetAndContents((GetSubmissionSetAndContentsQuery) q);
            case GET_FOLDER_AND_CONTENTS -> getFolderAndContents((GetFolderAndContentsQuery) q);
            case GET_FOLDERS_FOR_DOCUMENT -> getFoldersForDocument((GetFoldersForDocumentQuery) q);
            case GET_RELATED_DOCUMENTS -> getRelatedDocuments((GetRelatedDocumentsQuery) q);
            default -> throw new DmpException(DmpErrorCode.UNKNOWN_STORED_QUERY,
                    "stored query " + q.getType() + " is not supported");
        };
    }

    private static RegistryQuery findDocuments(FindDocumentsQuery q) {
        DocumentCriteria.Builder b = DocumentCriteria.builder()
                .patient(patient("$XDSDocumentEntryPatientId", q.getPatientId()))
                .statuses(requiredStatuses("$XDSDocumentEntryStatus", q.getStatus()))
                .classCodes(codes("$XDSDocumentEntryClassCode", q.getClassCodes()))
                .typeCodes(codes("$XDSDocumentEntryTypeCode", q.getTypeCodes()))
                .practiceSettingCodes(codes("$XDSDocumentEntryPracticeSettingCode", q.getPracticeSettingCodes()))
                .healthcareFacilityTypeCodes(codes("$XDSDocumentEntryHealthcareFacilityTypeCode",
                        q.getHealthcareFacilityTypeCodes()))
                .formatCodes(codes("$XDSDocumentEntryFormatCode", q.getFormatCodes()))
                .confidentialityCodes(codeGroups("$XDSDocumentEntryConfidentialityCode", q.getConfidentialityCodes()))
                .eventCodes(codeGroups("$XDSDocumentEntryEventCodeList", q.getEventCodes()))
                .creationTime(range(q.getCreationTime()))
                .serviceStartTime(range(q.getServiceStartTime()))
                .serviceStopTime(range(q.getServiceStopTime()))
                .authorPersons(strings(q.getAuthorPersons()))
                .onDemand(onDemand(q.getDocumentEntryTypes()));
        if (q instanceof FindDocumentsByReferenceIdQuery byRef) {
            var referenceIds = flattened(byRef.getReferenceIds());
            if (referenceIds == null) {
                throw invalid("$XDSDocumentEntryReferenceIdList", "the parameter is required");
            }
            b.referenceIds(referenceIds);
        }
        return new RegistryQuery.FindDocuments(b.build());
    }

    private static RegistryQuery findSubmissionSets(FindSubmissionSetsQuery q) {
        return new RegistryQuery.FindSubmissionSets(SubmissionSetCriteria.builder()
                .patient(patient("$XDSSubmissionSetPatientId", q.getPatientId()))
                .statuses(requiredStatuses("$XDSSubmissionSetStatus", q.getStatus()))
                .sourceIds(strings(q.getSourceIds()))
                .submissionTime(range(q.getSubmissionTime()))
                .authorPerson(q.getAuthorPerson())
                .contentTypeCodes(codes("$XDSSubmissionSetContentType", q.getContentTypeCodes()))
                .build());
    }

    private static RegistryQuery findFolders(FindFoldersQuery q) {
        return new RegistryQuery.FindFolders(FolderCriteria.builder()
                .patient(patient("$XDSFolderPatientId", q.getPatientId()))
                .statuses(requiredStatuses("$XDSFolderStatus", q.getStatus()))
                .lastUpdateTime(range(q.getLastUpdateTime()))
                .codes(codeGroups("$XDSFolderCodeList", q.getCodes()))
                .build());
    }

    private static RegistryQuery getAll(GetAllQuery q) {
        return new RegistryQuery.GetAll(patient("$patientId", q.getPatientId()),
                requiredStatuses("$XDSDocumentEntryStatus", q.getStatusDocuments()),
                requiredStatuses("$XDSSubmissionSetStatus", q.getStatusSubmissionSets()),
                requiredStatuses("$XDSFolderStatus", q.getStatusFolders()),
                codes("$XDSDocumentEntryFormatCode", q.getFormatCodes()),
                codeGroups("$XDSDocumentEntryConfidentialityCode", q.getConfidentialityCodes()),
                onDemand(q.getDocumentEntryTypes()));
    }

    private static RegistryQuery getDocuments(GetDocumentsQuery q) {
        return new RegistryQuery.GetDocuments(strings(q.getUuids()), strings(q.getUniqueIds()),
                strings(q.getLogicalUuid()));
    }

    private static RegistryQuery getFolders(GetFoldersQuery q) {
        return new RegistryQuery.GetFolders(strings(q.getUuids()), strings(q.getUniqueIds()),
                strings(q.getLogicalUuid()));
    }

    private static RegistryQuery getAssociations(GetAssociationsQuery q) {
        return new RegistryQuery.GetAssociations(strings(q.getUuids()));
    }

    private static RegistryQuery getDocumentsAndAssociations(GetDocumentsAndAssociationsQuery q) {
        return new RegistryQuery.GetDocumentsAndAssociations(strings(q.getUuids()), strings(q.getUniqueIds()));
    }

    private static RegistryQuery getSubmissionSets(GetSubmissionSetsQuery q) {
        return new RegistryQuery.GetSubmissionSets(strings(q.getUuids()));
    }

    private static RegistryQuery getSubmissionSetAndContents(GetSubmissionSetAndContentsQuery q) {
        return new RegistryQuery.GetSubmissionSetAndContents(q.getUuid(), q.getUniqueId(),
                codes("$XDSDocumentEntryFormatCode", q.getFormatCodes()),
                codeGroups("$XDSDocumentEntryConfidentialityCode", q.getConfidentialityCodes()),
                onDemand(q.getDocumentEntryTypes()));
    }

    private static RegistryQuery getFolderAndContents(GetFolderAndContentsQuery q) {
        return new RegistryQuery.GetFolderAndContents(q.getUuid(), q.getUniqueId(),
                codes("$XDSDocumentEntryFormatCode", q.getFormatCodes()),
                codeGroups("$XDSDocumentEntryConfidentialityCode", q.getConfidentialityCodes()),
                onDemand(q.getDocumentEntryTypes()));
    }

    private static RegistryQuery getFoldersForDocument(GetFoldersForDocumentQuery q) {
        return new RegistryQuery.GetFoldersForDocument(q.getUuid(), q.getUniqueId());
    }

    private static RegistryQuery getRelatedDocuments(GetRelatedDocumentsQuery q) {
        return new RegistryQuery.GetRelatedDocuments(q.getUuid(), q.getUniqueId(),
                kinds("$AssociationTypes", q.getAssociationTypes()), onDemand(q.getDocumentEntryTypes()));
    }
}
