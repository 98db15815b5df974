package org.dmpgateway.model.query;

/**
 * What a stored query found, its documents possibly still to be read from an open cursor.
 * <p>
 * When {@code documents} is null, {@code result} is the whole answer (a query the core does not
 * stream). Otherwise the answer's documents are the {@code documentCount} entries of
 * {@code documents}, in order, and {@code result} holds the rest of the answer (for a FindDocuments:
 * nothing); the reader of the answer must close the cursor.
 */
public record StreamedQueryResult(QueryResult result, int documentCount, DocumentCursor documents) {
    public StreamedQueryResult {
        if (result == null) {
            throw new IllegalArgumentException("result is required");
        }
        if (documents != null && !result.documents().isEmpty()) {
            throw new IllegalArgumentException("the documents are either in the result or in the cursor");
        }
    }

    /** A whole answer, nothing streamed. */
    public static StreamedQueryResult whole(QueryResult result) {
        return new StreamedQueryResult(result, result.documents().size(), null);
    }

    public boolean streamed() {
        return documents != null;
    }

    /** Closes the cursor, if any. */
    public void close() {
        if (documents != null) {
            documents.close();
        }
    }
}
