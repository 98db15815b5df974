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
    /**
     * Body: {@link org.dmpgateway.mappings.query.QueryCommand} whose query is a
     * {@link org.dmpgateway.mappings.query.RegistryQuery.FindDocuments}; answer: a {@link Long}, the
     * number of documents the same caller would get from {@link #QUERY_REGISTRY} for that query
     * without its offset and limit (the caller's visibility applied). Admitted like a query; a
     * refusal is traced as QUERY, a count itself is not traced (it returns no document; the page
     * query that follows is).
     */
    public static final String COUNT_DOCUMENTS = "direct:count-documents";
    /** Body: {@link org.dmpgateway.mappings.query.RetrieveCommand}; answer: RetrieveResult. */
    public static final String RETRIEVE_DOCUMENTS = "direct:retrieve-documents";
    /**
     * Body: {@link org.dmpgateway.mappings.model.DocumentUpdate} (ITI-57, later FHIR PATCH); answer:
     * the new document entry versions.
     */
    public static final String UPDATE_DOCUMENTS = "direct:update-documents";
    /** Body: {@link org.dmpgateway.mappings.model.DocumentRemoval} (ITI-62, later FHIR delete); answer: none. */
    public static final String REMOVE_DOCUMENTS = "direct:remove-documents";
    /**
     * Body: {@link org.dmpgateway.mappings.access.AuthorizationDeclaration} (TD0.3: the professional's
     * software declares or withdraws the patient's authorisation); answer: the record status.
     */
    public static final String DECLARE_AUTHORIZATION = "direct:declare-authorization";
    /** Body: ignored (TD0.2: the record's state and the caller's rights); answer: RecordStatus. */
    public static final String RECORD_STATUS = "direct:record-status";
    /**
     * Body: ignored (the record's access history, e.g. FHIR AuditEvent search); answer: a
     * {@code List<}{@link org.dmpgateway.mappings.trail.AccessTrace}{@code >} of the caller's patient,
     * newest first, at most {@link #LIMIT} (default 500). Only the record's admin doctor (normal mode)
     * and the patient themself ({@link org.dmpgateway.mappings.access.AccessContext#isPatientSelf()})
     * may read it; anyone else gets TRACE_ACCESS_DENIED. The read is traced (READ_TRACES).
     */
    public static final String READ_TRACES = "direct:read-traces";

    /**
     * The Camel header every adapter sets on the command it sends to the core: the caller's
     * {@link org.dmpgateway.mappings.access.AccessContext}. A command without it is refused
     * (IDENTITY_MISSING).
     */
    public static final String ACCESS_CONTEXT = "DmpAccessContext";

    /**
     * Optional Integer header of {@link #READ_TRACES}: at most this many traces (0 or more; absent:
     * 500).
     */
    public static final String LIMIT = "DmpLimit";

    private CoreEndpoints() {
    }
}
