package org.dmpgateway.core.metadata;

import org.dmpgateway.model.error.DmpError;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.CodedValue;
import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.EntryStatus;
import org.dmpgateway.model.PatientRef;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DmpValueSetRuleTest {
    static final DmpValueSetRule RULE = DmpValueSetRule.shipped();

    static DocumentEntryRecord entry(CodedValue classCode, CodedValue type, CodedValue format, CodedValue facility,
                                     CodedValue practice, List<CodedValue> confidentiality) {
        return DocumentEntryRecord.builder().entryUuid("urn:uuid:1").uniqueId("1.2.3.4")
                .patientId(new PatientRef("279035121518989", "1.2.250.1.213.1.4.10")).availabilityStatus(EntryStatus.APPROVED)
                .classCode(classCode).typeCode(type).formatCode(format).healthcareFacilityTypeCode(facility)
                .practiceSettingCode(practice).confidentialityCodes(confidentiality).languageCode("fr-FR")
                .mimeType("text/plain").build();
    }

    static DocumentEntryRecord report() {
        return entry(new CodedValue("10", "1.2.250.1.213.1.1.4.1", "Compte rendu"),
                new CodedValue("11488-4", "2.16.840.1.113883.6.1", "CR de consultation"),
                new CodedValue("urn:ihe:iti:xds-sd:pdf:2008", "1.3.6.1.4.1.19376.1.2.3", "PDF"),
                new CodedValue("SA07", "1.2.250.1.71.4.2.4", "Cabinet individuel"),
                new CodedValue("AMBULATOIRE", "1.2.250.1.213.1.1.4.9", "Ambulatoire"),
                List.of(new CodedValue("N", "2.16.840.1.113883.5.25", "Normal"),
                        new CodedValue("MASQUE_PS", "1.2.250.1.213.1.1.4.13", null)));
    }

    @Test
    void theShippedValueSetsAreLoaded() {
        Map<String, Integer> sizes = RULE.sizes();
        assertEquals(List.of("JDV_J57-ClassCode-DMP", "JDV_J66-TypeCode-DMP", "JDV_J60-FormatCode-DMP",
                "JDV_J61-HealthcareFacilityTypeCode-DMP", "JDV_J62-PracticeSettingCode-DMP",
                "JDV_J58-ConfidentialityCode-DMP"), List.copyOf(sizes.keySet()));
        assertEquals(12, sizes.get("JDV_J57-ClassCode-DMP"));
        assertEquals(6, sizes.get("JDV_J58-ConfidentialityCode-DMP"));
        assertEquals(62, sizes.get("JDV_J60-FormatCode-DMP"));
        assertEquals(68, sizes.get("JDV_J61-HealthcareFacilityTypeCode-DMP"));
    }

    @Test
    void aDmpDocumentAndTheOfficialSignatureCodesPass() {
        assertEquals(List.of(), RULE.problems(report()));
        // the official TD2.1 signature: class and format of TRE_A10 (URN), type of TRE_A12 (ASTM)
        assertEquals(List.of(), RULE.problems(entry(new CodedValue("urn:oid:1.3.6.1.4.1.19376.1.2.1.1.1", "URN", null),
                new CodedValue("E1762", "ASTM", null), new CodedValue("http://www.w3.org/2000/09/xmldsig#", "URN", null),
                new CodedValue("SA01", "1.2.250.1.71.4.2.4", null), new CodedValue("ETABLISSEMENT", "1.2.250.1.213.1.1.4.9", null),
                List.of(new CodedValue("N", "2.16.840.1.113883.5.25", null)))));
    }

    @Test
    void everyValueOutsideItsValueSetIsReportedNamingFieldCodeSystemAndValueSet() {
        DocumentEntryRecord e = entry(new CodedValue("Education", "1.3.6.1.4.1.21367.100.1", null),
                new CodedValue("X", "2.16.840.1.113883.6.96", null),
                new CodedValue("urn:ihe:iti:xds:2017:mimeTypeSufficient", "1.3.6.1.4.1.19376.1.2.3", null),
                new CodedValue("22232009", "2.16.840.1.113883.6.96", "Hospital"),
                new CodedValue("Practice-C", "1.3.6.1.4.1.21367.2017.3", null),
                List.of(new CodedValue("HTEST", "2.16.840.1.113883.5.8", null)));
        DmpException refused = assertThrows(DmpException.class, () -> RULE.require(List.of(report(), e)));
        List<DmpError> errors = refused.errors();
        assertEquals(6, errors.size(), errors.toString());
        errors.forEach(x -> assertEquals(DmpErrorCode.METADATA_ERROR, x.code()));
        errors.forEach(x -> assertEquals("urn:uuid:1", x.location()));
        assertEquals("DocumentEntry.healthcareFacilityTypeCode (FHIR DocumentReference.context.facilityType) of document "
                + "1.2.3.4: code '22232009' of code system 2.16.840.1.113883.6.96 (SNOMED CT) is not in the DMP value set "
                + "JDV_J61-HealthcareFacilityTypeCode-DMP (allowed code systems: 1.2.250.1.213.1.1.4.6 "
                + "(TRE_A00-ProducteurDocNonPS), 1.2.250.1.71.4.2.4 (TRE_R02-SecteurActivite))", errors.get(3).message());
        assertTrue(errors.get(0).message().startsWith("DocumentEntry.classCode (FHIR DocumentReference.category)"));
        assertTrue(errors.get(1).message().contains("JDV_J66-TypeCode-DMP"), errors.get(1).message());
        assertTrue(errors.get(2).message().contains("'urn:ihe:iti:xds:2017:mimeTypeSufficient'"), errors.get(2).message());
        assertTrue(errors.get(4).message().contains("JDV_J62-PracticeSettingCode-DMP"), errors.get(4).message());
        assertTrue(errors.get(5).message().startsWith("DocumentEntry.confidentialityCode (FHIR DocumentReference.securityLabel)"));
    }

    @Test
    void aStarAcceptsEveryCodeOfItsSystem() {
        DocumentEntryRecord anyLoinc = entry(null, new CodedValue("27899-4", "2.16.840.1.113883.6.1", null), null, null,
                null, List.of());
        assertEquals(List.of(), RULE.problems(anyLoinc), "J66 is checked by code system (its expansion is not published)");
    }

    @Test
    void aMalformedOrEmptyFileStopsTheStartNamingItsLine() {
        IllegalStateException bad = assertThrows(IllegalStateException.class, () -> DmpValueSetRule.read("X",
                in("# comment\n1.2.3;A;a\n1.2.3\n"), "x.csv"));
        assertEquals("x.csv line 3: expected codingScheme;code;displayName", bad.getMessage());
        IllegalStateException empty = assertThrows(IllegalStateException.class, () -> DmpValueSetRule.read("X",
                in("# nothing\n"), "y.csv"));
        assertEquals("y.csv lists no code", empty.getMessage());
    }

    static ByteArrayInputStream in(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
