package org.dmpgateway.model;

import java.util.List;
import java.util.Map;

/** A folder (XDS Folder). {@code lastUpdateTime} is an HL7 DTM string set by the registry. */
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
        Map<String, List<String>> extraMetadata) {

    public FolderRecord {
        codes = List.copyOf(codes == null ? List.of() : codes);
        extraMetadata = Map.copyOf(extraMetadata == null ? Map.of() : extraMetadata);
    }

    public FolderRecord withRegistryValues(String logicalUuid, String version, EntryStatus status,
                                           String lastUpdateTime, String homeCommunityId) {
        return new FolderRecord(entryUuid, logicalUuid, version, uniqueId, homeCommunityId, patientId, codes,
                lastUpdateTime, title, comments, status, limitedMetadata, extraMetadata);
    }
}
