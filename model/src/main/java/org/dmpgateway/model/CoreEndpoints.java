package org.dmpgateway.model;

/**
 * The URIs and headers of the core's Camel routes. Adapters do not use them: they call the typed
 * {@link Core}, which the core implements over these routes (CamelCore). The XDS adapter keeps the
 * caller it read in the header {@link #ACCESS_CONTEXT} of its own exchange.
 */
public final class CoreEndpoints {
    /** Body: {@link org.dmpgateway.model.Submission}; answer: the stored submission. */
    public static final String SUBMIT_DOCUMENTS = "direct:submit-documents";
    /** Body: {@link org.dmpgateway.model.query.QueryCommand}; answer: QueryResult. */
    public static final String QUERY_REGISTRY = "direct:query-registry";
    /**
     * Body: {@link org.dmpgateway.model.query.QueryCommand}; answer:
     * {@link org.dmpgateway.model.query.StreamedQueryResult}, the same answer as {@link #QUERY_REGISTRY}
     * with the documents of a FindDocuments (LeafClass, without relationships) left in an open cursor
     * that the caller closes.
     */
    public static final String QUERY_REGISTRY_STREAMED = "direct:query-registry-streamed";
    /**
     * Body: {@link org.dmpgateway.model.query.QueryCommand} whose query is a
     * {@link org.dmpgateway.model.query.RegistryQuery.FindDocuments} with an offset and a limit;
     * answer: {@link org.dmpgateway.model.query.DocumentsPage}, the page (as {@link #QUERY_REGISTRY}
     * gives it) and the number of documents the same caller would get without offset and limit. One
     * admission and one trace (the page's documents), as for a query; the total is counted only when
     * the page does not show where the selection ends.
     */
    public static final String FIND_DOCUMENTS_PAGE = "direct:find-documents-page";
    /**
     * Body: {@link org.dmpgateway.model.query.ListSearch} (ITI-66); answer:
     * {@link org.dmpgateway.model.query.FoundLists}, the Lists with the documents each references that
     * the caller may see. One query: admitted, capped (on the Lists) and traced once.
     */
    public static final String FIND_LISTS = "direct:find-lists";
    /** Body: {@link org.dmpgateway.model.query.RetrieveCommand}; answer: RetrieveResult. */
    public static final String RETRIEVE_DOCUMENTS = "direct:retrieve-documents";
    /**
     * Body: {@link org.dmpgateway.model.DocumentUpdate} (ITI-57, FHIR PATCH, and FHIR DELETE
     * as a status change to Deleted); answer: the new document entry versions.
     */
    public static final String UPDATE_DOCUMENTS = "direct:update-documents";
    /** Body: {@link org.dmpgateway.model.DocumentRemoval} (ITI-62; FHIR DELETE goes through {@link #UPDATE_DOCUMENTS}); answer: none. */
    public static final String REMOVE_DOCUMENTS = "direct:remove-documents";
    /**
     * Body: {@link org.dmpgateway.model.access.AuthorizationDeclaration} (TD0.3: the professional's
     * software declares or withdraws the patient's authorisation); answer: the record status.
     */
    public static final String DECLARE_AUTHORIZATION = "direct:declare-authorization";
    /** Body: ignored (TD0.2: the record's state and the caller's rights); answer: RecordStatus. */
    public static final String RECORD_STATUS = "direct:record-status";
    /**
     * Body: ignored (the record's access history, e.g. FHIR AuditEvent search); answer: a
     * {@code List<}{@link org.dmpgateway.model.trail.AccessTrace}{@code >} of the caller's patient,
     * newest first, at most {@link #LIMIT} (default 500). Only the record's admin doctor (normal mode)
     * and the patient themself ({@link org.dmpgateway.model.access.AccessContext#isPatientSelf()})
     * may read it; anyone else gets TRACE_ACCESS_DENIED. The read is traced (READ_TRACES).
     */
    public static final String READ_TRACES = "direct:read-traces";
    /**
     * Body: {@link org.dmpgateway.model.query.QueryCommand} (an id-based query); header
     * {@link #CHANGE_ACTION}: the change it prepares (UPDATE or DELETE); answer: QueryResult. How an
     * adapter finds the document a change names (FHIR PATCH, DELETE): admitted with the rules of that
     * change, not traced when it succeeds (the change that follows is), and a refusal is traced with
     * the change's action, never as a query.
     */
    public static final String FIND_FOR_CHANGE = "direct:find-for-change";
    /**
     * Body: the {@link org.dmpgateway.model.error.DmpException} an adapter answered (a 400, a 404,
     * a 412... decided before or after the core, once the caller's identity is known); headers
     * {@link #ACCESS_CONTEXT}, {@link #TRACE_ACTION}, optional {@link #DOCUMENT_IDS}; answer: none.
     * The core traces the refused attempt in the targeted record's history (docs/security.md).
     */
    public static final String TRACE_REFUSAL = "direct:trace-refusal";

