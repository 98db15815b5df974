package org.dmpgateway.model;

import java.util.List;

/** The internal command of a deletion (ITI-62 Remove Metadata): the entryUUIDs of the objects to remove. */
public record DocumentRemoval(List<String> entryUuids) {
    public DocumentRemoval {
        entryUuids = List.copyOf(entryUuids == null ? List.of() : entryUuids);
    }
}
