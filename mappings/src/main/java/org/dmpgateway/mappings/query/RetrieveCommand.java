package org.dmpgateway.mappings.query;

import java.util.List;

/** A retrieve request (ITI-43, later ITI-68): one or several documents. */
public record RetrieveCommand(List<Item> items) {
    public record Item(String repositoryUniqueId, String documentUniqueId, String homeCommunityId) {
    }

    public RetrieveCommand {
        items = List.copyOf(items);
    }
}
