package org.dmpgateway.repository;

import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.query.DocumentCursor;
import org.dmpgateway.repository.RegistryRowMappers.Pending;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The document entries of selected keys read row by row from the database ({@link RegistryRepository#openDocuments}).
 * <p>
 * The cursor holds its own connection of the pool, outside any Spring transaction, from its opening
 * to {@link #close()}: autocommit off and a fetch size, so that PostgreSQL's driver reads the rows
 * {@value #FETCH_SIZE} at a time instead of the whole result at once (H2's result sets are lazy
 * anyway). Rows are mapped {@value #FETCH_SIZE} at a time; the few entries stored without their
 * metadata column ({@link EntryMetadataColumn}) get their child rows through the same connection.
 * The transaction is read-only and rolled back on close. At most {@value #FETCH_SIZE} ids are one
 * fetch anyway: they are read in autocommit, without the transaction (PostgreSQL's driver then reads
 * them whole at once, without the BEGIN, the portal and the ROLLBACK). The connection goes back to
 * the pool as soon as the last row is read, and when the database fails; the entries of the last
 * chunk are still given after that, and the cursor counts as closed only once they have all been
 * given (or on {@link #close()}, which drops them).
 */
final class JdbcDocumentCursor implements DocumentCursor {
    /** Rows fetched from the database, and mapped, at a time. */
    static final int FETCH_SIZE = 100;

    private final Connection connection;
    private final PreparedStatement statement;
    private final ResultSet rows;
    private final NamedParameterJdbcTemplate sameConnection;
    private final Deque<DocumentEntryRecord> chunk = new ArrayDeque<>();
    private boolean exhausted;
    private boolean closed;
    private boolean released;

    private JdbcDocumentCursor(Connection connection, PreparedStatement statement, ResultSet rows) {
        this.connection = connection;
        this.statement = statement;
        this.rows = rows;
        this.sameConnection = new NamedParameterJdbcTemplate(new SingleConnectionDataSource(connection, true));
    }

    /**
     * Opens the rows of a statement whose one parameter is an array of row ids
     * ({@link JdbcRegistryRepository#openDocuments}) on a connection of its own; nothing stays open
     * when the opening fails.
     */
    static DocumentCursor open(DataSource dataSource, String sql, Long[] ids) {
        Connection connection = null;
        PreparedStatement statement = null;
        try {
            connection = dataSource.getConnection();
            if (ids.length > FETCH_SIZE) {
                connection.setAutoCommit(false);
                connection.setReadOnly(true);
            }
            statement = connection.prepareStatement(sql);
            statement.setArray(1, connection.createArrayOf("BIGINT", ids));
            statement.setFetchSize(FETCH_SIZE);
            return new JdbcDocumentCursor(connection, statement, statement.executeQuery());
        } catch (SQLException | RuntimeException e) {
            release(connection, statement, null);
            throw new IllegalStateException("the document selection cannot be opened", e);
        }
    }

    @Override
    public boolean hasNext() {
        if (chunk.isEmpty() && !exhausted && !closed) {
            readChunk();
        }
        return !chunk.isEmpty();
    }

    @Override
    public DocumentEntryRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more document entries in the selection");
        }
        return chunk.removeFirst();
    }

    private void readChunk() {
        try {
            List<Pending<DocumentEntryRecord>> pending = new ArrayList<>(FETCH_SIZE);
            while (pending.size() < FETCH_SIZE && rows.next()) {
                pending.add(RegistryRowMappers.DOCUMENT_ENTRY.mapRow(rows, pending.size()));
            }
            if (pending.size() < FETCH_SIZE) {
                exhausted = true;
            }
            List<String> owners = pending.stream().filter(Pending::needsChildRows).map(Pending::entryUuid).toList();
            ChildRows children = owners.isEmpty() ? null : ChildRows.load(sameConnection, ObjectKind.DOCUMENT_ENTRY, owners);
            pending.forEach(p -> chunk.addLast(p.complete().apply(children)));
        } catch (SQLException | RuntimeException e) {
            close();
            throw new IllegalStateException("the document selection failed while it was read", e);
        }
        if (exhausted) {
            releaseConnection();
        }
    }

    @Override
    public void close() {
        closed = true;
        chunk.clear();
        releaseConnection();
    }

    /** Closed by {@link #close()}, or at its end with every entry given. */
    @Override
    public boolean isClosed() {
        return closed || (exhausted && chunk.isEmpty());
    }

    private void releaseConnection() {
        if (!released) {
            released = true;
            release(connection, statement, rows);
        }
    }

    private static void release(Connection connection, PreparedStatement statement, ResultSet rows) {
        try (Connection c = connection; PreparedStatement s = statement; ResultSet r = rows) {
            if (c != null && !c.getAutoCommit()) {
                c.rollback();
                c.setReadOnly(false);
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            // the pool discards a connection it cannot reset; nothing is left to release here
        }
    }
}
