package org.dmpgateway.routes;

import org.apache.camel.builder.RouteBuilder;
import org.dmpgateway.mappings.CoreEndpoints;
import org.dmpgateway.mappings.model.Submission;
import org.dmpgateway.mappings.query.QueryCommand;
import org.dmpgateway.mappings.query.RetrieveCommand;
import org.dmpgateway.routes.query.StoredQueries;
import org.dmpgateway.routes.retrieve.RetrieveDocuments;
import org.dmpgateway.routes.submission.SubmitDocuments;
import org.springframework.stereotype.Component;

/**
 * The core transaction routes. Every adapter (SOAP, FHIR) sends its internal command here; the
 * answer is the internal result. Errors travel back as {@link org.dmpgateway.mappings.error.DmpException}.
 */
@Component
public class CoreRoutes extends RouteBuilder {
    private final SubmitDocuments submitDocuments;
    private final StoredQueries storedQueries;
    private final RetrieveDocuments retrieveDocuments;

    public CoreRoutes(SubmitDocuments submitDocuments, StoredQueries storedQueries, RetrieveDocuments retrieveDocuments) {
        this.submitDocuments = submitDocuments;
        this.storedQueries = storedQueries;
        this.retrieveDocuments = retrieveDocuments;
    }

    @Override
    public void configure() {
        errorHandler(noErrorHandler());

        from(CoreEndpoints.SUBMIT_DOCUMENTS).routeId("submit-documents")
                .convertBodyTo(Submission.class)
                .bean(submitDocuments, "submit");

        from(CoreEndpoints.QUERY_REGISTRY).routeId("query-registry")
                .convertBodyTo(QueryCommand.class)
                .bean(storedQueries, "execute");

        from(CoreEndpoints.RETRIEVE_DOCUMENTS).routeId("retrieve-documents")
                .convertBodyTo(RetrieveCommand.class)
                .bean(retrieveDocuments, "retrieve");
    }
}
