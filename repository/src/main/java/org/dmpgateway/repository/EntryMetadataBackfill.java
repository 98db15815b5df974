package org.dmpgateway.repository;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the {@link EntryMetadataColumn} of the document entries stored without it, from their
 * child rows, in batches of entries in id order (each batch: one query per child table, one batch
 * of updates), each batch committed when the connection is in auto-commit mode (as Flyway gives it
 * to V3_27, which does not run in one transaction).
 */
public final class EntryMetadataBackfill {
    private static final int BATCH = 500;

    private EntryMetadataBackfill() {
    }

    /** Fills the column of every entry that has none; returns the number of entries written. */
    public static long fill(Connection connection) {
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
        long written = 0;
        long after = Long.MIN_VALUE;
        while (true) {
            List<Object[]> entries = jdbc.query("SELECT id, entry_uuid FROM document_entry WHERE id > ? "
                    + "AND child_metadata IS NULL ORDER BY id FETCH FIRST " + BATCH + " ROWS ONLY",
                    (rs, n) -> new Object[]{rs.getLong(1), rs.getString(2)}, after);
            if (entries.isEmpty()) {
                return written;
            }
            ChildRows children = ChildRows.load(named, ObjectKind.DOCUMENT_ENTRY,
                    entries.stream().map(e -> (String) e[1]).toList());
            List<Object[]> updates = new ArrayList<>();
            for (Object[] e : entries) {
                String text = EntryMetadataColumn.write(RegistryRowMappers.entryLists(children, (String) e[1]));
                if (text != null) {
                    updates.add(new Object[]{text, e[0]});
                }
            }
            if (!updates.isEmpty()) {
                jdbc.batchUpdate("UPDATE document_entry SET child_metadata = ? WHERE id = ?", updates);
            }
            written += updates.size();
            after = (Long) entries.get(entries.size() - 1)[0];
        }
    }
}
