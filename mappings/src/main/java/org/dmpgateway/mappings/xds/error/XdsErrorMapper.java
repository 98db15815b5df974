package org.dmpgateway.mappings.xds.error;

import org.dmpgateway.mappings.IdentityWords;
import org.dmpgateway.model.error.DmpError;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.openehealth.ipf.commons.ihe.xds.core.XdsRuntimeException;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorCode;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorInfo;
import org.openehealth.ipf.commons.ihe.xds.core.responses.QueryResponse;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Response;
import org.openehealth.ipf.commons.ihe.xds.core.responses.RetrievedDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Severity;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;
import org.openehealth.ipf.commons.ihe.xds.core.validate.XDSMetaDataException;

/**
 * The one mapping of the gateway's error codes to XDS (docs/error-codes.md): each
 * {@link DmpError} becomes a RegistryError with the standard IHE code of the transaction,
 * severity Error, the codeContext {@code "<DMP code>: <message>"} (so the stable DMP code stays
 * visible) and the error's location.
 */
public final class XdsErrorMapper {
    private XdsErrorMapper() {
    }

    public static ErrorCode errorCode(DmpErrorCode code, XdsTransaction tx) {
        return switch (code) {
            case UNKNOWN_PATIENT, INVALID_INS -> ErrorCode.UNKNOWN_PATIENT_ID;
            case PATIENT_ID_MISMATCH -> ErrorCode.PATIENT_ID_DOES_NOT_MATCH;
            case DUPLICATE_UNIQUE_ID -> ErrorCode.DUPLICATE_UNIQUE_ID_IN_REGISTRY;
            case DUPLICATE_UNIQUE_ID_IN_MESSAGE -> ErrorCode.REPOSITORY_DUPLICATE_UNIQUE_ID_IN_MESSAGE;
            case NON_IDENTICAL_HASH -> ErrorCode.NON_IDENTICAL_HASH;
            case NON_IDENTICAL_SIZE -> ErrorCode.NON_IDENTICAL_SIZE;
            case METADATA_ERROR, UNRESOLVED_REFERENCE -> tx == XdsTransaction.ITI_41
                    ? ErrorCode.REPOSITORY_METADATA_ERROR : ErrorCode.REGISTRY_METADATA_ERROR;
            case MISSING_DOCUMENT -> ErrorCode.MISSING_DOCUMENT;
            case MISSING_DOCUMENT_METADATA -> ErrorCode.MISSING_DOCUMENT_METADATA;
            case DEPRECATED_DOCUMENT -> ErrorCode.REGISTRY_DEPRECATED_DOCUMENT_ERROR;
            case UNKNOWN_REPOSITORY -> ErrorCode.UNKNOWN_REPOSITORY_ID;
            case UNKNOWN_DOCUMENT -> ErrorCode.DOCUMENT_UNIQUE_ID_ERROR;
            case UNKNOWN_STORED_QUERY -> ErrorCode.UNKNOWN_STORED_QUERY;
            case INVALID_QUERY_PARAMETER -> ErrorCode.STORED_QUERY_PARAM_NUMBER;
            case TOO_MANY_RESULTS -> ErrorCode.TOO_MANY_RESULTS;
            case INTERNAL_ERROR, LIMIT_EXCEEDED -> tx.isRepositorySide() ? ErrorCode.REPOSITORY_ERROR : ErrorCode.REGISTRY_ERROR;
            case DMP_UNKNOWN -> ErrorCode.UNKNOWN_PATIENT_ID;
            case METADATA_UPDATE_ERROR -> ErrorCode.METADATA_UPDATE_ERROR;
            case METADATA_VERSION_ERROR -> ErrorCode.METADATA_VERSION_ERROR;
            case METADATA_UPDATE_OPERATION_ERROR -> ErrorCode.METADATA_UPDATE_OPERATION_ERROR;
            case IDENTITY_MISSING, IDENTITY_INVALID, IDENTITY_UNTRUSTED, ACCESS_PATIENT_MISMATCH, DMP_CLOSED, DMP_OPPOSED,
                 PS_BLOCKED, PS_NOT_AUTHORIZED, HABILITATION_DENIED, BREAK_GLASS_JUSTIFICATION_MISSING,
                 BREAK_GLASS_DISABLED, SAMU_ACCESS_DISABLED, NOT_AUTHOR, TRACE_ACCESS_DENIED -> ErrorCode._USER_DEFINED;
        };
    }

