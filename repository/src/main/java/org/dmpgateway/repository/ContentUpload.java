package org.dmpgateway.repository;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The document contents of one request on their way into the database (issue 13), so that no
 * transaction is larger than a few chunks whatever the size of a document, on H2 as on PostgreSQL:
 *
 * <ol>
 *   <li>{@link #stage} writes a content from its stream as chunks ({@code document_chunk}) under a
 *       new content id that no read knows. Chunks wait in memory up to {@link #PENDING_BYTES}; beyond
 *       that they are flushed, each flush in its own short transaction that also creates or touches
 *       this request's {@code content_upload} row (migration V3_25). A request whose contents fit in
 *       {@link #PENDING_BYTES} therefore writes nothing before it publishes.</li>
 *   <li>{@link #publish}, in the caller's transaction (the submission's, with its registry rows
 *       and trace), writes the chunks still in memory, deletes the {@code content_upload} row (it
 *       must still be there and not abandoned) and gives the document its {@code document_content}
 *       row. Chunks are never rewritten: publishing costs the same for 1 KB and 1 GB.</li>
 *   <li>{@link #close}, after that transaction ended: if the row is still there (the transaction
 *       rolled back, or was never run because a check or a read failed), the upload is marked
 *       abandoned and its chunks deleted in bounded transactions, the row last.</li>
 * </ol>
 * Uploads a crash left behind are found by their {@code touched_ms} and removed the same way by
 * {@link #discardUntouchedSince} (a timer in the core), safe with several gateways on one database:
 * the first conditional update that marks a row abandoned wins, a writer whose row was marked stops
 * at its next flush, and a publication of an abandoned row fails.
 *
 * <p>Why not one transaction (the earlier design): H2 needs heap in proportion to what one
 * transaction writes before its commit (a 512 MiB document failed in a 128 MiB heap with H2's
 * {@code OutOfMemoryError: Capacity} inside the insert, and its rollback failed after it); see
 * docs/security.md, "Content streaming".
 */
public final class ContentUpload implements AutoCloseable {
    /** Chunk bytes one request keeps in memory before it flushes them (one chunk). */
    static final int PENDING_BYTES = ContentChunks.CHUNK_BYTES;

    private static final Logger LOG = LoggerFactory.getLogger(ContentUpload.class);
    private static final String INSERT_CHUNK = "INSERT INTO document_chunk (content_id, seq, bytes) VALUES (?,?,?)";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate own;
    private final String uploadId = UUID.randomUUID().toString();
    private final List<Object[]> pending = new ArrayList<>();
    private int pendingBytes;
    private int contents;
    private boolean rowWritten;
    private boolean claimed;

    ContentUpload(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.own = ownTransactions(transactionManager);
    }

    /**
     * Writes one content from its stream, one chunk in memory at a time (plus at most
     * {@link #PENDING_BYTES} waiting); the stream is read to its end but not closed.
     *
     * @throws IOException when the stream cannot be read, or the upload was abandoned meanwhile
     *                     (untouched for longer than the sweeper's threshold)
     */
    public StagedContent stage(InputStream in) throws IOException {
        String contentId = uploadId + "." + contents++;
        long size = 0;
        int seq = 0;
        while (true) {
            byte[] chunk = in.readNBytes(ContentChunks.CHUNK_BYTES);
            if (chunk.length == 0) {
                break;
            }
            if (pendingBytes + chunk.length > PENDING_BYTES) {
                flush();
            }
            pending.add(new Object[]{contentId, seq++, chunk});
            pendingBytes += chunk.length;
            size += chunk.length;
            if (chunk.length < ContentChunks.CHUNK_BYTES) {
                break;
            }
        }
        return new StagedContent(contentId, size);
    }

    /** The chunks waiting in memory, in a transaction of their own that creates or touches the upload's row. */
    private void flush() throws IOException {
        long now = System.currentTimeMillis();
        boolean written = Boolean.TRUE.equals(own.execute(status -> {
            if (!rowWritten) {
                jdbc.update("INSERT INTO content_upload (upload_id, contents, touched_ms, abandoned) VALUES (?,?,?,?)",
                        uploadId, contents, now, false);
            } else if (jdbc.update("UPDATE content_upload SET contents = ?, touched_ms = ? WHERE upload_id = ? "
                    + "AND abandoned = FALSE", contents, now, uploadId) != 1) {
                return false;
            }
            jdbc.batchUpdate(INSERT_CHUNK, pending);
            return true;
        }));
        if (!written) {
            throw new IOException("upload " + uploadId + " was abandoned while it was written (untouched for longer"
                    + " than dmp.content.abandoned-upload-after)");
        }
        rowWritten = true;
        pending.clear();
        pendingBytes = 0;
    }

    /**
     * Gives a staged content to its document, in the caller's transaction (which must be active):
     * the first call also writes the chunks still in memory and takes the upload's row away.
     *
     * @throws ConflictingWriteException when a content is already published under this uniqueId
     * @throws IllegalStateException     when the upload was abandoned meanwhile
     */
    public void publish(String documentUniqueId, String mimeType, StagedContent content) {
        try {
            if (!claimed) {
                if (rowWritten && jdbc.update("DELETE FROM content_upload WHERE upload_id = ? AND abandoned = FALSE",
                        uploadId) != 1) {
                    throw new IllegalStateException("upload " + uploadId + " was abandoned before it was published"
                            + " (untouched for longer than dmp.content.abandoned-upload-after)");
                }
                if (!pending.isEmpty()) {
                    jdbc.batchUpdate(INSERT_CHUNK, pending);
                }
                claimed = true;
            }
            jdbc.update("INSERT INTO document_content (unique_id, content_id, mime_type, size) VALUES (?,?,?,?)",
                    documentUniqueId, content.contentId(), mimeType, content.size());
        } catch (DuplicateKeyException e) {
            throw new ConflictingWriteException("content of document " + documentUniqueId
                    + " was stored by another request meanwhile", e);
        }
    }

    /**
     * Ends the upload once the publishing transaction is over (committed or rolled back) or was
     * never run: what was written and not published is deleted. Never throws: a failure is logged,
     * and the sweeper deletes what is left once it is old enough.
     */
    @Override
    public void close() {
        pending.clear();
        if (!rowWritten) {
            return;
        }
        try {
            discard(jdbc, own, uploadId, null);
        } catch (DataAccessException e) {
            LOG.warn("Upload {} not deleted now ({}); the abandoned-upload sweeper will", uploadId, e.toString());
        }
    }

    /**
     * Deletes every upload untouched since {@code cutoffMillis} (epoch ms): left by a crash, or by a
     * failure whose own clean-up failed. Returns how many this call deleted.
     */
    static int discardUntouchedSince(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, long cutoffMillis) {
        TransactionTemplate own = ownTransactions(transactionManager);
        int discarded = 0;
        for (String id : jdbc.queryForList("SELECT upload_id FROM content_upload WHERE touched_ms < ?", String.class,
                cutoffMillis)) {
            try {
                if (discard(jdbc, own, id, cutoffMillis)) {
                    discarded++;
                }
            } catch (DataAccessException e) {
                LOG.warn("Abandoned upload {} not deleted this time: {}", id, e.toString());
            }
        }
        return discarded;
    }

    /**
     * Marks the upload abandoned (when untouched since {@code cutoffMillis}, or unconditionally when
     * null), then deletes its chunks one per transaction and its row; false when the row was not
     * marked (published, deleted by another node, or touched meanwhile).
     */
    private static boolean discard(JdbcTemplate jdbc, TransactionTemplate own, String uploadId, Long cutoffMillis) {
        int marked = own.execute(status -> cutoffMillis == null
                ? jdbc.update("UPDATE content_upload SET abandoned = TRUE WHERE upload_id = ?", uploadId)
                : jdbc.update("UPDATE content_upload SET abandoned = TRUE WHERE upload_id = ? AND touched_ms < ?",
                        uploadId, cutoffMillis));
        if (marked != 1) {
            return false;
        }
        List<Integer> contents = jdbc.queryForList("SELECT contents FROM content_upload WHERE upload_id = ?",
                Integer.class, uploadId);
        for (int n = 0; n < (contents.isEmpty() ? 0 : contents.get(0)); n++) {
            String contentId = uploadId + "." + n;
            Integer last = jdbc.queryForObject("SELECT MAX(seq) FROM document_chunk WHERE content_id = ?",
                    Integer.class, contentId);
            for (int seq = 0; last != null && seq <= last; seq++) {
                int s = seq;
                own.executeWithoutResult(status -> jdbc.update(
                        "DELETE FROM document_chunk WHERE content_id = ? AND seq = ?", contentId, s));
            }
        }
        own.executeWithoutResult(status -> jdbc.update("DELETE FROM content_upload WHERE upload_id = ?", uploadId));
        return true;
    }

    private static TransactionTemplate ownTransactions(PlatformTransactionManager transactionManager) {
        TransactionTemplate t = new TransactionTemplate(transactionManager);
        t.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return t;
    }
}
