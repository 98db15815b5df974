package org.dmpgateway.mappings;

import org.dmpgateway.model.error.DmpError;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.IdentityField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.*;

class IdentityWordsTest {
    static final DmpError NO_REASON = new DmpError(DmpErrorCode.BREAK_GLASS_JUSTIFICATION_MISSING,
            "access mode bris_de_glace needs a justification", IdentityField.ACCESS_REASON.location());

    @Test
    void theSoapCallerReadsTheVihfAttribute() {
        DmpError e = IdentityWords.VIHF.render(NO_REASON);
        assertEquals("Mode_Acces_Raison", e.location());
        assertEquals("access mode bris_de_glace needs a justification (VIHF attribute Mode_Acces_Raison)", e.message());
        assertEquals(NO_REASON.code(), e.code());
    }

    @Test
    void theFhirCallerReadsTheTokenClaimAndNeverTheVihfName() {
        DmpError e = IdentityWords.TOKEN.render(NO_REASON);
        assertEquals("access_reason", e.location());
        assertEquals("access mode bris_de_glace needs a justification (token claim access_reason)", e.message());
        assertFalse(e.message().contains("VIHF"), e.message());
    }

    @ParameterizedTest
    @EnumSource(IdentityWords.class)
    void everyProtocolNamesEveryField(IdentityWords words) {
        for (IdentityField field : IdentityField.values()) {
            assertNotNull(words.name(field), words + " " + field);
            assertEquals(field, IdentityField.ofLocation(field.location()));
        }
    }

    @Test
    void aMissingAuthorisationSaysWhereToDeclareIt() {
        DmpError e = IdentityWords.TOKEN.render(new DmpError(DmpErrorCode.PS_NOT_AUTHORIZED,
                "professional 123 has no authorisation from the patient", null));
        assertEquals("professional 123 has no authorisation from the patient (declaration: PUT /dmp/authorization)",
                e.message());
        assertNull(e.location());
    }

    @Test
    void anyOtherErrorIsLeftAsItIs() {
        DmpError other = new DmpError(DmpErrorCode.UNKNOWN_PATIENT, "unknown patient", "patientId");
        assertSame(other, IdentityWords.VIHF.render(other));
        assertNull(IdentityField.ofLocation("patientId"));
        assertNull(IdentityField.ofLocation("identity:NOPE"));
    }
}