    /**
     * The errorCode text of a DMP-specific refusal (no IHE code says it): the DMP code itself, e.g.
     * {@code DMP_CLOSED}; null for the codes that map to a standard IHE code.
     */
    public static String customErrorCode(DmpErrorCode code, XdsTransaction tx) {
        return errorCode(code, tx) == ErrorCode._USER_DEFINED ? code.name() : null;
    }

    public static ErrorInfo toErrorInfo(DmpError refusal, XdsTransaction tx) {
        DmpError error = IdentityWords.VIHF.render(refusal); // the identity fields as the VIHF names them
        return new ErrorInfo(errorCode(error.code(), tx), error.code().name() + ": " + error.message(),
                Severity.ERROR, error.location(), customErrorCode(error.code(), tx));
    }

    /**
     * The failure answer in the response type of the transaction: QueryResponse (ITI-18),
     * RetrievedDocumentSet (ITI-43) or Response (the others), one error per {@link DmpError}.
     */
    public static Response toXdsAnswer(DmpException e, XdsTransaction tx) {
        Response response = emptyFailure(tx);
        e.errors().forEach(err -> response.getErrors().add(toErrorInfo(err, tx)));
        return response;
    }

    private static Response emptyFailure(XdsTransaction tx) {
        return switch (tx) {
            case ITI_18 -> new QueryResponse(Status.FAILURE);
            case ITI_43 -> new RetrievedDocumentSet(Status.FAILURE);
            case ITI_41, ITI_57, ITI_62 -> new Response(Status.FAILURE);
        };
    }

    /**
     * The failure answer for an IPF validation error ({@link XDSMetaDataException}): IPF's own
     * error code (or the transaction's metadata default) and IPF's message, with the field name
     * written after each classification scheme it mentions.
     */
    public static Response fromValidationFailure(XDSMetaDataException e, XdsTransaction tx) {
        ErrorCode metadataDefault = switch (tx) {
            case ITI_41 -> ErrorCode.REPOSITORY_METADATA_ERROR;
            case ITI_43 -> ErrorCode.REPOSITORY_ERROR;
            case ITI_18 -> ErrorCode.REGISTRY_ERROR;
            case ITI_57, ITI_62 -> ErrorCode.REGISTRY_METADATA_ERROR;
        };
        ErrorCode code = e.getValidationMessage().getErrorCode() != null ? e.getValidationMessage().getErrorCode() : metadataDefault;
        Response response = emptyFailure(tx);
        response.getErrors().add(new ErrorInfo(code, XdsFieldNames.annotate(e.getMessage()), Severity.ERROR, null, null));
        return response;
    }

    /**
     * The failure answer for an error IPF's validators raise with their own code and context
     * ({@link XdsRuntimeException}), e.g. the metadata-update rules of ITI-57 (missing PreviousVersion:
     * XDSMetadataVersionError; missing SubmissionSet HasMember: XDSMetadataAnnotationError; initial
     * version sent as an update: InvalidRequestException): IPF's code, context, severity and location.
     */
    public static Response fromIpfError(XdsRuntimeException e, XdsTransaction tx) {
        Response response = emptyFailure(tx);
        response.getErrors().add(new ErrorInfo(e.getErrorCode(), XdsFieldNames.annotate(e.getCodeContext()),
                e.getSeverity(), e.getLocation(), null));
        return response;
    }
}
