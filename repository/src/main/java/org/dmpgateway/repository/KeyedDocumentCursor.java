package org.dmpgateway.repository;

import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.query.DocumentCursor;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * The entries of keys a selection found ({@link RegistryRepository#openDocuments(
 * org.dmpgateway.model.query.DocumentCriteria, List)}), read {@value #CHUNK} keys at a time by their
 * entryUUID (the unique index), each chunk with the selection's criteria again so that an entry
 * changed meanwhile so that it no longer matches (e.g. deleted) is left out: the patient's range is
 * not scanned a second time. Each chunk is one query on a connection of the pool, given back at once:
 * the cursor holds no connection between chunks, so closing it only drops the entries still to give.
 */
final class KeyedDocumentCursor implements DocumentCursor {
    /** Keys read per query. */
    static final int CHUNK = 100;

    private final List<DocumentKey> keys;
    private final Function<List<String>, List<DocumentEntryRecord>> read;
    private final Deque<DocumentEntryRecord> chunk = new ArrayDeque<>();
    private int nextKey;
    private boolean closed;

    /** {@code read}: the entries of these entryUUIDs that match the selection, in the selection's order. */
    KeyedDocumentCursor(List<DocumentKey> keys, Function<List<String>, List<DocumentEntryRecord>> read) {
        this.keys = List.copyOf(keys);
        this.read = read;
    }

    @Override
    public boolean hasNext() {
        while (chunk.isEmpty() && !closed && nextKey < keys.size()) {
            List<DocumentKey> next = keys.subList(nextKey, Math.min(keys.size(), nextKey + CHUNK));
            nextKey += next.size();
            chunk.addAll(read.apply(next.stream().map(DocumentKey::entryUuid).toList()));
        }
        return !chunk.isEmpty();
    }

    @Override
    public DocumentEntryRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more selected document entries");
        }
        return chunk.removeFirst();
    }

    @Override
    public void close() {
        closed = true;
        chunk.clear();
    }

    @Override
    public boolean isClosed() {
        return closed || chunk.isEmpty() && nextKey >= keys.size();
    }
}
