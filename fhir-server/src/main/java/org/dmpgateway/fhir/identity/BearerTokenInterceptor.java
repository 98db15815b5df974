package org.dmpgateway.fhir.identity;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.dmpgateway.fhir.error.FhirRefusal;
import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;

import java.util.Locale;

/**
 * Every FHIR request but the CapabilityStatement ({@code GET /fhir/metadata}) must carry
 * {@code Authorization: Bearer <JWT>}; the identity read by {@link BearerTokenReader} is kept on the
 * request for the providers ({@link #caller(RequestDetails)}). A missing or refused token is answered
 * 401 with an OperationOutcome, before any provider runs and before the request body is parsed
 * (HAPI's SERVER_INCOMING_REQUEST_POST_PROCESSED: the operation is known, the body not yet read), so
 * that an anonymous caller costs no parsing.
 */
@Interceptor
public class BearerTokenInterceptor {
    private static final String KEY = AccessContext.class.getName();
    private static final String PREFIX = "bearer ";

    private final BearerTokenReader reader;

    public BearerTokenInterceptor(BearerTokenReader reader) {
        this.reader = reader;
    }

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
    public boolean identify(RequestDetails request) {
        if (request.getRestOperationType() == RestOperationTypeEnum.METADATA) {
            return true;
        }
        String header = request.getHeader("Authorization");
        if (header == null || !header.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
            throw FhirRefusal.of(DmpErrorCode.IDENTITY_MISSING, "the request carries no bearer token: send "
                    + "'Authorization: Bearer <JWT>' whose claims are the VIHF attributes (docs/fhir.md)", "Authorization");
        }
        try {
            request.getUserData().put(KEY, reader.read(header.substring(PREFIX.length())));
        } catch (DmpException e) {
            throw FhirRefusal.of(e);
        }
        return true;
    }

    /** The caller's identity when the token of this request was read, else null. */
    public static AccessContext callerOrNull(RequestDetails request) {
        Object context = request == null ? null : request.getUserData().get(KEY);
        return context instanceof AccessContext caller ? caller : null;
    }

    /** The caller's identity, read from the token of this request. */
    public static AccessContext caller(RequestDetails request) {
        Object context = request == null ? null : request.getUserData().get(KEY);
        if (!(context instanceof AccessContext caller)) {
            throw FhirRefusal.of(DmpErrorCode.IDENTITY_MISSING, "the request carries no bearer token", "Authorization");
        }
        return caller;
    }
}
