package org.dmpgateway.repository;

/**
 * A write that a uniqueness constraint refused: another request stored an object with the same
 * uniqueId or entryUUID between the core's checks and this write (two submissions racing). Nothing
 * of the write is kept.
 */
public class ConflictingWriteException extends RuntimeException {
    public ConflictingWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
