package org.dmpgateway.model.limits;

import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;

/**
 * The configurable limits of a request (docs/security.md, "Limits"): their property names and the
 * one way a refusal names them, {@code LIMIT_EXCEEDED} with the limit, its value and its property.
 */
public final class Limits {
    /** Bytes of one HTTP request body (SOAP/MTOM, FHIR, REST), counted as it is read. */
    public static final String REQUEST_BYTES = "dmp.limits.request-bytes";
    /** Bytes of the content of one document (ITI-41, ITI-65, ITI-105). */
    public static final String DOCUMENT_BYTES = "dmp.limits.document-bytes";
    /** Distinct documents one retrieve (ITI-43) may name. */
    public static final String RETRIEVE_DOCUMENTS = "dmp.limits.retrieve-documents";
    /** Content bytes one retrieve (ITI-43) answer may carry. */
    public static final String RETRIEVE_BYTES = "dmp.limits.retrieve-bytes";
    /** Entries of one FHIR Bundle (ITI-65). */
    public static final String BUNDLE_ENTRIES = "dmp.limits.bundle-entries";

    /**
     * The request attribute that holds the LIMIT_EXCEEDED refusal once the request body passed
     * {@link #REQUEST_BYTES} (set by the server's request filter), for the endpoints whose readers
     * do not keep the cause of a failed read (HAPI answers "Could not load request resource").
     */
    public static final String REFUSAL_ATTRIBUTE = "org.dmpgateway.limits.refusal";

    private Limits() {
    }

    /**
     * The refusal of a request above a limit, e.g. {@code exceeded("the request body", "bytes",
     * 1048576, REQUEST_BYTES, "Content-Length")}.
     */
    public static DmpException exceeded(String what, String unit, long limit, String property, String location) {
        return new DmpException(DmpErrorCode.LIMIT_EXCEEDED, what + " exceeds the limit of " + limit + " " + unit
                + " (" + property + ")", location);
    }
}
