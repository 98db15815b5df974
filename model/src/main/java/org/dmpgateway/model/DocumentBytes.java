package org.dmpgateway.model;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes of one document as a stream, never required whole in memory: an ITI-41 MTOM part
 * (which CXF spools to a temporary file past its memory threshold) going to the database, or a
 * stored document going back out of it (docs/security.md, "Content streaming"). A submitted
 * document's stream may be readable only once; a stored document's may be opened again.
 */
@FunctionalInterface
public interface DocumentBytes {
    /** A new stream of the bytes; the caller closes it. */
    InputStream open() throws IOException;

    /** The number of bytes when known before reading (bytes already in memory), else -1. */
    default long knownLength() {
        return -1;
    }

    /** Every byte, read into memory: only for content known to be small (tests, in-memory parsers). */
    default byte[] readAllBytes() throws IOException {
        try (InputStream in = open()) {
            return in.readAllBytes();
        }
    }

    /** Bytes already in memory (a FHIR Bundle's base64, which HAPI parses whole); null stays null. */
    static DocumentBytes of(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        return new DocumentBytes() {
            @Override
            public InputStream open() {
                return new ByteArrayInputStream(bytes);
            }

            @Override
            public long knownLength() {
                return bytes.length;
            }

            @Override
            public byte[] readAllBytes() {
                return bytes;
            }
        };
    }
}
