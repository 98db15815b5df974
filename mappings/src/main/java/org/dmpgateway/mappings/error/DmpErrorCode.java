package org.dmpgateway.mappings.error;

/**
 * The stable error codes of DMP Gateway. Each is mapped once per protocol (XDS RegistryError
 * code, FHIR OperationOutcome + HTTP status). Codes are part of the public contract: never rename.
 */
public enum DmpErrorCode {
    /** The patient identifier is not a known DMP patient. */
    UNKNOWN_PATIENT,
    /** The INS is malformed (length, characters or key). */
    INVALID_INS,
    /** Objects of one request name different patients. */
    PATIENT_ID_MISMATCH,
    /** A uniqueId is already used in the registry by another object. */
    DUPLICATE_UNIQUE_ID,
    /** The same uniqueId appears twice in the request. */
    DUPLICATE_UNIQUE_ID_IN_MESSAGE,
    /** The declared hash differs from the content's SHA-1. */
    NON_IDENTICAL_HASH,
    /** The declared size differs from the content's length. */
    NON_IDENTICAL_SIZE,
    /** Malformed or inconsistent metadata (names the field). */
    METADATA_ERROR,
    /** A document entry of a Provide and Register request has no content. */
    MISSING_DOCUMENT,
    /** Content was sent with no matching document entry. */
    MISSING_DOCUMENT_METADATA,
    /** An association points to an object that is neither submitted nor in the registry. */
    UNRESOLVED_REFERENCE,
    /** A replacement / transformation targets a document that is not Approved. */
    DEPRECATED_DOCUMENT,
    /** The repositoryUniqueId of a retrieve is not ours. */
    UNKNOWN_REPOSITORY,
    /** The documentUniqueId of a retrieve is unknown. */
    UNKNOWN_DOCUMENT,
    /** The stored query id is not supported. */
    UNKNOWN_STORED_QUERY,
    /** A stored query parameter is missing or has a wrong value or combination. */
    INVALID_QUERY_PARAMETER,
    /** The result exceeds the configured maximum. */
    TOO_MANY_RESULTS,
    /** Unexpected failure inside the gateway. */
    INTERNAL_ERROR
}
