package org.dmpgateway.model;

/** A document entry together with its content, as received in a Provide and Register request. */
public record SubmittedDocument(DocumentEntryRecord entry, byte[] content) {
}