    /**
     * Body: the {@link ConsentStatus} listed, or none for both (TD1.6); answer: a
     * {@code List<}{@link org.dmpgateway.model.access.ProfessionalStanding}{@code >}.
     */
    public static final String LIST_PROFESSIONALS = "direct:list-professionals";
    /**
     * Body: the {@link org.dmpgateway.model.access.RecordListing}; header {@link #SINCE}: the
     * {@link java.time.Instant} (TD0.4); answer: a
     * {@code List<}{@link org.dmpgateway.model.access.AuthorisedRecord}{@code >}.
     */
    public static final String LIST_AUTHORISED_RECORDS = "direct:list-authorised-records";
    /**
     * Body: {@link org.dmpgateway.model.access.RecordRevision} (TD1.3b, TD1.4); header
     * {@link #REQUESTED_PATIENT}: the patient the message names; answer: the record's new RecordStatus.
     */
    public static final String REVISE_RECORD = "direct:revise-record";
    /**
     * Body: {@link org.dmpgateway.model.access.PatientSearch} (TD0.5); answer: a
     * {@code List<}{@link org.dmpgateway.model.access.PatientMatch}{@code >}.
     */
    public static final String SEARCH_PATIENTS = "direct:search-patients";
    /**
     * Body: {@link org.dmpgateway.model.profile.ProfessionalProfileAccess} (the medical profile over
     * FHIR); header {@link #REQUESTED_PATIENT}: the patient the request names, if any; answer: a
     * {@code List<}{@link org.dmpgateway.model.profile.ProfileEntry}{@code >}.
     */
    public static final String MEDICAL_PROFILE = "direct:medical-profile";
    /** Header of {@link #LIST_AUTHORISED_RECORDS}: the date the listing starts at. */
    public static final String SINCE = "DmpSince";
    /** Header of {@link #LIST_AUTHORISED_RECORDS}: the professional whose records are asked for, if named. */
    public static final String LISTED_OWNER = "DmpListedOwner";
    /** Header of {@link #REVISE_RECORD}: the {@link PatientRef} the message names. */
    public static final String REQUESTED_PATIENT = "DmpRequestedPatient";

    /** Header of {@link #FIND_FOR_CHANGE}: the {@link org.dmpgateway.model.trail.TraceAction} prepared. */
    public static final String CHANGE_ACTION = "DmpChangeAction";
    /** Header of {@link #TRACE_REFUSAL}: the {@link org.dmpgateway.model.trail.TraceAction} refused. */
    public static final String TRACE_ACTION = "DmpTraceAction";
    /** Optional header of {@link #TRACE_REFUSAL}: the {@code List<String>} of document ids the request named. */
    public static final String DOCUMENT_IDS = "DmpDocumentIds";

    /**
     * The Camel header every adapter sets on the command it sends to the core: the caller's
     * {@link org.dmpgateway.model.access.AccessContext}. A command without it is refused
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
