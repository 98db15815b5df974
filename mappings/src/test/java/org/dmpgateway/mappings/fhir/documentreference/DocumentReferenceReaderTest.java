package org.dmpgateway.mappings.fhir.documentreference;

import org.dmpgateway.mappings.fhir.common.FhirAuthors;
import org.dmpgateway.mappings.fhir.patient.PatientIds;
import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.EntryStatus;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.HexFormat;

import static org.dmpgateway.mappings.fhir.common.FhirFixtures.CABINET;
import static org.dmpgateway.mappings.fhir.common.FhirFixtures.DURANT;
import static org.dmpgateway.mappings.fhir.common.FhirFixtures.JSON;
import static org.dmpgateway.mappings.fhir.common.FhirFixtures.asReadBack;
import static org.dmpgateway.mappings.fhir.common.FhirFixtures.entry;
import static org.dmpgateway.mappings.fhir.common.FhirFixtures.minimalDocumentReference;
import static org.dmpgateway.mappings.fhir.common.FhirFixtures.refusals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link DocumentReferenceReader}: a DocumentReference to the entry it describes, every problem named. */
class DocumentReferenceReaderTest {
    private static final String BASE = "https://dmp.example.org/fhir/";

    @ParameterizedTest
    @EnumSource(value = EntryStatus.class, names = {"APPROVED", "ARCHIVED", "DEPRECATED", "DELETED"})
    void roundTripGivesTheMetadataBack(EntryStatus status) {
        DocumentEntryRecord e = entry(status);
        DocumentReference r = DocumentReferenceWriter.toResource(e, BASE);
        assertEquals(asReadBack(e), DocumentReferenceReader.toEntry(r, null));
        // and through JSON, as a client would see and send it back
        DocumentReference parsed = JSON.parseResource(DocumentReference.class, JSON.encodeResourceToString(r));
        assertEquals(asReadBack(e), DocumentReferenceReader.toEntry(parsed, null));
    }

    @Test
    void aPlainRppsPractitionerGivesTheDmpXcn() {
        DocumentReference r = minimalDocumentReference();
        Practitioner p = new Practitioner();
        p.setId("ps");
        p.addIdentifier().setSystem("urn:oid:1.2.250.1.71.4.2.1").setValue("810002345678");
        p.addName().setFamily("DURANT").addGiven("Romuald");
        r.addContained(p);
        r.getAuthor().clear();
        r.addAuthor(new Reference("#ps"));
        DocumentEntryRecord e = DocumentReferenceReader.toEntry(r, null);
        assertEquals(DURANT, e.authors().get(0).person());
        Organization o = new Organization();
        o.setName("CABINET MEDICAL DR DURANT");
        o.addIdentifier().setSystem("urn:oid:1.2.250.1.71.4.2.2").setValue("401234567890009");
        assertEquals(CABINET, FhirAuthors.xon(o));
    }

    @Test
    void everyMissingMandatoryFieldIsNamed() {
        DocumentReference r = new DocumentReference();
        r.addContent().getAttachment().setTitle("x");
        assertEquals(List.of(
                "DocumentReference.subject: the patient is missing; expected " + PatientIds.ACCEPTED,
                "DocumentReference.masterIdentifier: the document's uniqueId is required",
                "DocumentReference.type: the typeCode is required (LOINC or TRE_A05)",
                "DocumentReference.category: the classCode is required (TRE_A03-ClasseDocument)",
                "DocumentReference.content.format: the formatCode is required",
                "DocumentReference.context.facilityType: the healthcareFacilityTypeCode is required (TRE_R02-SecteurActivite or TRE_A00)",
                "DocumentReference.context.practiceSetting: the practiceSettingCode is required (TRE_A01-CadreExercice or TRE_A00)",
                "DocumentReference.securityLabel: at least one confidentialityCode is required (v3-Confidentiality N, R, V or TRE_A07)",
                "DocumentReference.content.attachment.creation: the creationTime is required",
                "DocumentReference.author: at least one author is required",
                "DocumentReference.content.attachment.contentType: the MIME type is required",
                "DocumentReference.content.attachment.language: the languageCode is required (XDS DocumentEntry.languageCode, BCP 47, e.g. fr-FR)"),
                refusals(() -> DocumentReferenceReader.toEntry(r, null)));
    }

    @Test
    void aCodeSystemWithoutOidIsRefusedAndValueSetsAreLeftToTheCore() {
        DocumentReference r = minimalDocumentReference();
        // SNOMED CT is read (its OID is known); the DMP value set JDV_J61 refuses it in the core, for every protocol
        r.getContext().setFacilityType(new CodeableConcept().addCoding(new Coding("http://snomed.info/sct", "22232009", "Hospital")));
        r.getSecurityLabel().clear();
        r.addSecurityLabel(new CodeableConcept().addCoding(new Coding(
                "https://mos.esante.gouv.fr/NOS/TRE_A07-StatusVisibiliteDocument/FHIR/TRE-A07-StatusVisibiliteDocument", "N", null)));
        assertEquals(List.of(
                "DocumentReference.securityLabel: code system https://mos.esante.gouv.fr/NOS/TRE_A07-StatusVisibiliteDocument/FHIR/"
                        + "TRE-A07-StatusVisibiliteDocument has no known OID; XDS needs an OID (write it as urn:oid:<oid>)"),
                refusals(() -> DocumentReferenceReader.toEntry(r, null)));
    }

    @Test
    void theFirstCodingIsTakenAndTranslationsMayFollowIt() {
        DocumentReference r = minimalDocumentReference();
        r.getContext().getFacilityType().addCoding(new Coding("http://snomed.info/sct", "22232009", "Hospital"));
        assertEquals("SA07", DocumentReferenceReader.toEntry(r, null).healthcareFacilityTypeCode().code());
        r.getContext().getFacilityType().getCoding().add(0, r.getContext().getFacilityType().getCoding().remove(1));
        assertEquals("2.16.840.1.113883.6.96", DocumentReferenceReader.toEntry(r, null).healthcareFacilityTypeCode().codeSystem());
    }

    @Test
    void theHashIsTheBase64OfTheSha1BytesOrOfItsHexString() {
        DocumentReference r = minimalDocumentReference();
        r.getContentFirstRep().getAttachment().setHash(HexFormat.of().parseHex("0a4d55a8d778e5022fab701977c5d840bbc486d0"));
        assertEquals("0a4d55a8d778e5022fab701977c5d840bbc486d0", DocumentReferenceReader.toEntry(r, null).hash());
        r.getContentFirstRep().getAttachment().setHash("0A4D55A8D778E5022FAB701977C5D840BBC486D0".getBytes());
        assertEquals("0a4d55a8d778e5022fab701977c5d840bbc486d0", DocumentReferenceReader.toEntry(r, null).hash(),
                "the IHE examples' form: the base64 of the hex string");
        r.getContentFirstRep().getAttachment().setHash(new byte[]{1, 2, 3});
        assertEquals(List.of("DocumentReference.content.attachment.hash: a SHA-1 has 20 bytes, this one decodes to 3"),
                refusals(() -> DocumentReferenceReader.toEntry(r, null)));
    }
}
