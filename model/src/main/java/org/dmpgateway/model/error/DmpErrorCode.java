package org.dmpgateway.model.error;

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
    INTERNAL_ERROR,
    /**
     * The request exceeds a configured limit (bytes per request or per document, documents per
     * retrieve, entries per Bundle); the message names the limit and its {@code dmp.limits.*} property.
     */
    LIMIT_EXCEEDED,

    // ------------------------------------------------------------ identity (VIHF, bearer token)
    /** The request carries no identity (no VIHF assertion in the WS-Security header). */
    IDENTITY_MISSING,
    /** The identity lacks a mandatory attribute or has a malformed one (the message names it). */
    IDENTITY_INVALID,
    /** The identity is not signed, or not by a trusted certificate, while signatures are required. */
    IDENTITY_UNTRUSTED,
    /** The request names another patient than the identity's resource-id. */
    ACCESS_PATIENT_MISMATCH,

    // ------------------------------------------------------------ the patient's record (DMP) states
    /** The patient has no DMP yet (record NOTIFIED: opposition period running). */
    DMP_UNKNOWN,
    /** The patient closed their DMP. */
    DMP_CLOSED,
    /** The patient opposed the creation of their DMP. */
    DMP_OPPOSED,

    // ------------------------------------------------------------ access policy
    /** The patient blocked this professional: no access in any mode. */
    PS_BLOCKED,
    /** Normal access without the patient's authorisation (declare it with TD0.3 first). */
    PS_NOT_AUTHORIZED,
    /** The habilitation matrix does not let this profession handle this document type. */
    HABILITATION_DENIED,
    /** Break-glass access without a justification (Mode_Acces_Raison). */
    BREAK_GLASS_JUSTIFICATION_MISSING,
    /** Break-glass access while the patient's switch for emergency access by other professionals is off. */
    BREAK_GLASS_DISABLED,
    /** SAMU (centre 15) access while the patient's SAMU switch is off. */
    SAMU_ACCESS_DISABLED,
    /** Only the author of a document (or the admin doctor, for masking) may do this. */
    NOT_AUTHOR,
    /** Only the record's admin doctor (normal mode) and the patient may read the record's access history. */
    TRACE_ACCESS_DENIED,

    // ------------------------------------------------------------ metadata update (ITI-57, ITI-62)
    /** A metadata update names an unknown object, an unsupported change, or a forbidden transition. */
    METADATA_UPDATE_ERROR,
    /** A metadata update names a version that is not the current one. */
    METADATA_VERSION_ERROR,
    /**
     * A metadata update operation the registry cannot decode: an UpdateAvailabilityStatus association
     * without valid OriginalStatus and NewStatus, with both equal, or with a slot that is not its own;
     * an invalid AssociationPropagation value (IHE ITI TF-2b 3.57.4.1.3, XDSMetadataUpdateOperationError).
     */
    METADATA_UPDATE_OPERATION_ERROR
}
