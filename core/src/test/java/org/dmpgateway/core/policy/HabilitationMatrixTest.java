package org.dmpgateway.core.policy;

import org.dmpgateway.model.CodedValue;
import org.dmpgateway.model.query.DocumentVisibility.TypeFilter;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The shipped matrix and the resolution rules (most specific row wins; no row: no access). */
class HabilitationMatrixTest {
    static final String G15 = "1.2.250.1.71.1.2.7";
    static final CodedValue MEDECIN = new CodedValue("10", G15, "Médecin");
    static final CodedValue DENTISTE = new CodedValue("40", G15, "Chirurgien-Dentiste");
    static final CodedValue KINE = new CodedValue("70", G15, "Masseur-Kinésithérapeute");
    static final CodedValue MEDECIN_ETUDIANT = new CodedValue("10", "1.2.250.1.71.1.2.8", "Médecin (en formation)");

    static HabilitationMatrix shipped() throws IOException {
        try (InputStream in = HabilitationMatrix.class.getResourceAsStream("/terminology/habilitation-matrix.csv")) {
            assertNotNull(in, "the matrix ships in mappings/");
            return HabilitationMatrix.read(in, "classpath:terminology/habilitation-matrix.csv");
        }
    }

    @Test
    void medecinsHandleEveryTypeButTheCertificateOfResidence() throws IOException {
        HabilitationMatrix m = shipped();
        assertTrue(m.allows(MEDECIN, "SM54", "11488-4"));
        assertTrue(m.allows(MEDECIN, null, "68599-0"));
        assertFalse(m.allows(MEDECIN, "SM54", "ATTEST-RESID"));
        assertEquals(new TypeFilter(true, List.of("ATTEST-RESID")), m.typeFilter(MEDECIN, "SM54"));
    }

    @Test
    void dentistsDoNotHandleTheFiveSourcedTypes() throws IOException {
        HabilitationMatrix m = shipped();
        for (String type : List.of("80788-3", "75496-0", "83981-1", "83901-9", "68599-0")) {
            assertFalse(m.allows(DENTISTE, null, type), type);
            assertTrue(m.decisive(DENTISTE, null, type).orElseThrow().source().startsWith("sourced"), type);
        }
        assertTrue(m.allows(DENTISTE, null, "11488-4"));
        TypeFilter filter = m.typeFilter(DENTISTE, null);
        assertTrue(filter.allowByDefault());
        assertTrue(filter.exceptions().containsAll(List.of("80788-3", "75496-0", "83981-1", "83901-9", "68599-0")));
        assertFalse(filter.allows("68599-0"));
        assertTrue(filter.allows("57833-6"));
    }

    @Test
    void aProfessionWithoutRowsOrFromAnotherCodeSystemHandlesNothing() throws IOException {
        HabilitationMatrix m = shipped();
        assertFalse(m.allows(KINE, null, "11488-4"));
        assertEquals(new TypeFilter(false, List.of()), m.typeFilter(KINE, null));
        assertFalse(m.allows(MEDECIN_ETUDIANT, null, "11488-4"), "TRE_G16 students are another code system");
    }

    @Test
    void theMostSpecificRowWins() throws IOException {
        HabilitationMatrix m = read("""
                # a comment
                1.2.250.1.71.1.2.7;10;*;*;deny;test
                1.2.250.1.71.1.2.7;10;SM42;*;allow;psychiatres
                1.2.250.1.71.1.2.7;10;SM42;11488-4;deny;test
                1.2.250.1.71.1.2.7;10;*;68599-0;allow;test
                """);
        assertFalse(m.allows(MEDECIN, "SM54", "11488-4"));
        assertTrue(m.allows(MEDECIN, "SM54", "68599-0"), "an exact type beats a specialty");
        assertTrue(m.allows(MEDECIN, "SM42", "34133-9"));
        assertFalse(m.allows(MEDECIN, "SM42", "11488-4"));
        assertEquals(new TypeFilter(true, List.of("11488-4")), m.typeFilter(MEDECIN, "SM42"));
        assertEquals(new TypeFilter(false, List.of("68599-0")), m.typeFilter(MEDECIN, "SM54"));
    }

    @Test
    void aMalformedLineNamesItsNumberAndRule() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> read("""
                1.2.250.1.71.1.2.7;10;*;*;allow;ok
                1.2.250.1.71.1.2.7;10;*;*;maybe;bad
                """));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("allow or deny"), e.getMessage());
        IllegalStateException few = assertThrows(IllegalStateException.class, () -> read("10;*;*\n"));
        assertTrue(few.getMessage().contains("line 1"), few.getMessage());
    }

    private static HabilitationMatrix read(String text) throws IOException {
        return HabilitationMatrix.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test");
    }
}
