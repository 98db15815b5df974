package org.dmpgateway.core.account;

import org.dmpgateway.model.CodedValue;
import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.EntryStatus;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.account.AccountErrorCode;
import org.dmpgateway.model.account.AccountException;
import org.dmpgateway.model.account.DocumentCategory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The categories table of docs/patient-api.md ("Categories"): each row, the type codes that refine
 * the class code, the fallback, and the category a patient types.
 */
class DocumentCategoriesTest {
    static final String CLASS_SYSTEM = "1.2.250.1.213.1.1.4.1";
    static final String LOINC = "2.16.840.1.113883.6.1";

    static DocumentEntryRecord entry(String classCode, String typeCode) {
        return DocumentEntryRecord.builder().entryUuid("urn:uuid:1").uniqueId("1.2.3.4")
                .patientId(new PatientRef("279035121518989", "1.2.250.1.213.1.4.10"))
                .availabilityStatus(EntryStatus.APPROVED)
                .classCode(classCode == null ? null : new CodedValue(classCode, CLASS_SYSTEM, null))
                .typeCode(typeCode == null ? null : new CodedValue(typeCode, LOINC, null)).mimeType("text/plain")
                .build();
    }

    /** The table of docs/patient-api.md, row by row (class code of JDV_J57, type code when it decides). */
    @ParameterizedTest(name = "class {0}, type {1} -> {2}")
    @CsvSource(nullValues = "-", value = {
            "11, 34133-9, MA_SANTE_EN_RESUME",
            "42, 57833-6, ORDONNANCES_ET_SOINS",
            "43, 60593-1, ORDONNANCES_ET_SOINS",
            "44, -, ORDONNANCES_ET_SOINS",
            "45, -, ORDONNANCES_ET_SOINS",
            "31, 18748-4, IMAGERIE",
            "10, 11502-2, BIOLOGIE",
            "10, 11488-4, COMPTES_RENDUS",
            "10, 87273-9, PREVENTION",
            "10, 11369-6, PREVENTION",
            "52, -, CERTIFICATS",
            "60, -, ADMINISTRATIF",
            "95, -, ADMINISTRATIF",
            "90, -, AUTRES",
            "99, -, AUTRES",
            "-, -, AUTRES",
            "-, 11502-2, BIOLOGIE"})
    void eachDocumentIsFiledByItsClassRefinedByItsType(String classCode, String typeCode, DocumentCategory expected) {
        assertEquals(expected, DocumentCategories.of(entry(classCode, typeCode)));
    }

    @Test
    void everyCategoryOfTheSeedIsReachedAndLabelledInFrench() {
        assertEquals(9, DocumentCategory.values().length, "the seed's ten categories but the medical profile's");
        assertEquals("Radio, écho, scanner, IRM", DocumentCategory.IMAGERIE.label());
        assertEquals("Pièces administratives", DocumentCategory.ADMINISTRATIF.label());
        assertTrue(Arrays.stream(DocumentCategory.values()).allMatch(c -> !c.label().isBlank()));
    }

    @Test
    void theCategoryTypedByThePatientIsItsNameInAnyCase() {
        assertEquals(DocumentCategory.COMPTES_RENDUS, DocumentCategories.parse(" comptes_rendus "));
        assertNull(DocumentCategories.parse(null));
        assertNull(DocumentCategories.parse(" "));
        AccountException unknown = assertThrows(AccountException.class, () -> DocumentCategories.parse("RADIO"));
        assertEquals(AccountErrorCode.INVALID_FIELD, unknown.code());
        assertEquals("category", unknown.field());
        assertTrue(unknown.getMessage().startsWith("category : catégorie inconnue « RADIO »"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("MA_SANTE_EN_RESUME"), unknown.getMessage());
    }
}
