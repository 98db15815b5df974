package org.dmpgateway.mappings.xds.error;

import org.dmpgateway.model.error.DmpError;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.openehealth.ipf.commons.ihe.xds.core.XdsRuntimeException;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorCode;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorInfo;
import org.openehealth.ipf.commons.ihe.xds.core.responses.QueryResponse;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Response;
import org.openehealth.ipf.commons.ihe.xds.core.responses.RetrievedDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Severity;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class XdsErrorMapperTest {

    /** The table of docs/error-codes.md, per transaction. */
    @ParameterizedTest(name = "{0} in {1} -> {2}")
    @CsvSource({
            "UNKNOWN_PATIENT, ITI_41, XDSUnknownPatientId",
            "UNKNOWN_PATIENT, ITI_18, XDSUnknownPatientId",
            "INVALID_INS, ITI_41, XDSUnknownPatientId",
            "PATIENT_ID_MISMATCH, ITI_41, XDSPatientIdDoesNotMatch",
            "DUPLICATE_UNIQUE_ID, ITI_41, XDSDuplicateUniqueIdInRegistry",
            "DUPLICATE_UNIQUE_ID_IN_MESSAGE, ITI_41, XDSRepositoryDuplicateUniqueIdInMessage",
            "NON_IDENTICAL_HASH, ITI_41, XDSNonIdenticalHash",
            "NON_IDENTICAL_SIZE, ITI_41, XDSNonIdenticalSize",
            "METADATA_ERROR, ITI_41, XDSRepositoryMetadataError",
            "METADATA_ERROR, ITI_57, XDSRegistryMetadataError",
            "METADATA_ERROR, ITI_18, XDSRegistryMetadataError",
            "UNRESOLVED_REFERENCE, ITI_41, XDSRepositoryMetadataError",
            "UNRESOLVED_REFERENCE, ITI_57, XDSRegistryMetadataError",
            "MISSING_DOCUMENT, ITI_41, XDSMissingDocument",
            "MISSING_DOCUMENT_METADATA, ITI_41, XDSMissingDocumentMetadata",
            "DEPRECATED_DOCUMENT, ITI_41, XDSRegistryDeprecatedDocumentError",
            "UNKNOWN_REPOSITORY, ITI_43, XDSUnknownRepositoryId",
            "UNKNOWN_DOCUMENT, ITI_43, XDSDocumentUniqueIdError",
            "UNKNOWN_STORED_QUERY, ITI_18, XDSUnknownStoredQuery",
            "INVALID_QUERY_PARAMETER, ITI_18, XDSStoredQueryParamNumber",
            "TOO_MANY_RESULTS, ITI_18, XDSTooManyResults",
            "INTERNAL_ERROR, ITI_41, XDSRepositoryError",
            "INTERNAL_ERROR, ITI_43, XDSRepositoryError",
            "INTERNAL_ERROR, ITI_18, XDSRegistryError",
            "INTERNAL_ERROR, ITI_57, XDSRegistryError",
            "INTERNAL_ERROR, ITI_62, XDSRegistryError",
            "DMP_UNKNOWN, ITI_41, XDSUnknownPatientId",
            "DMP_UNKNOWN, ITI_18, XDSUnknownPatientId",
            "METADATA_UPDATE_ERROR, ITI_57, XDSMetadataUpdateError",
            "METADATA_UPDATE_OPERATION_ERROR, ITI_57, XDSMetadataUpdateOperationError",
            "METADATA_VERSION_ERROR, ITI_57, XDSMetadataVersionError",
            "METADATA_UPDATE_ERROR, ITI_62, XDSMetadataUpdateError",
            "METADATA_ERROR, ITI_62, XDSRegistryMetadataError",
    })
    void mapsEachCodeToTheIheCode(DmpErrorCode code, XdsTransaction tx, String iheCode) {
        assertEquals(iheCode, ErrorCode.getOpcode(XdsErrorMapper.errorCode(code, tx)));
    }

    /** DMP-specific refusals have no IHE code: their errorCode is the DMP code itself. */
    private static final java.util.Set<DmpErrorCode> DMP_SPECIFIC = java.util.EnumSet.of(
            DmpErrorCode.IDENTITY_MISSING, DmpErrorCode.IDENTITY_INVALID, DmpErrorCode.IDENTITY_UNTRUSTED,
            DmpErrorCode.ACCESS_PATIENT_MISMATCH, DmpErrorCode.DMP_CLOSED, DmpErrorCode.DMP_OPPOSED,
            DmpErrorCode.PS_BLOCKED, DmpErrorCode.PS_NOT_AUTHORIZED, DmpErrorCode.HABILITATION_DENIED,
            DmpErrorCode.BREAK_GLASS_JUSTIFICATION_MISSING, DmpErrorCode.BREAK_GLASS_DISABLED,
            DmpErrorCode.SAMU_ACCESS_DISABLED, DmpErrorCode.NOT_AUTHOR, DmpErrorCode.TRACE_ACCESS_DENIED);

    @ParameterizedTest
    @EnumSource(DmpErrorCode.class)
    void everyCodeHasAStandardCodeOrItsOwnNameInEveryTransaction(DmpErrorCode code) {
        for (XdsTransaction tx : XdsTransaction.values()) {
            ErrorCode mapped = XdsErrorMapper.errorCode(code, tx);
            assertNotNull(mapped);
            if (DMP_SPECIFIC.contains(code)) {
                assertEquals(ErrorCode._USER_DEFINED, mapped);
                assertEquals(code.name(), XdsErrorMapper.customErrorCode(code, tx));
                assertEquals(code.name(), XdsErrorMapper.toErrorInfo(new DmpError(code, "m", null), tx).getCustomErrorCode());
            } else {
                assertNotEquals(ErrorCode._USER_DEFINED, mapped);
                assertNull(XdsErrorMapper.customErrorCode(code, tx));
            }
        }
    }

    @Test
    void ipfsOwnErrorKeepsItsCodeContextAndLocation() {
        Response r = XdsErrorMapper.fromIpfError(new XdsRuntimeException(ErrorCode.METADATA_VERSION_ERROR,
                "previous version is missing in the SS-DE HasMember association", Severity.ERROR, "urn:uuid:a1"),
                XdsTransaction.ITI_57);

        assertEquals(Status.FAILURE, r.getStatus());
        assertEquals(1, r.getErrors().size());
        ErrorInfo info = r.getErrors().get(0);
        assertEquals(ErrorCode.METADATA_VERSION_ERROR, info.getErrorCode());
        assertEquals("previous version is missing in the SS-DE HasMember association", info.getCodeContext());
        assertEquals("urn:uuid:a1", info.getLocation());
        assertEquals(Severity.ERROR, info.getSeverity());
    }

    @Test
    void errorInfoCarriesTheDmpCodeMessageAndLocation() {
        ErrorInfo info = XdsErrorMapper.toErrorInfo(new DmpError(DmpErrorCode.PATIENT_ID_MISMATCH,
                "DocumentEntry.patientId: differs from the SubmissionSet's", "urn:uuid:doc"), XdsTransaction.ITI_41);

        assertEquals(ErrorCode.PATIENT_ID_DOES_NOT_MATCH, info.getErrorCode());
        assertEquals("PATIENT_ID_MISMATCH: DocumentEntry.patientId: differs from the SubmissionSet's",
                info.getCodeContext());
        assertEquals(Severity.ERROR, info.getSeverity());
        assertEquals("urn:uuid:doc", info.getLocation());
        assertNull(info.getCustomErrorCode());
    }

    @Test
    void responseIsAFailureWithOneErrorPerDmpError() {
        DmpException e = new DmpException(List.of(
                new DmpError(DmpErrorCode.NON_IDENTICAL_HASH, "DocumentEntry.hash: not the SHA-1", "urn:uuid:a"),
                new DmpError(DmpErrorCode.MISSING_DOCUMENT, "DocumentEntry urn:uuid:b: no content", "urn:uuid:b")));

        Response response = XdsErrorMapper.toXdsAnswer(e, XdsTransaction.ITI_41);

        assertEquals(Status.FAILURE, response.getStatus());
        assertEquals(List.of(ErrorCode.NON_IDENTICAL_HASH, ErrorCode.MISSING_DOCUMENT),
                response.getErrors().stream().map(ErrorInfo::getErrorCode).toList());
        assertEquals(List.of("urn:uuid:a", "urn:uuid:b"),
                response.getErrors().stream().map(ErrorInfo::getLocation).toList());
    }

    @Test
    void queryAndRetrieveFailuresHaveTheirResponseTypes() {
        DmpException e = new DmpException(DmpErrorCode.INTERNAL_ERROR, "internal error, reference 42");

        QueryResponse query = (QueryResponse) XdsErrorMapper.toXdsAnswer(e, XdsTransaction.ITI_18);
        assertEquals(Status.FAILURE, query.getStatus());
        assertEquals(ErrorCode.REGISTRY_ERROR, query.getErrors().get(0).getErrorCode());

        RetrievedDocumentSet retrieve = (RetrievedDocumentSet) XdsErrorMapper.toXdsAnswer(e, XdsTransaction.ITI_43);
        assertEquals(Status.FAILURE, retrieve.getStatus());
        assertEquals(ErrorCode.REPOSITORY_ERROR, retrieve.getErrors().get(0).getErrorCode());
        assertEquals("INTERNAL_ERROR: internal error, reference 42", retrieve.getErrors().get(0).getCodeContext());
    }

    @Test
    void answerHasTheResponseTypeOfTheTransaction() {
        DmpException e = new DmpException(DmpErrorCode.UNKNOWN_PATIENT, "unknown patient", "patientId");

        assertInstanceOf(QueryResponse.class, XdsErrorMapper.toXdsAnswer(e, XdsTransaction.ITI_18));
        assertInstanceOf(RetrievedDocumentSet.class, XdsErrorMapper.toXdsAnswer(e, XdsTransaction.ITI_43));
        for (XdsTransaction tx : List.of(XdsTransaction.ITI_41, XdsTransaction.ITI_57, XdsTransaction.ITI_62)) {
            Response r = XdsErrorMapper.toXdsAnswer(e, tx);
            assertEquals(Response.class, r.getClass());
            assertEquals(Status.FAILURE, r.getStatus());
            assertEquals(ErrorCode.UNKNOWN_PATIENT_ID, r.getErrors().get(0).getErrorCode());
        }
    }
}
