package org.dmpgateway.server.metrics;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.camel.support.RoutePolicySupport;
import org.dmpgateway.server.metrics.TransactionMetrics.Outcome;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.RetrieveDocumentSetResponseType;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.QueryType;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorInfo;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Response;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.query.AdhocQueryRequest;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rs.RegistryError;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rs.RegistryResponseType;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Map;

/**
 * Times the SOAP transactions at the XDS adapter's boundary: a Camel route policy on the IPF
 * consumer routes (iti41, iti18, iti43, iti57, iti62). The request gives the ITI-18 stored query,
 * the XDS answer (IPF's model or its ebXML form) gives the outcome: its status and first error code.
 */
@Component
public class XdsTransactionMetrics implements CamelContextConfiguration {
    static final Map<String, String> TRANSACTIONS = Map.of(
            "iti41", "ITI-41", "iti18", "ITI-18", "iti43", "ITI-43", "iti57", "ITI-57", "iti62", "ITI-62");
    private static final String METRICS_STARTED = "DmpMetricsStarted";
    private static final String METRICS_QUERY = "DmpMetricsQuery";

    private final TransactionMetrics metrics;

    public XdsTransactionMetrics(TransactionMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        // a factory object of its own: a RoutePolicyFactory bean could be picked up a second time
        camelContext.addRoutePolicyFactory(new RoutePolicyFactory() {
            @Override
            public RoutePolicy createRoutePolicy(CamelContext context, String routeId, NamedNode route) {
                String transaction = TRANSACTIONS.get(routeId);
                return transaction == null ? null : new Policy(transaction);
            }
        });
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        // nothing
    }

    private final class Policy extends RoutePolicySupport {
        private final String transaction;

        private Policy(String transaction) {
            this.transaction = transaction;
        }

        @Override
        public void onExchangeBegin(Route route, Exchange exchange) {
            exchange.setProperty(METRICS_STARTED, System.nanoTime());
            if (exchange.getMessage().getBody() instanceof AdhocQueryRequest request) {
                exchange.setProperty(METRICS_QUERY, queryName(request));
            }
        }

        @Override
        public void onExchangeDone(Route route, Exchange exchange) {
            Long started = exchange.getProperty(METRICS_STARTED, Long.class);
            long nanos = started == null ? 0 : System.nanoTime() - started;
            String query = exchange.getProperty(METRICS_QUERY, String.class);
            if (exchange.getException() != null) {
                metrics.record("SOAP", transaction, query, Outcome.FAILURE,
                        exchange.getException().getClass().getSimpleName(), nanos);
                return;
            }
            Object body = exchange.getMessage().getBody();
            Answer answer = answerOf(body);
            metrics.record("SOAP", transaction, query, answer.outcome(), answer.error(), nanos);
        }
    }

    /** FindDocuments for urn:uuid:14d4debf-..., the query id itself when IPF does not know it. */
    static String queryName(AdhocQueryRequest request) {
        if (request.getAdhocQuery() == null || request.getAdhocQuery().getId() == null) {
            return "unknown";
        }
        QueryType type;
        try {
            type = QueryType.valueOfId(request.getAdhocQuery().getId());
        } catch (RuntimeException unknownId) {
            // IPF throws for an id it does not know; its validator answers the request, not the metrics
            return "unknown";
        }
        if (type == null) {
            return "unknown";
        }
        StringBuilder name = new StringBuilder();
        for (String word : type.name().split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return name.toString();
    }

    record Answer(Outcome outcome, String error) {
    }

    static Answer answerOf(Object body) {
        if (body instanceof Response response) {
            Outcome outcome = response.getStatus() == Status.SUCCESS ? Outcome.SUCCESS
                    : response.getStatus() == Status.PARTIAL_SUCCESS ? Outcome.PARTIAL : Outcome.FAILURE;
            String error = null;
            if (!response.getErrors().isEmpty()) {
                ErrorInfo first = response.getErrors().get(0);
                error = first.getCustomErrorCode() != null ? first.getCustomErrorCode()
                        : first.getErrorCode() != null ? first.getErrorCode().getOpcode() : null;
            }
            return new Answer(outcome, error);
        }
        if (body instanceof RetrieveDocumentSetResponseType retrieve) {
            return answerOf(retrieve.getRegistryResponse());
        }
        if (body instanceof RegistryResponseType response) {
            String status = response.getStatus() == null ? "" : response.getStatus();
            Outcome outcome = status.endsWith(":Success") ? Outcome.SUCCESS
                    : status.endsWith(":PartialSuccess") ? Outcome.PARTIAL : Outcome.FAILURE;
            String error = null;
            if (response.getRegistryErrorList() != null && !response.getRegistryErrorList().getRegistryError().isEmpty()) {
                RegistryError first = response.getRegistryErrorList().getRegistryError().get(0);
                error = first.getErrorCode();
            }
            return new Answer(outcome, error);
        }
        return new Answer(Outcome.FAILURE, body == null ? "no-answer" : body.getClass().getSimpleName());
    }
}
