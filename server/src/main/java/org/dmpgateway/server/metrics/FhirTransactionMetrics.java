package org.dmpgateway.server.metrics;

import org.dmpgateway.model.error.Causes;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.dmpgateway.fhir.error.FhirRefusal;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.server.metrics.TransactionMetrics.Outcome;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Times the FHIR transactions at the FHIR adapter's boundary, a HAPI interceptor: the interaction
 * and resource type name the transaction (ITI-65 transaction, ITI-105 create, ITI-67 DocumentReference
 * search and read, ITI-66 List, ITI-68 Binary, PATCH, DELETE, TD0.2 Patient...), an exception the
 * failure (the gateway's error code of a refusal, HTTP_&lt;status&gt; otherwise).
 */
@Interceptor
public class FhirTransactionMetrics {
    private static final String FAILURE = FhirTransactionMetrics.class.getName() + ".failure";

    private final TransactionMetrics metrics;

    public FhirTransactionMetrics(TransactionMetrics metrics) {
        this.metrics = metrics;
    }

    @Hook(Pointcut.SERVER_HANDLE_EXCEPTION)
    public boolean failed(RequestDetails request, BaseServerResponseException exception) {
        request.getUserData().put(FAILURE, exception);
        return true;
    }

    @Hook(Pointcut.SERVER_PROCESSING_COMPLETED)
    public void completed(RequestDetails request) {
        long nanos = request.getRequestStopwatch() == null ? 0
                : TimeUnit.MILLISECONDS.toNanos(request.getRequestStopwatch().getMillis());
        RestOperationTypeEnum operation = request.getRestOperationType();
        String resource = request.getResourceName();
        String transaction = transaction(operation, resource);
        String query = operation == null ? null : switch (operation) {
            case SEARCH_TYPE, SEARCH_SYSTEM -> "search";
            case READ -> "read";
            case VREAD -> "vread";
            default -> null;
        };
        Object failure = request.getUserData().get(FAILURE);
        if (failure instanceof BaseServerResponseException e) {
            metrics.record("FHIR", transaction, query, Outcome.FAILURE, errorCode(e), nanos);
        } else {
            metrics.record("FHIR", transaction, query, Outcome.SUCCESS, null, nanos);
        }
    }

    static String transaction(RestOperationTypeEnum operation, String resource) {
        if (operation == null) {
            return "unknown";
        }
        String type = resource == null ? "" : resource;
        return switch (operation) {
            case TRANSACTION -> "ITI-65";
            case METADATA -> "metadata";
            case PATCH -> "PATCH";
            case DELETE -> "DELETE";
            case CREATE -> "DocumentReference".equals(type) ? "ITI-105" : "create " + type;
            default -> switch (type) {
                case "DocumentReference" -> "ITI-67";
                case "List" -> "ITI-66";
                case "Binary" -> "ITI-68";
                case "Patient" -> "TD0.2";
                case "AuditEvent" -> "AuditEvent";
                default -> operation.getCode().toLowerCase(Locale.ROOT) + (type.isEmpty() ? "" : " " + type);
            };
        };
    }

    private static String errorCode(BaseServerResponseException e) {
        DmpException refusal = e instanceof FhirRefusal r ? r.refusal() : Causes.refusalIn(e);
        return refusal != null ? refusal.code().name() : "HTTP_" + e.getStatusCode();
    }
}
