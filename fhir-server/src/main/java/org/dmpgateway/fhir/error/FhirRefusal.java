package org.dmpgateway.fhir.error;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.mappings.fhir.error.FhirErrorMapper;

/**
 * A refusal of the gateway as HAPI sends it: the HTTP status of the gateway's error code and an
 * OperationOutcome naming the code, the rule and the field ({@link FhirErrorMapper}). A 401 also
 * carries {@code WWW-Authenticate: Bearer}, with {@code error="invalid_token"} when a token was sent.
 */
public class FhirRefusal extends BaseServerResponseException {
    private final transient DmpException refusal;
    private final boolean tracedByCore;

    private FhirRefusal(DmpException refusal) {
        super(FhirErrorMapper.status(refusal.code()), refusal.getMessage(), FhirErrorMapper.outcome(refusal));
        this.refusal = refusal;
        this.tracedByCore = refusal.tracedByCore();
        if (getStatusCode() == 401) {
            // RFC 6750 3.1: no error code when the request carried no token at all
            addResponseHeader("WWW-Authenticate", refusal.code() == DmpErrorCode.IDENTITY_MISSING
                    ? "Bearer realm=\"dmp-gateway\""
                    : "Bearer realm=\"dmp-gateway\", error=\"invalid_token\"");
        }
    }

    public static FhirRefusal of(DmpException refusal) {
        return new FhirRefusal(refusal);
    }

    public static FhirRefusal of(DmpErrorCode code, String message, String field) {
        return new FhirRefusal(new DmpException(code, message, field));
    }

    /** The gateway's refusal this answer carries. */
    public DmpException refusal() {
        return refusal;
    }

    /** Whether the core traced this refusal (true for a refusal of a core route; false for the adapter's own). */
    public boolean tracedByCore() {
        return tracedByCore;
    }
}
