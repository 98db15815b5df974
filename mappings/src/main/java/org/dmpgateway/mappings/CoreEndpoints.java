package org.dmpgateway.mappings;

/**
 * The URIs of the core transaction routes. Adapters send their internal commands here; they do
 * not depend on the routes module, only on these names.
 */
public final class CoreEndpoints {
    /** Body: {@link org.dmpgateway.mappings.model.Submission}; answer: the stored submission. */
    public static final String SUBMIT_DOCUMENTS = "direct:submit-documents";
    /** Body: {@link org.dmpgateway.mappings.query.QueryCommand}; answer: QueryResult. */
    public static final String QUERY_REGISTRY = "direct:query-registry";
    /** Body: {@link org.dmpgateway.mappings.query.RetrieveCommand}; answer: RetrieveResult. */
    public static final String RETRIEVE_DOCUMENTS = "direct:retrieve-documents";

    private CoreEndpoints() {
    }
}
