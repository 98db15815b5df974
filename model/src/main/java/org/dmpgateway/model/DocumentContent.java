package org.dmpgateway.model;

/** The bytes of one document, addressed by its uniqueId. */
public record DocumentContent(String documentUniqueId, String mimeType, byte[] bytes) {
    public DocumentContent {
        if (bytes == null) {
            throw new IllegalArgumentException("document content is missing");
        }
    }
}
