package org.dmpgateway.core.submission;

import org.dmpgateway.model.limits.Limits;
import org.dmpgateway.model.DocumentEntryRecord;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * A submitted document's content as it passes to the database: counts its bytes against
 * {@code dmp.limits.document-bytes} (refusing LIMIT_EXCEEDED the moment it is passed) and computes
 * the SHA-1 the registry records (XDS hash), so that neither needs the whole content in memory.
 */
final class MeasuringStream extends FilterInputStream {
    private final MessageDigest sha1;
    private final long limit;
    private final DocumentEntryRecord entry;
    private long count;

    MeasuringStream(InputStream in, long limit, DocumentEntryRecord entry) {
        super(in);
        this.sha1 = ContentDigest.newSha1();
        this.limit = limit;
        this.entry = entry;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            sha1.update((byte) b);
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            sha1.update(b, off, n);
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) {
        return 0; // every byte is counted and hashed: nothing is skipped
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void counted(int n) {
        count += n;
        if (count > limit) {
            throw Limits.exceeded("DocumentEntry " + entry.uniqueId() + ": the content (more than " + limit + " bytes)",
                    "bytes", limit, Limits.DOCUMENT_BYTES, entry.entryUuid());
        }
    }

    /** Bytes read so far (all of them once the stream ended). */
    long size() {
        return count;
    }

    /** SHA-1 of the bytes read, lower-case hex; call once, after the end of the stream. */
    String sha1Hex() {
        return HexFormat.of().formatHex(sha1.digest());
    }
}
