package org.dmpgateway.repository;

/** A content written by {@link ContentUpload#stage}, not yet given to a document: its id and size in bytes. */
public record StagedContent(String contentId, long size) {
}
