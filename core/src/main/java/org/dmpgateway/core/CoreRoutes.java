package org.dmpgateway.core;

import org.apache.camel.builder.RouteBuilder;
import org.dmpgateway.model.CoreEndpoints;
import org.dmpgateway.model.access.AuthorizationDeclaration;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.DocumentRemoval;
import org.dmpgateway.model.DocumentUpdate;
import org.dmpgateway.model.Submission;
import org.dmpgateway.model.query.QueryCommand;
import org.dmpgateway.model.query.RetrieveCommand;
import org.dmpgateway.model.trail.TraceAction;
import org.dmpgateway.core.consent.DeclareAuthorization;
import org.dmpgateway.core.query.StoredQueries;
import org.dmpgateway.core.retrieve.RetrieveDocuments;
import org.dmpgateway.core.submission.SubmitDocuments;
import org.dmpgateway.core.trail.AccessTrail;
import org.dmpgateway.core.trail.ReadTraces;
import org.dmpgateway.core.update.RemoveDocuments;
import org.dmpgateway.core.update.UpdateDocuments;
import org.springframework.stereotype.Component;

/**
 * The core transaction routes. Every adapter (SOAP, FHIR, REST) sends its internal command here,
 * with the caller's identity in the header {@link CoreEndpoints#ACCESS_CONTEXT}; the answer is the
 * internal result. Each service admits the caller through the access policy first; a refusal is
 * traced, then travels back to the adapter as a {@link DmpException}.
 */
@Component
public class CoreRoutes extends RouteBuilder {
    private final SubmitDocuments submitDocuments;
    private final StoredQueries storedQueries;
    private final RetrieveDocuments retrieveDocuments;
    private final DeclareAuthorization declareAuthorization;
    private final UpdateDocuments updateDocuments;
    private final RemoveDocuments removeDocuments;
    private final ReadTraces readTraces;
    private final AccessTrail trail;

    public CoreRoutes(SubmitDocuments submitDocuments, StoredQueries storedQueries, RetrieveDocuments retrieveDocuments,
                      DeclareAuthorization declareAuthorization, UpdateDocuments updateDocuments,
                      RemoveDocuments removeDocuments, ReadTraces readTraces, AccessTrail trail) {
        this.submitDocuments = submitDocuments;
        this.storedQueries = storedQueries;
        this.retrieveDocuments = retrieveDocuments;
        this.declareAuthorization = declareAuthorization;
        this.updateDocuments = updateDocuments;
        this.removeDocuments = removeDocuments;
        this.readTraces = readTraces;
        this.trail = trail;
    }

    @Override
    public void configure() {
        errorHandler(noErrorHandler());

        from(CoreEndpoints.SUBMIT_DOCUMENTS).routeId("submit-documents")
                .convertBodyTo(Submission.class)
                .doTry()
                    .bean(submitDocuments, "submit")
                .doCatch(DmpException.class)
                    .process(trail.refusal(TraceAction.SUBMIT))
                .end();

        from(CoreEndpoints.QUERY_REGISTRY).routeId("query-registry")
                .convertBodyTo(QueryCommand.class)
                .doTry()
                    .bean(storedQueries, "execute")
                .doCatch(DmpException.class)
                    .process(trail.refusal(TraceAction.QUERY))
                .end();

        // the total of a paged FindDocuments; admitted (and refused) like a query
        from(CoreEndpoints.COUNT_DOCUMENTS).routeId("count-documents")
                .convertBodyTo(QueryCommand.class)
                .doTry()
                    .bean(storedQueries, "count")
                .doCatch(DmpException.class)
                    .process(trail.refusal(TraceAction.QUERY))
                .end();

        // the document a FHIR PATCH or DELETE names: refused (and traced) as that change, never as a query
        from(CoreEndpoints.FIND_FOR_CHANGE).routeId("find-for-change")
                .convertBodyTo(QueryCommand.class)
                .doTry()
                    .bean(storedQueries, "findForChange")
                .doCatch(DmpException.class)
                    .process(trail.refusalOf(exchange -> exchange.getMessage()
                            .getHeader(CoreEndpoints.CHANGE_ACTION, TraceAction.UPDATE, TraceAction.class)))
                .end();

        // a refusal an adapter answered itself once the caller was known (400, 404, 412...)
        from(CoreEndpoints.TRACE_REFUSAL).routeId("trace-refusal")
                .bean(trail, "reported");

        from(CoreEndpoints.RETRIEVE_DOCUMENTS).routeId("retrieve-documents")
                .convertBodyTo(RetrieveCommand.class)
                .doTry()
                    .bean(retrieveDocuments, "retrieve")
                .doCatch(DmpException.class)
                    .process(trail.refusal(TraceAction.RETRIEVE))
                .end();

        // an ITI-57 request that only deletes documents is traced as DELETE, like ITI-62
        from(CoreEndpoints.UPDATE_DOCUMENTS).routeId("update-documents")
                .convertBodyTo(DocumentUpdate.class)
                .doTry()
                    .bean(updateDocuments, "update")
                .doCatch(DmpException.class)
                    .process(trail.refusal(UpdateDocuments::traceAction))
                .end();

        from(CoreEndpoints.REMOVE_DOCUMENTS).routeId("remove-documents")
                .convertBodyTo(DocumentRemoval.class)
                .doTry()
                    .bean(removeDocuments, "remove")
                .doCatch(DmpException.class)
                    .process(trail.refusal(TraceAction.DELETE))
                .end();

        from(CoreEndpoints.DECLARE_AUTHORIZATION).routeId("declare-authorization")
                .convertBodyTo(AuthorizationDeclaration.class)
                .doTry()
                    .bean(declareAuthorization, "declare")
                .doCatch(DmpException.class)
                    .process(trail.refusal(DeclareAuthorization::traceAction))
                .end();

        from(CoreEndpoints.RECORD_STATUS).routeId("record-status")
                .doTry()
                    .bean(declareAuthorization, "status")
                .doCatch(DmpException.class)
                    .process(trail.refusal(TraceAction.STATUS_CHECK))
                .end();

        from(CoreEndpoints.READ_TRACES).routeId("read-traces")
                .doTry()
                    .bean(readTraces, "read")
                .doCatch(DmpException.class)
                    .process(trail.refusal(TraceAction.READ_TRACES))
                .end();
    }
}
