package org.dmpgateway.server.limits;

import org.dmpgateway.model.error.DmpException;

import java.io.IOException;

/**
 * Thrown by the request body's stream when more than {@code dmp.limits.request-bytes} were read. It
 * is an IOException, as the readers (CXF, HAPI) expect, whose cause is the gateway's refusal
 * (LIMIT_EXCEEDED): the SOAP and FHIR error handlers find it in the cause chain and answer it.
 */
public class RequestTooLargeException extends IOException {
    public RequestTooLargeException(DmpException refusal) {
        super(refusal.getMessage(), refusal);
    }

    public DmpException refusal() {
        return (DmpException) getCause();
    }
}
