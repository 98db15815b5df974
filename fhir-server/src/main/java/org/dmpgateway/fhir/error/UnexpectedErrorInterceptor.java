package org.dmpgateway.fhir.error;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import org.dmpgateway.mappings.error.DmpErrorCode;
import org.dmpgateway.mappings.error.DmpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/**
 * Keeps internals out of FHIR answers: a {@link DmpException} that escaped a provider becomes its
 * {@link FhirRefusal}; any other unexpected exception is logged with a reference and answered 500
 * with an OperationOutcome that carries only that reference (never a stack trace or class name).
 */
@Interceptor
public class UnexpectedErrorInterceptor {
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorInterceptor.class);

    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public BaseServerResponseException translate(Throwable exception) {
        DmpException refusal = FhirRefusal.refusalIn(exception);
        if (refusal != null) {
            return FhirRefusal.of(refusal);
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
