package org.dmpgateway.core.patient;

import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.PatientRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.*;

class InsValidatorTest {
    private static final String TEST_OID = "1.2.250.1.213.1.4.10";

    @ParameterizedTest
    @CsvSource({"279035121518989", "146026322000196", "124018852493334", "186022A12345633", "285099912345621"})
    void validInsPass(String ins) {
        assertDoesNotThrow(() -> InsValidator.check(new PatientRef(ins, TEST_OID)));
    }

    @ParameterizedTest
    @CsvSource({
            "123456789012345, 'INS key is 45, expected 11'",
            "27903512151898, 'has 15 characters, this one has 14'",
            "2790351215189899, 'has 15 characters, this one has 16'",
            "27903512151898X, 'is 15 digits'",
            "186022C12345633, 'is 15 digits'"})
    void malformedInsAreRefusedNamingTheRule(String ins, String rule) {
        DmpException e = assertThrows(DmpException.class, () -> InsValidator.check(new PatientRef(ins, TEST_OID)));
        assertEquals(DmpErrorCode.INVALID_INS, e.code());
        assertTrue(e.getMessage().contains(rule), e.getMessage());
    }

    @Test
    void corsicanDepartmentsCountAs19And18() {
        assertEquals(33, InsValidator.expectedKey("186022A123456"));
        int key2b = InsValidator.expectedKey("186022B123456");
        assertEquals(97 - (int) (1860218123456L % 97), key2b);
    }

    @Test
    void onlyInsAuthoritiesAreAccepted() {
        DmpException e = assertThrows(DmpException.class, () -> InsValidator.check(new PatientRef("279035121518989", "1.2.3.4")));
        assertTrue(e.getMessage().contains("not an INS authority"), e.getMessage());
    }
}
