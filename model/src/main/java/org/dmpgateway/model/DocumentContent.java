package org.dmpgateway.model;

/**
 * The stored content of one document, addressed by its uniqueId: its MIME type, its size and its
 * bytes, read from the database as they are sent.
 */
public record DocumentContent(String documentUniqueId, String mimeType, long size, DocumentBytes bytes) {
    public DocumentContent {
        if (bytes == null) {
            throw new IllegalArgumentException("document content is missing");
        }
    }
}
