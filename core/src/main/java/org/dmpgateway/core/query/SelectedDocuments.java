package org.dmpgateway.core.query;

import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.query.DocumentCursor;

import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The entries of a streamed FindDocuments ({@link StoredQueries#executeStreamed}): the rows of the
 * repository's cursor whose entryUUID the query's first selection found (the one the cap and the
 * trace counted), so that the answer never holds an entry the trace does not name.
 */
final class SelectedDocuments implements DocumentCursor {
    private final DocumentCursor rows;
    private final Set<String> selected;
    private DocumentEntryRecord next;

    SelectedDocuments(DocumentCursor rows, Set<String> selected) {
        this.rows = rows;
        this.selected = selected;
    }

    @Override
    public boolean hasNext() {
        while (next == null && rows.hasNext()) {
            DocumentEntryRecord row = rows.next();
            if (selected.contains(row.entryUuid())) {
                next = row;
            }
        }
        return next != null;
    }

    @Override
    public DocumentEntryRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more selected document entries");
        }
        DocumentEntryRecord row = next;
        next = null;
        return row;
    }

    @Override
    public void close() {
        next = null;
        rows.close();
    }

    @Override
    public boolean isClosed() {
        return next == null && rows.isClosed();
    }
}
