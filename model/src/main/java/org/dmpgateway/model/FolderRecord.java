package org.dmpgateway.model;

import java.util.List;
import java.util.Map;

/**
 * A folder (XDS Folder). {@code lastUpdateTime} is an HL7 DTM string set by the registry.
 * {@code patientIdAsSent} is the patientId CX exactly as an XDS request wrote it (the DMP's
 * {@code ^NH}, effective date), given back as it came; null when not submitted over XDS.
 */
public record FolderRecord(
        String entryUuid,
        String logicalUuid,
        String version,
        String uniqueId,
        String homeCommunityId,
        PatientRef patientId,
        List<CodedValue> codes,
        String lastUpdateTime,
        String title,
        String comments,
        EntryStatus availabilityStatus,
        boolean limitedMetadata,
        Map<String, List<String>> extraMetadata,
        String patientIdAsSent) {

    public FolderRecord {
        codes = List.copyOf(codes == null ? List.of() : codes);
        extraMetadata = Map.copyOf(extraMetadata == null ? Map.of() : extraMetadata);
    }

    /** A folder without the patientId as sent (submitted over FHIR). */
    public FolderRecord(String entryUuid, String logicalUuid, String version, String uniqueId, String homeCommunityId,
                        PatientRef patientId, List<CodedValue> codes, String lastUpdateTime, String title,
                        String comments, EntryStatus availabilityStatus, boolean limitedMetadata,
                        Map<String, List<String>> extraMetadata) {
        this(entryUuid, logicalUuid, version, uniqueId, homeCommunityId, patientId, codes, lastUpdateTime, title,
                comments, availabilityStatus, limitedMetadata, extraMetadata, null);
    }

    public FolderRecord withRegistryValues(String logicalUuid, String version, EntryStatus status,
                                           String lastUpdateTime, String homeCommunityId) {
        return new FolderRecord(entryUuid, logicalUuid, version, uniqueId, homeCommunityId, patientId, codes,
                lastUpdateTime, title, comments, status, limitedMetadata, extraMetadata, patientIdAsSent);
    }

    /** Copy under another entryUUID (registry-assigned), everything else kept. */
    public FolderRecord withEntryUuid(String uuid) {
        return new FolderRecord(uuid, logicalUuid, version, uniqueId, homeCommunityId, patientId, codes,
                lastUpdateTime, title, comments, availabilityStatus, limitedMetadata, extraMetadata, patientIdAsSent);
    }
}
