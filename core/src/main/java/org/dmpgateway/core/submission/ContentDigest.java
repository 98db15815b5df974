package org.dmpgateway.core.submission;

import org.dmpgateway.model.DocumentBytes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-1 of document content as XDS writes it: lower-case hex. */
final class ContentDigest {
    private ContentDigest() {
    }

    static MessageDigest newSha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is not available", e);
        }
    }

    /** The SHA-1 of a content read as a stream (which a submitted document's can be only once). */
    static String sha1Hex(DocumentBytes content) {
        MessageDigest sha1 = newSha1();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = content.open()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha1.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the document content cannot be read", e);
        }
        return HexFormat.of().formatHex(sha1.digest());
    }
}
