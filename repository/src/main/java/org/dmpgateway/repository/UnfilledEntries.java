package org.dmpgateway.repository;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.sql.Connection;
import java.util.List;

/**
 * The loop of a back-fill of one column of {@code document_entry} (V3_27, V3_37): the entries whose
 * column is still NULL, {@value #BATCH} at a time in id order, each batch's values written in one
 * batch of updates, committed when the connection is in auto-commit mode (as Flyway gives it to a
 * migration that does not run in one transaction). Safe to run again: it reads only what is unfilled.
 */
final class UnfilledEntries {
    static final int BATCH = 500;

    /** The values of one batch of entries, each {@code [value, id]}; an entry left out stays NULL. */
    interface Filler {
        List<Object[]> values(NamedParameterJdbcTemplate named, List<Object[]> entries);
    }

    private UnfilledEntries() {
    }

    /**
     * Fills {@code column} of every entry that has none; each entry is given to the filler as
     * {@code [id, columns...]} (the columns read as text). Returns the number of entries written.
     */
    static long fill(Connection connection, String column, List<String> columns, Filler filler) {
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
        long written = 0;
        long after = Long.MIN_VALUE;
        while (true) {
            List<Object[]> entries = jdbc.query("SELECT id, " + String.join(", ", columns) + " FROM document_entry "
                    + "WHERE id > ? AND " + column + " IS NULL ORDER BY id FETCH FIRST " + BATCH + " ROWS ONLY",
                    (rs, n) -> {
                        Object[] row = new Object[columns.size() + 1];
                        row[0] = rs.getLong(1);
                        for (int i = 0; i < columns.size(); i++) {
                            row[i + 1] = rs.getString(i + 2);
                        }
                        return row;
                    }, after);
            if (entries.isEmpty()) {
                return written;
            }
            List<Object[]> updates = filler.values(named, entries);
            if (!updates.isEmpty()) {
                jdbc.batchUpdate("UPDATE document_entry SET " + column + " = ? WHERE id = ?", updates);
            }
            written += updates.size();
            after = (Long) entries.get(entries.size() - 1)[0];
        }
    }
}
