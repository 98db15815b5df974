package org.dmpgateway.model.query;

import org.dmpgateway.model.FolderRecord;
import org.dmpgateway.model.SubmissionSetRecord;

import java.util.List;
import java.util.Map;

/**
 * The answer of a {@link ListSearch}: the submission sets and the folders found, each in insertion
 * order, and the members of each List by its entryUUID: the entryUUIDs of the documents its
 * HasMember associations reference that the caller may see, in insertion order (a List without
 * such a member is absent from {@code members}).
 */
public record FoundLists(List<SubmissionSetRecord> submissionSets, List<FolderRecord> folders,
                         Map<String, List<String>> members) {
    public FoundLists {
        submissionSets = List.copyOf(submissionSets);
        folders = List.copyOf(folders);
        members = Map.copyOf(members);
    }

    /** The documents the List of this entryUUID references that the caller may see (none: empty). */
    public List<String> membersOf(String listEntryUuid) {
        return members.getOrDefault(listEntryUuid, List.of());
    }
}
