package org.dmpgateway.model.query;

import org.dmpgateway.model.DocumentEntryRecord;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Document entries read one by one from an open selection (a database cursor), for an answer
 * written as a stream: the entries are never held as a whole list. The cursor holds resources (a
 * database connection) until {@link #close()}, which its reader must call whatever happens (answer
 * written, client gone, failure); closing twice does nothing. {@link #hasNext()} and
 * {@link #next()} may throw an unchecked exception when the database fails.
 */
public interface DocumentCursor extends Iterator<DocumentEntryRecord>, AutoCloseable {
    /** Releases the cursor's resources; idempotent, never throws. */
    @Override
    void close();

    /**
     * Whether the cursor has nothing more to give: {@link #close()} was called, or it reached its end
     * and every entry was given. A cursor that released its resources at the end of its rows but
     * still holds entries read before is not closed.
     */
    boolean isClosed();

    /** A cursor over entries already in memory (an empty selection, a test). */
    static DocumentCursor of(List<DocumentEntryRecord> entries) {
        Iterator<DocumentEntryRecord> it = List.copyOf(entries).iterator();
        return new DocumentCursor() {
            private boolean closed;

            @Override
            public boolean hasNext() {
                return !closed && it.hasNext();
            }

            @Override
            public DocumentEntryRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("no more document entries");
                }
                return it.next();
            }

            @Override
            public void close() {
                closed = true;
            }

            @Override
            public boolean isClosed() {
                return closed;
            }
        };
    }
}
