package org.dmpgateway.server;

import ca.uhn.fhir.context.FhirContext;
import org.apache.camel.ProducerTemplate;
import org.dmpgateway.server.support.TestRecord;
import org.dmpgateway.server.support.FhirAnswerValidator;
import org.dmpgateway.server.support.FhirClient;
import org.dmpgateway.server.support.FhirToken;
import org.dmpgateway.server.support.Vihf;
import org.dmpgateway.server.support.XdsClient;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AvailabilityStatus;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssigningAuthority;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Identifiable;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.FindDocumentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.responses.QueryResponse;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The published ITI-65 and ITI-105 examples sent as they are (the file's bytes, raw HTTP POST with a
 * bearer token) to the running server: IHE MHD 4.2.3 (../reference-examples/ihe-mhd-4.2.3/example)
 * and ANS PDSM4DMP (../reference-examples/ansforge-pdsm4dmp/input/examples). Each is refused with
 * its precise reason (status, gateway code, message fragments) and nothing is stored; the corrected
 * copies of the ANS examples (mappings/src/test/resources/conformance-fixed, README there) are
 * accepted, with two rewrites at run time: the patient INS 279035121518989 (a seeded record) becomes
 * this test's own fresh record, and the replacement's target id becomes the id the server gave the
 * document submitted just before. docs/fhir-conformance.md has one row per file.
 */
