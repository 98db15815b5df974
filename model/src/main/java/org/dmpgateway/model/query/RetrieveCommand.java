package org.dmpgateway.model.query;

import java.util.List;

/** A retrieve request (ITI-43, ITI-68): one or several documents. */
public record RetrieveCommand(List<Item> items) {
    /**
     * One document, named by its uniqueId (ITI-43), or by the entryUUID of one of its metadata versions
     * ({@code documentUniqueId} null: ITI-68, whose Binary id is the DocumentReference id).
     */
    public record Item(String repositoryUniqueId, String documentUniqueId, String homeCommunityId, String entryUuid) {
        public Item(String repositoryUniqueId, String documentUniqueId, String homeCommunityId) {
            this(repositoryUniqueId, documentUniqueId, homeCommunityId, null);
        }

        /** ITI-68: the document whose metadata version has this entryUUID, in this repository. */
        public static Item byEntryUuid(String repositoryUniqueId, String entryUuid) {
            return new Item(repositoryUniqueId, null, null, entryUuid);
        }
    }

    public RetrieveCommand {
        items = List.copyOf(items);
    }
}
