package org.dmpgateway.repository;

import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * A document's content in the database as numbered chunks ({@code document_chunk}, migrations
 * V3_16 and V3_25), so that neither the gateway nor the JDBC driver ever holds a whole document: it
 * is written from a stream one chunk at a time ({@link ContentUpload}), and read back one chunk per
 * query as the reader asks for it. Chunks are keyed by a content id, which {@code document_content}
 * gives for each published document.
 *
 * <p>Why chunks rather than one BLOB or large object: the same schema and code on H2 and PostgreSQL;
 * PostgreSQL's driver reads a {@code bytea} value whole (a large object would stream, but needs
 * {@code lo_unlink} bookkeeping and its own API), and H2 keeps a {@code VARBINARY} value whole in
 * memory (the 200 MB document that left H2 out of memory, issue 13). {@link #CHUNK_BYTES} bounds
 * what one request holds: one chunk being read or written, plus the driver's copy of it.
 */
final class ContentChunks {
    /** Bytes per chunk (256 KiB). */
    static final int CHUNK_BYTES = 256 * 1024;

    private final JdbcTemplate jdbc;

    ContentChunks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored bytes, read one chunk per query; a content shorter than its recorded size fails the read. */
    InputStream read(String contentId, long size) {
        return new ChunkStream(contentId, size);
    }

    private final class ChunkStream extends InputStream {
        private final String contentId;
        private final long size;
        private byte[] chunk = new byte[0];
        private int position;
        private int nextSeq;
        private long delivered;
        private boolean ended;

        ChunkStream(String contentId, long size) {
            this.contentId = contentId;
            this.size = size;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (position >= chunk.length) {
                if (ended || !nextChunk()) {
                    return -1;
                }
            }
            int n = Math.min(len, chunk.length - position);
            System.arraycopy(chunk, position, b, off, n);
            position += n;
            delivered += n;
            return n;
        }

        private boolean nextChunk() throws IOException {
            List<byte[]> rows = jdbc.query("SELECT bytes FROM document_chunk WHERE content_id = ? AND seq = ?",
                    (rs, n) -> rs.getBytes(1), contentId, nextSeq);
            if (rows.isEmpty()) {
                ended = true;
                chunk = new byte[0];
                if (delivered != size) {
                    throw new IOException("the content " + contentId + " is incomplete in the database: "
                            + delivered + " of " + size + " bytes");
                }
                return false;
            }
            nextSeq++;
            chunk = rows.get(0);
            position = 0;
            return true;
        }

        @Override
        public int available() {
            return chunk.length - position;
        }
    }
}