@SpringBootTest(classes = DmpGatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:fhir-conformance-e2e;DB_CLOSE_DELAY=-1")
@DirtiesContext
class FhirConformanceExamplesTest {
    static final Path MHD = Path.of("../reference-examples/ihe-mhd-4.2.3/example/");
    static final Path ANS = Path.of("../reference-examples/ansforge-pdsm4dmp/input/examples/");
    static final Path FIXED = Path.of("../mappings/src/test/resources/conformance-fixed/");
    static final String FIXED_INS = "279035121518989";
    static final String FIXED_REPLACED_ID = "5b1f8a62-1c1e-4f57-9a3e-2d5c8e9b7a10";
    static final String EX_PATIENT = "DocumentReference.subject: Patient/ex-patient is not a DMP patient";

    @LocalServerPort
    int port;
    @Autowired
    ProducerTemplate producer;

    String ins;

    @BeforeEach
    void newRecord() {
        ins = TestRecord.create(port).ins();
    }

    HttpResponse<String> post(String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(FhirClient.base(port) + path))
                .header("Authorization", "Bearer " + FhirToken.of(Vihf.doctor(ins)))
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        try {
            return FhirAnswerValidator.assertValid(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file.toAbsolutePath(), e);
        }
    }

    /** The answer is {@code status} with an OperationOutcome of gateway code {@code code} whose diagnostics contain every fragment. */
    static void assertRefused(HttpResponse<String> answer, int status, String code, String... fragments) {
        assertEquals(status, answer.statusCode(), answer.body());
        OperationOutcome oo = FhirContext.forR4Cached().newJsonParser().parseResource(OperationOutcome.class, answer.body());
        List<String> messages = oo.getIssue().stream().map(OperationOutcome.OperationOutcomeIssueComponent::getDiagnostics).toList();
        assertTrue(oo.getIssue().stream().anyMatch(i -> code.equals(i.getDetails().getCodingFirstRep().getCode())),
                () -> "no issue " + code + " in " + answer.body());
        for (String f : fragments) {
            assertTrue(messages.stream().anyMatch(m -> m.contains(f)), () -> "no issue contains '" + f + "' in " + messages);
        }
    }

    List<DocumentEntry> stored() {
        FindDocumentsQuery q = new FindDocumentsQuery();
        q.setPatientId(new Identifiable(ins, new AssigningAuthority("1.2.250.1.213.1.4.10")));
        q.setStatus(List.of(AvailabilityStatus.APPROVED, AvailabilityStatus.DEPRECATED));
        QueryResponse r = new XdsClient(producer, port).as(Vihf.doctor(ins)).query(q);
        assertEquals(org.openehealth.ipf.commons.ihe.xds.core.responses.Status.SUCCESS, r.getStatus(),
                () -> "FindDocuments: " + r.getErrors());
        return r.getDocumentEntries();
    }

    // ------------------------------------------------------------------ IHE MHD 4.2.3, as published

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
    void mhdRequestBundlesAreRefusedWithTheirReasons(String file, String expected) {
        assertRefused(post("", read(MHD.resolve(file))), 400, "METADATA_ERROR", expected.split("\\|"));
        assertTrue(stored().isEmpty(), "nothing stored");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"Bundle-ex-response-comprehensiveProvideDocumentBundleComplete.json",
            "Bundle-ex-response-comprehensiveProvideDocumentBundleMultiple.json",
            "Bundle-ex-response-comprehensiveProvideDocumentBundleSimple.json",
            "Bundle-ex-response-minimalProvideDocumentBundleSimple.json",
            "Bundle-ex-response-minimalProvideDocumentBundleSimpleContained.json",
            "Bundle-ex-response-unContainedComprehensiveProvideDocumentBundleCompt.json"})
    void mhdResponseBundlesSentAsRequestsAreRefusedNamingBundleType(String file) {
        assertRefused(post("", read(MHD.resolve(file))), 400, "METADATA_ERROR",
                "Bundle.type: a Provide Document Bundle (ITI-65) is a transaction, got transaction-response");
    }

    // ------------------------------------------------------------------ ANS PDSM4DMP, as published

    @Test
    void ansSubmissionIsRefusedForTheMissingSubmissionSetUniqueId() {
        // its SNOMED CT codes would be refused next, by the core's value sets (DmpValueSetEndToEndTest)
        assertRefused(post("", read(ANS.resolve("Bundle-example-td2-iti65-lot-soumission.json"))), 400, "METADATA_ERROR",
                "List.identifier: the submission set's uniqueId is required");
        assertTrue(stored().isEmpty());
    }

    @Test
    void ansReplacementIsRefusedAlsoForItsNonUuidTarget() {
        assertRefused(post("", read(ANS.resolve("Bundle-example-td2-1-remplacement.json"))), 400, "METADATA_ERROR",
                "DocumentReference.relatesTo[0].target: DocumentReference/doc-x-id does not name a DMP document",
                "Bundle.entry.request.url: DocumentReference/doc-x-id is not replaced by a DocumentReference of this bundle",
                "List.identifier: the submission set's uniqueId is required");
    }

    @Test
    void ansSimplifiedPublishIsRefusedForTheDmpMandatoryFields() {
        assertRefused(post("/DocumentReference", read(ANS.resolve("DocumentReference-example-td2-iti105-publication-simplifiee.json"))),
                400, "METADATA_ERROR",
                "DocumentReference.category: the classCode is required",
                "DocumentReference.content.format: the formatCode is required",
                "DocumentReference.context.facilityType: the healthcareFacilityTypeCode is required",
                "DocumentReference.context.practiceSetting: the practiceSettingCode is required",
                "DocumentReference.securityLabel: at least one confidentialityCode is required",
                "DocumentReference.content.attachment.creation: the creationTime is required",
                "DocumentReference.content.attachment.language: the languageCode is required");
        assertTrue(stored().isEmpty());
    }

    // ------------------------------------------------------------------ corrected copies: accepted

    @Test
    void fixedSubmissionThenFixedReplacementAreAccepted() {
        HttpResponse<String> first = post("", read(FIXED.resolve("Bundle-example-td2-iti65-lot-soumission.json"))
                .replace(FIXED_INS, ins));
        assertEquals(200, first.statusCode(), first.body());
        Bundle response = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, first.body());
        response.getEntry().forEach(e -> assertEquals("201 Created", e.getResponse().getStatus()));
        String location = response.getEntry().get(1).getResponse().getLocation();
        String id = location.substring("DocumentReference/".length()).split("/")[0];
        assertEquals(List.of("1.2.250.1.213.1.4.8.99999.2"), stored().stream().map(DocumentEntry::getUniqueId).toList());

        HttpResponse<String> replacement = post("", read(FIXED.resolve("Bundle-example-td2-1-remplacement.json"))
                .replace(FIXED_INS, ins).replace(FIXED_REPLACED_ID, id));
        assertEquals(200, replacement.statusCode(), replacement.body());
        List<DocumentEntry> entries = stored();
        assertEquals(AvailabilityStatus.DEPRECATED, entries.stream().filter(e -> e.getEntryUuid().equals("urn:uuid:" + id))
                .findFirst().orElseThrow().getAvailabilityStatus());
        assertEquals(AvailabilityStatus.APPROVED, entries.stream()
                .filter(e -> e.getUniqueId().equals("1.2.250.1.213.1.4.8.99999.3")).findFirst().orElseThrow()
                .getAvailabilityStatus());
    }

    @Test
    void fixedMhdComprehensiveBundleIsAcceptedAndReadOverXds() {
        HttpResponse<String> answer = post("", read(FIXED.resolve("Bundle-ex-comprehensiveProvideDocumentBundleSimple.json"))
                .replace(FIXED_INS, ins));
        assertEquals(200, answer.statusCode(), answer.body());
        Bundle response = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, answer.body());
        assertEquals(3, response.getEntry().size());
        response.getEntry().forEach(e -> assertEquals("201 Created", e.getResponse().getStatus()));
        List<DocumentEntry> stored = stored();
        assertEquals(List.of("1.2.840.113556.1.8000.2554.53432.348.2"), stored.stream().map(DocumentEntry::getUniqueId).toList());
        assertEquals("0a4d55a8d778e5022fab701977c5d840bbc486d0", stored.get(0).getHash());
        assertEquals("mrn-1234", stored.get(0).getSourcePatientId().getId());
    }

    @Test
    void fixedSimplifiedPublishIsAccepted() {
        HttpResponse<String> answer = post("/DocumentReference",
                read(FIXED.resolve("DocumentReference-example-td2-iti105-publication-simplifiee.json")).replace(FIXED_INS, ins));
        assertEquals(201, answer.statusCode(), answer.body());
        assertTrue(answer.headers().firstValue("Location").orElseThrow().contains("/DocumentReference/"));
        DocumentReference created = FhirContext.forR4Cached().newJsonParser().parseResource(DocumentReference.class, answer.body());
        DocumentReference read = FhirClient.as(port, Vihf.doctor(ins)).read().resource(DocumentReference.class)
                .withId(created.getIdElement().getIdPart()).execute();
        assertEquals("urn:oid:1.2.250.1.213.1.4.8.99999.1", read.getMasterIdentifier().getValue());
        assertEquals(ins, read.getSubject().getIdentifier().getValue());
        // and over ITI-18, whose answer passes IPF's response validation (languageCode present)
        assertEquals(List.of("1.2.250.1.213.1.4.8.99999.1"), stored().stream().map(DocumentEntry::getUniqueId).toList());
    }
}
