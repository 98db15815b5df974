package org.dmpgateway.mappings.model;

import java.util.List;
import java.util.Map;

/**
 * One version of a document's metadata (XDS DocumentEntry). Times are HL7 DTM strings as sent
 * (precision kept), coded values carry their code system OID, people and organisations keep
 * their HL7v2 encoding. {@code extraMetadata} holds the non-standard slots (name -> values).
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
        Map<String, List<String>> extraMetadata) {

    public DocumentEntryRecord {
        sourcePatientInfo = List.copyOf(sourcePatientInfo == null ? List.of() : sourcePatientInfo);
        confidentialityCodes = List.copyOf(confidentialityCodes == null ? List.of() : confidentialityCodes);
        eventCodes = List.copyOf(eventCodes == null ? List.of() : eventCodes);
        authors = List.copyOf(authors == null ? List.of() : authors);
        referenceIds = List.copyOf(referenceIds == null ? List.of() : referenceIds);
        extraMetadata = Map.copyOf(extraMetadata == null ? Map.of() : extraMetadata);
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
                extraMetadata);
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
                extraMetadata);
    }
}
