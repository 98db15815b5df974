package org.dmpgateway.model.query;

import org.dmpgateway.model.error.DmpError;
import org.dmpgateway.model.DocumentBytes;

import java.util.List;

/**
 * The answer to a retrieve: the documents found, and one error per item that could not be
 * served (partial success when both lists are non-empty).
 */
public record RetrieveResult(List<Retrieved> documents, List<DmpError> errors) {
    /** One document served: its bytes are read from the database while the answer is written. */
    public record Retrieved(String repositoryUniqueId, String documentUniqueId, String homeCommunityId,
                            String mimeType, long size, DocumentBytes content) {
    }

    public RetrieveResult {
        documents = List.copyOf(documents);
        errors = List.copyOf(errors);
    }
}
