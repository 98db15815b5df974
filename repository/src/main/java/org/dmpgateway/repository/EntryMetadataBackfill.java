package org.dmpgateway.repository;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the {@link EntryMetadataColumn} of the document entries stored without it, from their
 * child rows, in batches of entries in id order ({@link UnfilledEntries}; each batch: one query per
 * child table, one batch of updates).
 */
public final class EntryMetadataBackfill {
    private EntryMetadataBackfill() {
    }

    /** Fills the column of every entry that has none; returns the number of entries written. */
    public static long fill(Connection connection) {
        return UnfilledEntries.fill(connection, "child_metadata", List.of("entry_uuid"), (named, entries) -> {
            ChildRows children = ChildRows.load(named, ObjectKind.DOCUMENT_ENTRY,
                    entries.stream().map(e -> (String) e[1]).toList());
            List<Object[]> updates = new ArrayList<>();
            for (Object[] e : entries) {
                String text = EntryMetadataColumn.write(RegistryRowMappers.entryLists(children, (String) e[1]));
                if (text != null) {
                    updates.add(new Object[]{text, e[0]});
                }
            }
            return updates;
        });
    }
}
