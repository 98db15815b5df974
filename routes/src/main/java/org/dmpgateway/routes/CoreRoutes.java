package org.dmpgateway.routes;

import org.apache.camel.builder.RouteBuilder;
import org.dmpgateway.mappings.CoreEndpoints;
import org.dmpgateway.mappings.access.AuthorizationDeclaration;
import org.dmpgateway.mappings.error.DmpException;
import org.dmpgateway.mappings.model.Submission;
import org.dmpgateway.mappings.query.QueryCommand;
import org.dmpgateway.mappings.query.RetrieveCommand;
import org.dmpgateway.mappings.trail.TraceAction;
import org.dmpgateway.routes.consent.DeclareAuthorization;
import org.dmpgateway.routes.query.StoredQueries;
import org.dmpgateway.routes.retrieve.RetrieveDocuments;
import org.dmpgateway.routes.submission.SubmitDocuments;
import org.dmpgateway.routes.trail.AccessTrail;
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
    private final AccessTrail trail;

    public CoreRoutes(SubmitDocuments submitDocuments, StoredQueries storedQueries, RetrieveDocuments retrieveDocuments,
                      DeclareAuthorization declareAuthorization, AccessTrail trail) {
        this.submitDocuments = submitDocuments;
        this.storedQueries = storedQueries;
        this.retrieveDocuments = retrieveDocuments;
        this.declareAuthorization = declareAuthorization;
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

        from(CoreEndpoints.RETRIEVE_DOCUMENTS).routeId("retrieve-documents")
                .convertBodyTo(RetrieveCommand.class)
                .doTry()
                    .bean(retrieveDocuments, "retrieve")
                .doCatch(DmpException.class)
                    .process(trail.refusal(TraceAction.RETRIEVE))
                .end();

        from(CoreEndpoints.DECLARE_AUTHORIZATION).routeId("declare-authorization")
                .convertBodyTo(AuthorizationDeclaration.class)
                .doTry()
                    .bean(declareAuthorization, "declare")
                .doCatch(DmpException.class)
                    .process(trail.refusal(TraceAction.AUTHORIZE))
                .end();

        from(CoreEndpoints.RECORD_STATUS).routeId("record-status")
                .doTry()
                    .bean(declareAuthorization, "status")
                .doCatch(DmpException.class)
                    .process(trail.refusal(TraceAction.STATUS_CHECK))
                .end();
    }
}
