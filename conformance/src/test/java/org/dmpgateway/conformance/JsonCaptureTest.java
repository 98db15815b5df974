package org.dmpgateway.conformance;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSON captures of the patient-side scenarios (samples/FORMAT.md, "capture"). */
class JsonCaptureTest {

    @Test
    void aPointerOptionallyFollowedByARegularExpression() {
        assertEquals("j-123", JsonCapture.capture("{\"journey\":\"j-123\",\"step\":\"CODE_VERIFIED\"}", "/journey"));
        assertEquals("0f8f", JsonCapture.capture("[{\"id\":\"0f8f\"},{\"id\":\"other\"}]", "/0/id"));
        String outbox = "[{\"kind\":\"PROVISIONAL_CODE\",\"body\":\"Bonjour,\\n\\nVotre code provisoire à 12 caractères : "
                + "AbCd2345EfGh (valable jusqu'au 01/03/2027)\"}]";
        assertEquals("AbCd2345EfGh", JsonCapture.capture(outbox, "/0/body ~ code provisoire à 12 caractères : (\\S{12})"));
    }

    @Test
    void nothingThereCapturesNothing() {
        assertEquals("", JsonCapture.capture("[]", "/0/body ~ (\\d{6})"));
        assertEquals("", JsonCapture.capture("{\"body\":\"pas de code\"}", "/body ~ (\\d{6})"));
        assertEquals("", JsonCapture.capture("{\"a\":{\"b\":1}}", "/a"), "an object is no value");
        assertEquals("", JsonCapture.capture("<html/>", "/a"), "not JSON");
    }

    @Test
    void soapPathsKeepXPath() {
        assertFalse(JsonCapture.appliesTo("/services/iti18"));
        assertFalse(JsonCapture.appliesTo("/si-dmp-server/v2/services/patients"));
        assertTrue(JsonCapture.appliesTo("/patient/activation"));
        assertTrue(JsonCapture.appliesTo("/admin/patients/x/y/outbox"));
    }
}
