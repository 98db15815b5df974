package org.dmpgateway.fhir.error;

import org.dmpgateway.model.error.Causes;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.limits.Limits;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/**
 * Keeps internals out of FHIR answers: a {@link DmpException} that escaped a provider becomes its
 * {@link FhirRefusal}; a request body cut at {@code dmp.limits.request-bytes} is LIMIT_EXCEEDED (413);
 * a value HAPI could not parse (DataFormatException) is a 400; any other unexpected exception is logged with a reference and answered 500
 * with an OperationOutcome that carries only that reference (never a stack trace or class name).
 */
@Interceptor
public class UnexpectedErrorInterceptor {
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorInterceptor.class);

    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public BaseServerResponseException translate(Throwable exception, HttpServletRequest request) {
        if (request != null && request.getAttribute(Limits.REFUSAL_ATTRIBUTE) instanceof DmpException limit) {
            return FhirRefusal.of(limit); // the body passed dmp.limits.request-bytes while HAPI read it
        }
        DmpException refusal = Causes.refusalIn(exception);
        if (refusal != null) {
            return FhirRefusal.of(refusal);
        }
        DataFormatException malformed = Causes.find(exception, DataFormatException.class);
        if (malformed != null) { // a value HAPI could not parse (a search parameter, a body element): bad input
            return FhirRefusal.of(DmpErrorCode.INVALID_QUERY_PARAMETER, "malformed value: " + malformed.getMessage(), null);
        }
        if (exception instanceof BaseServerResponseException known && !(exception instanceof InternalErrorException)) {
            return known;
        }
        String reference = UUID.randomUUID().toString();
        LOG.error("FHIR request failed, reference {}", reference, exception);
        return FhirRefusal.of(DmpErrorCode.INTERNAL_ERROR, "internal error; reference " + reference
                + " in the gateway's log", null);
    }
}
