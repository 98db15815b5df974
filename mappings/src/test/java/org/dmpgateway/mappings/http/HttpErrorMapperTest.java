package org.dmpgateway.mappings.http;

import org.dmpgateway.model.error.DmpErrorCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpErrorMapperTest {

    @ParameterizedTest
    @CsvSource({"IDENTITY_MISSING, 401", "IDENTITY_INVALID, 401", "IDENTITY_UNTRUSTED, 401", "DMP_CLOSED, 410",
            "DMP_OPPOSED, 410", "PS_BLOCKED, 403", "PS_NOT_AUTHORIZED, 403", "HABILITATION_DENIED, 403",
            "NOT_AUTHOR, 403", "TRACE_ACCESS_DENIED, 403", "UNKNOWN_PATIENT, 404", "DMP_UNKNOWN, 404", "UNKNOWN_DOCUMENT, 404",
            "INVALID_INS, 400", "ACCESS_PATIENT_MISMATCH, 400", "METADATA_ERROR, 400",
            "DUPLICATE_UNIQUE_ID, 409", "METADATA_VERSION_ERROR, 409", "METADATA_UPDATE_ERROR, 422", "METADATA_UPDATE_OPERATION_ERROR, 422",
            "INTERNAL_ERROR, 500"})
    void mapsTheCodes(DmpErrorCode code, int status) {
        assertEquals(status, HttpErrorMapper.status(code));
    }

    @ParameterizedTest
    @EnumSource(DmpErrorCode.class)
    void everyCodeHasAnErrorStatus(DmpErrorCode code) {
        int status = HttpErrorMapper.status(code);
        assertTrue(status >= 400 && status < 600, code + " -> " + status);
    }
}
