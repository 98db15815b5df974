package org.dmpgateway.mappings.fhir.common;

import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FhirCodeSystemsTest {

    @ParameterizedTest
    @CsvSource({
            "2.16.840.1.113883.6.1, http://loinc.org",
            "2.16.840.1.113883.5.25, http://terminology.hl7.org/CodeSystem/v3-Confidentiality",
            "1.2.250.1.213.1.1.4.13, https://mos.esante.gouv.fr/NOS/TRE_A07-StatutVisibiliteDocument/FHIR/TRE-A07-StatutVisibiliteDocument",
            "1.2.250.1.213.1.1.4.1, https://mos.esante.gouv.fr/NOS/TRE_A03-ClasseDocument/FHIR/TRE-A03-ClasseDocument",
            "1.2.250.1.213.1.1.4.12, https://mos.esante.gouv.fr/NOS/TRE_A05-TypeDocComplementaire/FHIR/TRE-A05-TypeDocComplementaire",
            "1.3.6.1.4.1.19376.1.2.3, http://ihe.net/fhir/ihe.formatcode.fhir/CodeSystem/formatcode",
            "1.2.250.1.71.4.2.4, https://mos.esante.gouv.fr/NOS/TRE_R02-SecteurActivite/FHIR/TRE-R02-SecteurActivite",
            "1.2.250.1.213.1.1.4.9, https://mos.esante.gouv.fr/NOS/TRE_A01-CadreExercice/FHIR/TRE-A01-CadreExercice",
            "2.16.840.1.113883.6.96, http://snomed.info/sct"})
    void knownPairsGoBothWays(String oid, String uri) {
        assertEquals(uri, FhirCodeSystems.toUri(oid));
        assertEquals(oid, FhirCodeSystems.toOid(uri));
    }

    @Test
    void unknownOidTravelsAsUrnOid() {
        assertEquals("urn:oid:1.2.250.1.213.2.5", FhirCodeSystems.toUri("1.2.250.1.213.2.5"));
        assertEquals("1.2.250.1.213.2.5", FhirCodeSystems.toOid("urn:oid:1.2.250.1.213.2.5"));
    }

    @Test
    void anAliasReadsToTheSameOidButIsNeverWritten() {
        assertEquals("1.3.6.1.4.1.19376.1.2.3",
                FhirCodeSystems.toOid("https://mos.esante.gouv.fr/NOS/TRE_A11-IheFormatCode/FHIR/TRE-A11-IheFormatCode"));
        assertEquals("http://ihe.net/fhir/ihe.formatcode.fhir/CodeSystem/formatcode",
                FhirCodeSystems.toUri("1.3.6.1.4.1.19376.1.2.3"));
    }

    @Test
    void anUnknownHttpSystemIsRefusedByName() {
        // the misspelled TRE_A07 URI of the PDSm example DR_comprehensive
        String misspelled = "https://mos.esante.gouv.fr/NOS/TRE_A07-StatusVisibiliteDocument/FHIR/TRE-A07-StatusVisibiliteDocument";
        DmpException e = assertThrows(DmpException.class, () -> FhirCodeSystems.toOid(misspelled));
        assertEquals(DmpErrorCode.METADATA_ERROR, e.code());
        assertTrue(e.errors().get(0).message().contains("code system " + misspelled + " has no known OID"),
                e.errors().get(0).message());
        assertThrows(DmpException.class, () -> FhirCodeSystems.toOid("urn:oid:not-an-oid"));
        assertThrows(DmpException.class, () -> FhirCodeSystems.toOid(null));
    }

    @Test
    void mimeTypesAndLanguagesAreNotCodeSystems() {
        assertTrue(FhirCodeSystems.all().values().stream().noneMatch(u -> u.contains("bcp") || u.contains("mimetypes")));
    }

    @ParameterizedTest
    @CsvSource({"URN", "ASTM"})
    void aNamedCodingSchemeOfTheOfficialSignatureTravelsAsAValidUriBothWays(String scheme) {
        String uri = FhirCodeSystems.toUri(scheme);
        assertEquals("urn:dmp-gateway:coding-scheme:" + scheme, uri);
        assertTrue(FhirCodeSystems.isKnown(uri));
        assertEquals(scheme, FhirCodeSystems.toOid(uri));
    }
}
