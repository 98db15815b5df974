package org.dmpgateway.fhir.error;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.dmpgateway.fhir.identity.BearerTokenInterceptor;
import org.dmpgateway.model.Core;
import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.trail.TraceAction;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;

/**
 * Every FHIR request refused by the adapter itself (a malformed body or parameter answered 400, a
 * document not found 404, a version mismatch 412, a patch that touches what may not change 422...)
 * once the caller's token was read is reported to the core ({@link Core#traceRefusal}),
 * which traces it in the record's history with the request's real action (SUBMIT, QUERY, RETRIEVE,
 * UPDATE for PATCH, DELETE...). Refusals of the core itself are traced by the core, not again here.
 */
@Component
@Interceptor
public class RefusalTraceInterceptor {
    private static final String URN_UUID = "urn:uuid:";

    private final Core core;

    public RefusalTraceInterceptor(Core core) {
        this.core = core;
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
        String id = request.getId() == null ? null : request.getId().getIdPart();
        core.traceRefusal(refusal, action, id == null ? List.of() : List.of(id.startsWith(URN_UUID) ? id : URN_UUID + id),
                caller);
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
