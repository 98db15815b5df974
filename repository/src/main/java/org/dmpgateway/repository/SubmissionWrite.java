package org.dmpgateway.repository;

import org.dmpgateway.model.Submission;

import java.util.List;
import java.util.Map;

/**
 * Everything one accepted submission writes, in one database transaction: the new objects (with
 * registry values already assigned: status, logicalUuid, version, hash, size, repositoryUniqueId,
 * folder lastUpdateTime), the content of each document that still carries one (staged and published
 * by {@link RegistryRepository#storeSubmission}; the core stages and publishes the contents itself
 * with {@link RegistryRepository#openContentUpload} and passes the documents without them), the
 * entries a replacement deprecates, and the existing folders whose lastUpdateTime changes (folder
 * entryUuid -> HL7 DTM).
 */
public record SubmissionWrite(Submission submission,
                              List<String> deprecatedEntryUuids,
                              Map<String, String> folderLastUpdateTimes) {
    public SubmissionWrite {
        deprecatedEntryUuids = List.copyOf(deprecatedEntryUuids == null ? List.of() : deprecatedEntryUuids);
        folderLastUpdateTimes = Map.copyOf(folderLastUpdateTimes == null ? Map.of() : folderLastUpdateTimes);
    }
}
