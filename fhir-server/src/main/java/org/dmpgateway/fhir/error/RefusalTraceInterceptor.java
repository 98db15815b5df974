package org.dmpgateway.fhir.error;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.apache.camel.ProducerTemplate;
import org.dmpgateway.fhir.identity.BearerTokenInterceptor;
import org.dmpgateway.model.CoreEndpoints;
import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.trail.TraceAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every FHIR request refused by the adapter itself (a malformed body or parameter answered 400, a
 * document not found 404, a version mismatch 412, a patch that touches what may not change 422...)
 * once the caller's token was read is reported to the core ({@link CoreEndpoints#TRACE_REFUSAL}),
 * which traces it in the record's history with the request's real action (SUBMIT, QUERY, RETRIEVE,
 * UPDATE for PATCH, DELETE...). Refusals of the core itself are traced by the core, not again here.
 */
@Component
@Interceptor
public class RefusalTraceInterceptor {
    private static final Logger LOG = LoggerFactory.getLogger(RefusalTraceInterceptor.class);
    private static final String URN_UUID = "urn:uuid:";

    private final ProducerTemplate producer;

    public RefusalTraceInterceptor(ProducerTemplate producer) {
        this.producer = producer;
    }

    @Hook(Pointcut.SERVER_HANDLE_EXCEPTION)
    public boolean trace(RequestDetails request, BaseServerResponseException exception) {
        AccessContext caller = BearerTokenInterceptor.callerOrNull(request);
        int status = exception.getStatusCode();
        if (caller == null || status < 400 || status >= 500
                || (exception instanceof FhirRefusal refusal && refusal.tracedByCore())) {
            return true;
        }
        TraceAction action = actionOf(request);
        DmpException refusal = exception instanceof FhirRefusal f ? f.refusal()
                : new DmpException(action == TraceAction.QUERY || action == TraceAction.RETRIEVE
                        ? DmpErrorCode.INVALID_QUERY_PARAMETER : DmpErrorCode.METADATA_ERROR,
                        "HTTP " + status + ": " + exception.getMessage(), null);
        Map<String, Object> headers = new HashMap<>();
        headers.put(CoreEndpoints.ACCESS_CONTEXT, caller);
        headers.put(CoreEndpoints.TRACE_ACTION, action);
        String id = request.getId() == null ? null : request.getId().getIdPart();
        headers.put(CoreEndpoints.DOCUMENT_IDS, id == null ? List.of()
                : List.of(id.startsWith(URN_UUID) ? id : URN_UUID + id));
        try {
            producer.sendBodyAndHeaders(CoreEndpoints.TRACE_REFUSAL, refusal, headers);
        } catch (RuntimeException e) {
            LOG.error("could not trace a refused FHIR {} ({})", action, refusal.getMessage(), e);
        }
        return true;
    }

    /** The action of the request as the traces name it. */
    static TraceAction actionOf(RequestDetails request) {
        RestOperationTypeEnum operation = request.getRestOperationType();
        String resource = request.getResourceName() == null ? "" : request.getResourceName();
        if (operation != null) {
            switch (operation) {
                case TRANSACTION, BATCH, CREATE:
                    return TraceAction.SUBMIT;
                case PATCH, UPDATE:
                    return TraceAction.UPDATE;
                case DELETE:
                    return TraceAction.DELETE;
                default:
                    break;
            }
        } else {
            String method = request.getRequestType() == null ? "GET"
                    : request.getRequestType().name().toUpperCase(Locale.ROOT);
            switch (method) {
                case "POST":
                    return TraceAction.SUBMIT;
                case "PATCH", "PUT":
                    return TraceAction.UPDATE;
                case "DELETE":
                    return TraceAction.DELETE;
                default:
                    break;
            }
        }
        return switch (resource) {
            case "Binary" -> TraceAction.RETRIEVE;
            case "AuditEvent" -> TraceAction.READ_TRACES;
            case "Patient" -> TraceAction.STATUS_CHECK;
            default -> TraceAction.QUERY;
        };
    }
}
