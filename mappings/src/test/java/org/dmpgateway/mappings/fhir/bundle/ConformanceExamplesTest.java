package org.dmpgateway.mappings.fhir.bundle;

import org.dmpgateway.model.error.DmpError;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.AssociationKind;
import org.dmpgateway.model.AssociationRecord;
import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.Submission;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.dmpgateway.mappings.fhir.common.FhirFixtures.DUPONT;
import static org.dmpgateway.mappings.fhir.common.FhirFixtures.read;
import static org.dmpgateway.mappings.fhir.common.FhirFixtures.refusals;
import static org.dmpgateway.mappings.fhir.common.FhirFixtures.sha1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The published ITI-65 / ITI-105 examples (IHE MHD 4.2.3 and ANS PDSM4DMP), parsed with HAPI from
 * ../reference-examples (copies, with their source), and the corrected copies of the ANS ones in
 * src/test/resources/conformance-fixed (README there lists each change).
 */
class ConformanceExamplesTest {
    static final String MHD = "../reference-examples/ihe-mhd-4.2.3/example/";
    static final String ANS = "../reference-examples/ansforge-pdsm4dmp/input/examples/";
    static final String FIXED = "src/test/resources/conformance-fixed/";
    static final String EX_PATIENT = "DocumentReference.subject: Patient/ex-patient is not a DMP patient";

    private static List<String> bundleRefusals(String path) {
        Bundle b = read(Bundle.class, path);
        DmpException e = assertThrows(DmpException.class, () -> ProvideBundleMapper.toSubmission(b));
        e.errors().forEach(x -> assertTrue(x.message().startsWith("entry urn:uuid:") && x.location().startsWith("urn:uuid:"),
                "every refusal names its entry: " + x));
        return e.errors().stream().map(DmpError::message).toList();
    }

    private static void assertContainsAll(List<String> messages, String... fragments) {
        for (String f : fragments) {
            assertTrue(messages.stream().anyMatch(m -> m.contains(f)), "no refusal contains '" + f + "' in " + messages);
        }
    }

