package org.dmpgateway.model.query;

/**
 * One page of a FindDocuments and the number of documents the whole selection holds for the same
 * caller (a FHIR searchset's {@code Bundle.total}), answered by one core command
 * ({@link org.dmpgateway.model.CoreEndpoints#FIND_DOCUMENTS_PAGE}).
 */
public record DocumentsPage(QueryResult page, long total) {
}
