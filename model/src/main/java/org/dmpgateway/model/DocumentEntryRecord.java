package org.dmpgateway.model;

import java.util.List;
import java.util.Map;

/**
 * One version of a document's metadata (XDS DocumentEntry). Times are HL7 DTM strings as sent
 * (precision kept), coded values carry their code system OID, people and organisations keep
 * their HL7v2 encoding. {@code extraMetadata} holds the non-standard slots (name -> values).
 * {@code submitterId} is no XDS attribute: the national identifier (IdNat_PS) of the professional
 * who submitted this document (the VIHF subject, or the bearer token's), recorded by the registry;
 * null in a request and for entries stored before it was recorded. The submitter may manage what
 * he submitted (mask, archive, delete) like an author.
 */
public record DocumentEntryRecord(
        String entryUuid,
        String logicalUuid,
        String version,
        String uniqueId,
        String homeCommunityId,
        PatientRef patientId,
        String sourcePatientId,
        List<String> sourcePatientInfo,
        boolean onDemand,
        EntryStatus availabilityStatus,
        CodedValue classCode,
        CodedValue typeCode,
        CodedValue formatCode,
        CodedValue healthcareFacilityTypeCode,
        CodedValue practiceSettingCode,
        List<CodedValue> confidentialityCodes,
        List<CodedValue> eventCodes,
        String creationTime,
        String serviceStartTime,
        String serviceStopTime,
        List<AuthorInfo> authors,
        String title,
        String comments,
        String languageCode,
        String mimeType,
        String hash,
        Long size,
        String repositoryUniqueId,
        String uri,
        String legalAuthenticator,
        List<String> referenceIds,
        String documentAvailability,
        boolean limitedMetadata,
        Map<String, List<String>> extraMetadata,
        String submitterId) {

    public DocumentEntryRecord {
        sourcePatientInfo = List.copyOf(sourcePatientInfo == null ? List.of() : sourcePatientInfo);
        confidentialityCodes = List.copyOf(confidentialityCodes == null ? List.of() : confidentialityCodes);
        eventCodes = List.copyOf(eventCodes == null ? List.of() : eventCodes);
        authors = List.copyOf(authors == null ? List.of() : authors);
        referenceIds = List.copyOf(referenceIds == null ? List.of() : referenceIds);
        extraMetadata = Map.copyOf(extraMetadata == null ? Map.of() : extraMetadata);
    }

    /** An entry as a request carries it: no submitter recorded yet. */
    public DocumentEntryRecord(String entryUuid, String logicalUuid, String version, String uniqueId,
                               String homeCommunityId, PatientRef patientId, String sourcePatientId,
                               List<String> sourcePatientInfo, boolean onDemand, EntryStatus availabilityStatus,
                               CodedValue classCode, CodedValue typeCode, CodedValue formatCode,
                               CodedValue healthcareFacilityTypeCode, CodedValue practiceSettingCode,
                               List<CodedValue> confidentialityCodes, List<CodedValue> eventCodes, String creationTime,
                               String serviceStartTime, String serviceStopTime, List<AuthorInfo> authors, String title,
                               String comments, String languageCode, String mimeType, String hash, Long size,
                               String repositoryUniqueId, String uri, String legalAuthenticator,
                               List<String> referenceIds, String documentAvailability, boolean limitedMetadata,
                               Map<String, List<String>> extraMetadata) {
        this(entryUuid, logicalUuid, version, uniqueId, homeCommunityId, patientId, sourcePatientId, sourcePatientInfo,
                onDemand, availabilityStatus, classCode, typeCode, formatCode, healthcareFacilityTypeCode,
                practiceSettingCode, confidentialityCodes, eventCodes, creationTime, serviceStartTime, serviceStopTime,
                authors, title, comments, languageCode, mimeType, hash, size, repositoryUniqueId, uri, legalAuthenticator,
                referenceIds, documentAvailability, limitedMetadata, extraMetadata, null);
    }

    /** Copy recording the professional who submitted the document (IdNat_PS). */
    public DocumentEntryRecord withSubmitter(String submitter) {
        return new DocumentEntryRecord(entryUuid, logicalUuid, version, uniqueId, homeCommunityId, patientId,
                sourcePatientId, sourcePatientInfo, onDemand, availabilityStatus, classCode, typeCode, formatCode,
                healthcareFacilityTypeCode, practiceSettingCode, confidentialityCodes, eventCodes, creationTime,
                serviceStartTime, serviceStopTime, authors, title, comments, languageCode, mimeType, hash, size,
                repositoryUniqueId, uri, legalAuthenticator, referenceIds, documentAvailability, limitedMetadata,
                extraMetadata, submitter);
    }

    public DocumentEntryRecord withStatus(EntryStatus status) {
        return withRegistryValues(logicalUuid, version, status, hash, size, repositoryUniqueId, homeCommunityId);
    }

    /** Copy under other identifiers (registry-assigned entryUUID, logical id). */
    public DocumentEntryRecord withIds(String entryUuid, String logicalUuid) {
        return new DocumentEntryRecord(entryUuid, logicalUuid, version, uniqueId, homeCommunityId, patientId,
                sourcePatientId, sourcePatientInfo, onDemand, availabilityStatus, classCode, typeCode, formatCode,
                healthcareFacilityTypeCode, practiceSettingCode, confidentialityCodes, eventCodes, creationTime,
                serviceStartTime, serviceStopTime, authors, title, comments, languageCode, mimeType, hash, size,
                repositoryUniqueId, uri, legalAuthenticator, referenceIds, documentAvailability, limitedMetadata,
                extraMetadata, submitterId);
    }

    /** Copy with the values the registry assigns or computes at submission time. */
    public DocumentEntryRecord withRegistryValues(String logicalUuid, String version, EntryStatus status,
                                                  String hash, Long size, String repositoryUniqueId,
                                                  String homeCommunityId) {
        return new DocumentEntryRecord(entryUuid, logicalUuid, version, uniqueId, homeCommunityId, patientId,
                sourcePatientId, sourcePatientInfo, onDemand, status, classCode, typeCode, formatCode,
                healthcareFacilityTypeCode, practiceSettingCode, confidentialityCodes, eventCodes, creationTime,
                serviceStartTime, serviceStopTime, authors, title, comments, languageCode, mimeType, hash, size,
                repositoryUniqueId, uri, legalAuthenticator, referenceIds, documentAvailability, limitedMetadata,
                extraMetadata, submitterId);
    }
}
