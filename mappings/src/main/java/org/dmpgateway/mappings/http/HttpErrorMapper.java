package org.dmpgateway.mappings.http;

import org.dmpgateway.model.error.DmpErrorCode;

/**
 * The one mapping of the gateway's error codes to HTTP statuses, for every HTTP (non-SOAP) answer:
 * the /dmp and /admin REST operations and the FHIR endpoints (docs/error-codes.md).
 */
public final class HttpErrorMapper {
    private HttpErrorMapper() {
    }

    public static int status(DmpErrorCode code) {
        return switch (code) {
            case IDENTITY_MISSING, IDENTITY_INVALID, IDENTITY_UNTRUSTED -> 401;
            // the record existed and is closed (or the patient opposed its creation): gone, not forbidden
            case DMP_CLOSED, DMP_OPPOSED -> 410;
            case PS_BLOCKED, PS_NOT_AUTHORIZED, HABILITATION_DENIED,
                 BREAK_GLASS_JUSTIFICATION_MISSING, BREAK_GLASS_DISABLED, SAMU_ACCESS_DISABLED, NOT_AUTHOR,
                 TRACE_ACCESS_DENIED -> 403;
            case UNKNOWN_PATIENT, DMP_UNKNOWN, UNKNOWN_DOCUMENT -> 404;
            case DUPLICATE_UNIQUE_ID, DUPLICATE_UNIQUE_ID_IN_MESSAGE, DEPRECATED_DOCUMENT, METADATA_VERSION_ERROR -> 409;
            case METADATA_UPDATE_ERROR, METADATA_UPDATE_OPERATION_ERROR -> 422;
            case INVALID_INS, ACCESS_PATIENT_MISMATCH, PATIENT_ID_MISMATCH, NON_IDENTICAL_HASH, NON_IDENTICAL_SIZE,
                 METADATA_ERROR, MISSING_DOCUMENT, MISSING_DOCUMENT_METADATA, UNRESOLVED_REFERENCE, UNKNOWN_REPOSITORY,
                 UNKNOWN_STORED_QUERY, INVALID_QUERY_PARAMETER, TOO_MANY_RESULTS -> 400;
            // RFC 9110 15.5.14: 413 Content Too Large
            case LIMIT_EXCEEDED -> 413;
            case INTERNAL_ERROR -> 500;
        };
    }
}
