package org.dmpgateway.model;

/**
 * A document entry together with its content, as received in a Provide and Register request; the
 * content is null when the request carried none. The content is a stream, read once when the core
 * stores it (docs/security.md, "Content streaming").
 */
public record SubmittedDocument(DocumentEntryRecord entry, DocumentBytes content) {
}
