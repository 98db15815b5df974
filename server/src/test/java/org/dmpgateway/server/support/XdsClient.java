package org.dmpgateway.server.support;

import org.apache.camel.ProducerTemplate;
import org.openehealth.ipf.commons.ihe.xds.core.requests.DocumentReference;
import org.openehealth.ipf.commons.ihe.xds.core.requests.ProvideAndRegisterDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.requests.QueryRegistry;
import org.openehealth.ipf.commons.ihe.xds.core.requests.RetrieveDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.Query;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.QueryReturnType;
import org.openehealth.ipf.commons.ihe.xds.core.responses.QueryResponse;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Response;
import org.openehealth.ipf.commons.ihe.xds.core.responses.RetrievedDocumentSet;

/**
 * A real SOAP client for the tests: IPF's XDS producers (xds-iti41/18/43) sending over HTTP to the
 * server's /services endpoints.
 */
public final class XdsClient {
    private final ProducerTemplate producer;
    private final String base;

    public XdsClient(ProducerTemplate producer, int port) {
        this.producer = producer;
        this.base = "://localhost:" + port + "/services/";
    }

    public Response submit(ProvideAndRegisterDocumentSet request) {
        return producer.requestBody("xds-iti41" + base + "iti41", request, Response.class);
    }

    public QueryResponse query(Query query) {
        return query(query, QueryReturnType.LEAF_CLASS);
    }

    public QueryResponse query(Query query, QueryReturnType returnType) {
        QueryRegistry request = new QueryRegistry(query);
        request.setReturnType(returnType);
        return producer.requestBody("xds-iti18" + base + "iti18", request, QueryResponse.class);
    }

    public RetrievedDocumentSet retrieve(String repositoryUniqueId, String... documentUniqueIds) {
        RetrieveDocumentSet request = new RetrieveDocumentSet();
        for (String id : documentUniqueIds) {
            request.getDocuments().add(new DocumentReference(repositoryUniqueId, id, null));
        }
        return producer.requestBody("xds-iti43" + base + "iti43", request, RetrievedDocumentSet.class);
    }
}