    // ------------------------------------------------------------------ IHE MHD 4.2.3: all refused

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "Bundle-ex-minimalProvideDocumentBundleSimple.json;DocumentReference.subject: the Patient urn:uuid:aaaaaaaa-bbbb-cccc-dddd-e00111100004 has no INS identifier|Patient: Patient with POST is not part of a Provide Document Bundle|DocumentReference.type: the typeCode is required|List.extension:designationType: the contentTypeCode is required",
            "Bundle-ex-minimalProvideDocumentBundleSimpleContained.json;DocumentReference.subject: the patient is missing|List.subject: the patient is missing|DocumentReference.author: at least one author is required",
            "Bundle-ex-comprehensiveProvideDocumentBundleSimple.json;" + EX_PATIENT,
            "Bundle-ex-comprehensiveProvideDocumentBundleMultiple.json;entry urn:uuid:aaaaaaaa-bbbb-cccc-dddd-e00444400002: " + EX_PATIENT + "|entry urn:uuid:aaaaaaaa-bbbb-cccc-dddd-e00444400005: " + EX_PATIENT,
            "Bundle-ex-comprehensiveProvideDocumentBundleComplete.json;" + EX_PATIENT + "|DocumentReference.relatesTo[0].target: DocumentReference/ex-DocumentReferenceComprehensive does not name a DMP document|DocumentReference.context.event: code system http://terminology.hl7.org/CodeSystem/v3-ActCode has no known OID",
            "Bundle-ex-unContainedComprehensiveProvideDocumentBundleComplete.json;" + EX_PATIENT + "|DocumentReference.author[0]: reference Organization/ex-organization is neither contained nor in the bundle",
            "Bundle-ex-comprehensiveProvideDocumentBundleReplace.json;" + EX_PATIENT + "|DocumentReference.relatesTo[0].target: DocumentReference/ex-documentreference does not name a DMP document|Bundle.entry.request.url: DocumentReference/ex-documentreference is not replaced by a DocumentReference of this bundle",
            "Bundle-ex-comprehensiveProvideDocumentBundleDocument.json;DocumentReference.subject: the Patient fdoc-patient has no INS identifier|Bundle: Bundle with POST is not part of a Provide Document Bundle|DocumentReference.content.attachment.url: urn:uuid:aaaaaaaa-bbbb-cccc-dddd-e00888800003 is not a Binary entry of the bundle",
            "Bundle-ex-ProvideDocumentBundle-addToFolder.json;" + EX_PATIENT + "|List.subject: Patient/ex-patient is not a DMP patient"})
    void mhdExamplesAreRefusedWithTheirReasons(String file, String expected) {
        assertContainsAll(bundleRefusals(MHD + file), expected.split("\\|"));
    }

    // ------------------------------------------------------------------ ANS PDSM4DMP originals: refused

    @Test
    void ansSubmissionIsRefusedForTheMissingSubmissionSetUniqueId() {
        // its SNOMED CT facility type and practice setting are the core's refusal (DmpValueSetRule), not the mapper's
        assertEquals(List.of(
                "entry urn:uuid:aaaaaaaa-0000-0000-0000-000000000001: List.identifier: the submission set's uniqueId is required "
                        + "(identifier use usual, urn:oid:<OID>)"),
                bundleRefusals(ANS + "Bundle-example-td2-iti65-lot-soumission.json"));
    }

    @Test
    void ansReplacementIsRefusedAlsoForItsNonUuidTarget() {
        List<String> messages = bundleRefusals(ANS + "Bundle-example-td2-1-remplacement.json");
        assertEquals(3, messages.size(), messages.toString());
        assertContainsAll(messages,
                "entry urn:uuid:bbbbbbbb-0000-0000-0000-000000000002: DocumentReference.relatesTo[0].target: DocumentReference/doc-x-id "
                        + "does not name a DMP document: expected DocumentReference/<entryUUID>",
                "entry urn:uuid:bbbbbbbb-0000-0000-0000-000000000004: Bundle.entry.request.url: DocumentReference/doc-x-id is not "
                        + "replaced by a DocumentReference of this bundle",
                "entry urn:uuid:bbbbbbbb-0000-0000-0000-000000000001: List.identifier: the submission set's uniqueId is required");
    }

    @Test
    void ansSimplifiedPublishLacksTheDmpMandatoryFields() {
        DocumentReference r = read(DocumentReference.class, ANS + "DocumentReference-example-td2-iti105-publication-simplifiee.json");
        assertEquals(List.of(
                "DocumentReference.category: the classCode is required (TRE_A03-ClasseDocument)",
                "DocumentReference.content.format: the formatCode is required",
                "DocumentReference.context.facilityType: the healthcareFacilityTypeCode is required (TRE_R02-SecteurActivite or TRE_A00)",
                "DocumentReference.context.practiceSetting: the practiceSettingCode is required (TRE_A01-CadreExercice or TRE_A00)",
                "DocumentReference.securityLabel: at least one confidentialityCode is required (v3-Confidentiality N, R, V or TRE_A07)",
                "DocumentReference.content.attachment.creation: the creationTime is required",
                "DocumentReference.content.attachment.language: the languageCode is required (XDS DocumentEntry.languageCode, BCP 47, e.g. fr-FR)"),
                refusals(() -> SimplifiedPublishMapper.toSubmission(r)));
    }

    // ------------------------------------------------------------------ corrected copies: accepted

    @Test
    void fixedSubmissionIsAccepted() throws Exception {
        Bundle request = read(Bundle.class, FIXED + "Bundle-example-td2-iti65-lot-soumission.json");
        Submission s = ProvideBundleMapper.toSubmission(request);
        assertEquals(DUPONT, s.submissionSet().patientId());
        assertEquals("1.2.250.1.213.1.4.8.99999.2.1", s.submissionSet().uniqueId());
        assertEquals("1.2.3.4.5.6.7.8", s.submissionSet().sourceId());
        assertEquals("20260612080000", s.submissionSet().submissionTime());
        assertEquals("SA01", s.submissionSet().contentTypeCode().code());
        assertEquals(1, s.documents().size());
        DocumentEntryRecord e = s.documents().get(0).entry();
        assertEquals("bundle:urn:uuid:aaaaaaaa-0000-0000-0000-000000000002", e.entryUuid());
        assertEquals("1.2.250.1.213.1.4.8.99999.2", e.uniqueId());
        assertEquals(DUPONT, e.patientId());
        assertEquals("10", e.classCode().code());
        assertEquals("11488-4", e.typeCode().code());
        assertEquals("1.2.250.1.71.4.2.4", e.healthcareFacilityTypeCode().codeSystem());
        assertEquals("ETABLISSEMENT", e.practiceSettingCode().code());
        assertEquals("20260612080000", e.creationTime());
        assertEquals("20260612080000", e.serviceStartTime());
        assertEquals("899700218896^^^^^^^^&1.2.250.1.71.4.2.1&ISO^^^^IDNPS", e.authors().get(0).person());
        assertEquals(e.authors().get(0).person(), e.legalAuthenticator());
        assertEquals("279035121518989^^^&1.2.250.1.213.1.4.10&ISO^NH", e.sourcePatientId());
        assertEquals(80, s.documents().get(0).content().knownLength());
        assertEquals(sha1(s.documents().get(0).content().readAllBytes()), e.hash());
        assertEquals(80L, e.size());
        assertEquals(List.of(AssociationKind.HAS_MEMBER), s.associations().stream().map(AssociationRecord::kind).toList());

        Bundle response = ProvideBundleResponseMapper.toResponse(request, ProvideBundleMapperTest.asStored(s));
        assertEquals(3, response.getEntry().size());
        assertTrue(response.getEntry().get(2).getResponse().getLocation()
                .equals(response.getEntry().get(1).getResponse().getLocation().replace("DocumentReference/", "Binary/")));
    }

    @Test
    void fixedMhdComprehensiveBundleIsAccepted() throws Exception {
        Submission s = ProvideBundleMapper.toSubmission(read(Bundle.class, FIXED + "Bundle-ex-comprehensiveProvideDocumentBundleSimple.json"));
        assertEquals(1, s.documents().size());
        DocumentEntryRecord e = s.documents().get(0).entry();
        assertEquals("1.2.840.113556.1.8000.2554.53432.348.2", e.uniqueId());
        assertEquals("60591-5", e.typeCode().code());
        assertEquals("0a4d55a8d778e5022fab701977c5d840bbc486d0", e.hash(), "the hex-in-base64 hash is read");
        assertEquals("810002345678^DURANT^Romuald^^^^^^&1.2.250.1.71.4.2.1&ISO^D^^^IDNPS", e.authors().get(0).person());
        assertEquals("Hello World", new String(s.documents().get(0).content().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void fixedReplacementIsAcceptedAsAnRplcAndItsPatchAddsNothing() throws Exception {
        Submission s = ProvideBundleMapper.toSubmission(read(Bundle.class, FIXED + "Bundle-example-td2-1-remplacement.json"));
        AssociationRecord rplc = s.associations().stream().filter(a -> a.kind() == AssociationKind.REPLACE).findFirst().orElseThrow();
        assertEquals("bundle:urn:uuid:bbbbbbbb-0000-0000-0000-000000000002", rplc.sourceUuid());
        assertEquals("urn:uuid:5b1f8a62-1c1e-4f57-9a3e-2d5c8e9b7a10", rplc.targetUuid());
        assertEquals(2, s.associations().size());
    }

    @Test
    void fixedSimplifiedPublishIsAccepted() throws Exception {
        DocumentReference r = read(DocumentReference.class, FIXED + "DocumentReference-example-td2-iti105-publication-simplifiee.json");
        Submission s = SimplifiedPublishMapper.toSubmission(r);
        assertEquals("example-td2-iti105-publication-simplifiee", s.documents().get(0).entry().entryUuid());
        assertEquals(80, s.documents().get(0).content().knownLength());
        assertEquals("SA01", s.submissionSet().contentTypeCode().code());
        assertEquals(DUPONT, s.documents().get(0).entry().patientId());
    }
}
