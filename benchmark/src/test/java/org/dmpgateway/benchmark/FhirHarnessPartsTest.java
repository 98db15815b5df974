package org.dmpgateway.benchmark;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.ListResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The FHIR pieces of the harness, without a server: the bearer token (verified by a JOSE library),
 * the ITI-65 Bundle written as text (parsed by HAPI's model), the ITI-67 and ITI-68 paths, and the
 * cheap checks of the answers (against answers HAPI wrote).
 */
class FhirHarnessPartsTest {
    private static final FhirContext FHIR = FhirContext.forR4Cached();

    @Test
    void theBearerTokenIsAnHs256JwtWithTheVihfClaims() throws Exception {
        String ins = Ins.target(100, 3);
        long now = 1_800_000_000L;

        SignedJWT jwt = SignedJWT.parse(FhirToken.bearer(ins, now));

        assertEquals(JWSAlgorithm.HS256, jwt.getHeader().getAlgorithm());
        assertTrue(jwt.verify(new MACVerifier(FhirToken.SANDBOX_SECRET.getBytes(StandardCharsets.UTF_8))),
                "signed with the sandbox secret");
        assertFalse(jwt.verify(new MACVerifier("another-secret-of-at-least-thirty-two-bytes!".getBytes(StandardCharsets.UTF_8))));
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertEquals(Catalog.ACTOR_ID, claims.getSubject());
        assertEquals(Catalog.ACTOR_NAME, claims.getStringClaim("name"));
        assertEquals(Catalog.STRUCTURE_ID, claims.getStringClaim("structure_id"));
        assertEquals(ins + "^^^&1.2.250.1.213.1.4.10&ISO^NH", claims.getStringClaim("resource_id"));
        assertEquals("normal", claims.getStringClaim("purpose_of_use"));
        List<Object> roles = claims.getListClaim("subject_role");
        assertEquals(2, roles.size());
        assertEquals("10", ((Map<?, ?>) roles.get(0)).get("code"), "the profession first");
        assertEquals("1.2.250.1.71.1.2.7", ((Map<?, ?>) roles.get(0)).get("system"));
        assertEquals("SM54", ((Map<?, ?>) roles.get(1)).get("code"));
        assertEquals("Médecin", ((Map<?, ?>) roles.get(0)).get("display"), "UTF-8 claims survive the encoding");
        assertEquals(new Date(now * 1000), claims.getIssueTime());
        assertEquals(new Date((now + FhirToken.VALIDITY_SECONDS) * 1000), claims.getExpirationTime());
    }

    @Test
    void theProvideBundleIsAnMhdTransactionCarryingTheDocumentAndItsMetadata() {
        Synthesizer synth = new Synthesizer(11);
        Synthesizer.Patient p = synth.patient(Ins.harness(2));
        Synthesizer.Document d = synth.document(false, 5000);
        while (d.event() == null) {
            d = synth.document(false, 5000);
        }
        String setUid = synth.oid();
        String submissionTime = synth.submissionTime(d.creationTime());

        Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class,
                new String(FhirMessages.provideBundle(p, setUid, submissionTime, d), StandardCharsets.UTF_8));

        assertEquals(Bundle.BundleType.TRANSACTION, bundle.getType());
        assertEquals(3, bundle.getEntry().size());
        Bundle.BundleEntryComponent setEntry = bundle.getEntry().get(0);
        Bundle.BundleEntryComponent docEntry = bundle.getEntry().get(1);
        Bundle.BundleEntryComponent binEntry = bundle.getEntry().get(2);
        assertEquals(List.of("List", "DocumentReference", "Binary"),
                bundle.getEntry().stream().map(e -> e.getRequest().getUrl()).toList());
        assertTrue(bundle.getEntry().stream().allMatch(e -> e.getRequest().getMethod() == Bundle.HTTPVerb.POST));

        ListResource set = (ListResource) setEntry.getResource();
        assertEquals("submissionset", set.getCode().getCodingFirstRep().getCode());
        assertEquals("urn:oid:" + setUid, set.getIdentifier().get(0).getValue());
        assertEquals(docEntry.getFullUrl(), set.getEntryFirstRep().getItem().getReference());
        assertEquals(FhirMessages.instant(submissionTime), set.getDateElement().getValueAsString());
        assertEquals("Patient?identifier=urn:oid:1.2.250.1.213.1.4.10|" + p.ins(), set.getSubject().getReference());
        assertEquals("urn:oid:" + Catalog.SOURCE_ID, ((org.hl7.fhir.r4.model.Identifier) set.getExtensionByUrl(
                FhirMessages.MHD + "ihe-sourceId").getValue()).getValue());

        DocumentReference doc = (DocumentReference) docEntry.getResource();
        assertEquals("urn:oid:" + d.uniqueId(), doc.getMasterIdentifier().getValue());
        assertEquals(d.typeCode().code(), doc.getType().getCodingFirstRep().getCode());
        assertEquals("urn:oid:" + d.classCode().system(), doc.getCategoryFirstRep().getCodingFirstRep().getSystem());
        assertEquals(d.classCode().code(), doc.getCategoryFirstRep().getCodingFirstRep().getCode());
        assertEquals("N", doc.getSecurityLabelFirstRep().getCodingFirstRep().getCode());
        assertEquals(d.event().code(), doc.getContext().getEventFirstRep().getCodingFirstRep().getCode());
        assertEquals(Catalog.FACILITY_CODES.get(d.facility()).code(),
                doc.getContext().getFacilityType().getCodingFirstRep().getCode());
        assertEquals(Catalog.PRACTICE_CODES.get(d.practice()).code(),
                doc.getContext().getPracticeSetting().getCodingFirstRep().getCode());
        assertEquals(FhirMessages.instant(d.serviceStart()), doc.getContext().getPeriod().getStartElement().getValueAsString());
        var attachment = doc.getContentFirstRep().getAttachment();
        assertEquals(binEntry.getFullUrl(), attachment.getUrl());
        assertEquals(d.mimeType(), attachment.getContentType());
        assertEquals("fr-FR", attachment.getLanguage());
        assertEquals(d.title(), attachment.getTitle());
        assertEquals(FhirMessages.instant(d.creationTime()), attachment.getCreationElement().getValueAsString());
        assertEquals(d.formatCode().code(), doc.getContentFirstRep().getFormat().getCode());

        assertEquals("#author", doc.getAuthorFirstRep().getReference());
        PractitionerRole role = (PractitionerRole) contained(doc.getContained(), "author");
        assertEquals("#author-person", role.getPractitioner().getReference());
        assertEquals("G15_10/SM54", role.getSpecialtyFirstRep().getCodingFirstRep().getCode());
        Practitioner person = (Practitioner) contained(doc.getContained(), "author-person");
        assertEquals(Catalog.actorId(d.author()), person.getIdentifierFirstRep().getValue());
        assertEquals(Catalog.actorName(d.author()), person.getNameFirstRep().getFamily() + ", "
                + person.getNameFirstRep().getGivenAsSingleString());
        Patient source = (Patient) contained(doc.getContained(), "source-patient");
        assertEquals(p.family(), source.getNameFirstRep().getFamily());
        assertEquals(p.ins(), source.getIdentifier().get(1).getValue());
        assertEquals(p.birthDate(), source.getBirthDateElement().getValueAsString().replace("-", ""));

        Binary binary = (Binary) binEntry.getResource();
        assertEquals(d.mimeType(), binary.getContentType());
        assertArrayEquals(d.content(), binary.getData());
    }

    @Test
    void aMaskedDocumentCarriesItsTreA07Label() {
        Synthesizer synth = new Synthesizer(5);
        Synthesizer.Document d = synth.document(false, 10);
        Synthesizer.Document masked = new Synthesizer.Document(d.entryUuid(), d.uniqueId(), d.kind(), d.format(),
                d.facility(), d.practice(), d.event(), true, d.author(), d.creationTime(), d.serviceStart(),
                d.serviceStop(), "Titre \"entre guillemets\" \\ fin", d.content());

        Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, new String(FhirMessages.provideBundle(
                synth.patient(Ins.harness(1)), synth.oid(), "20250101120000", masked), StandardCharsets.UTF_8));

        DocumentReference doc = (DocumentReference) bundle.getEntry().get(1).getResource();
        assertEquals(List.of("N", "MASQUE_PS"), doc.getSecurityLabel().stream()
                .map(c -> c.getCodingFirstRep().getCode()).toList());
        assertEquals(FhirMessages.TRE_A07, doc.getSecurityLabel().get(1).getCodingFirstRep().getSystem());
        assertEquals("Titre \"entre guillemets\" \\ fin", doc.getContentFirstRep().getAttachment().getTitle(),
                "quotes and backslashes are escaped");
    }

    @Test
    void theSearchAndRetrievePathsAreValidUris() {
        String ins = Ins.target(1000, 0);
        String find = FhirMessages.findPath(ins, 100);
        URI uri = URI.create("http://127.0.0.1:8080" + find);
        assertEquals("/fhir/DocumentReference", uri.getPath());
        assertEquals("patient.identifier=urn:oid:1.2.250.1.213.1.4.10|" + ins + "&status=current&_count=100", uri.getQuery());
        assertEquals("patient.identifier=urn:oid:1.2.250.1.213.1.4.10|" + ins + "&status=current&_count=20&_offset=40",
                URI.create("http://h" + FhirMessages.findPath(ins, 20, 40)).getQuery());
        assertTrue(FhirMessages.findByUniqueIdPath(ins, "2.25.7").endsWith("&identifier=urn:oid:2.25.7"));
        assertEquals("/fhir/Binary/abc-1", FhirMessages.binaryPath("abc-1"));
        assertEquals("2025-11-20T08:00:00Z", FhirMessages.instant("202511200800"));
        assertEquals("2025-11-20T09:30:15Z", FhirMessages.instant("20251120093015"));
    }

    @Test
    void searchsetsAreCountedAsHapiWritesThem() {
        Bundle searchset = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal(1000);
        for (int i = 0; i < 3; i++) {
            DocumentReference d = new DocumentReference();
            d.setId("doc-" + i);
            d.addContained(new Practitioner().setId("author1-person"));
            d.addContained(new PractitionerRole().setId("author1"));
            searchset.addEntry().setFullUrl("http://h/fhir/DocumentReference/doc-" + i).setResource(d);
        }
        for (IParser parser : List.of(FHIR.newJsonParser(), FHIR.newJsonParser().setPrettyPrint(true))) {
            String json = parser.encodeResourceToString(searchset);
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);

            assertEquals(3, FhirAnswers.countResources(bytes, "DocumentReference"), json);
            assertEquals(3, FhirAnswers.countResources(bytes, "PractitionerRole"));
            assertEquals(1, FhirAnswers.countResources(bytes, "Bundle"));
            assertEquals(0, FhirAnswers.countResources(bytes, "Binary"));
            assertEquals(1000, FhirAnswers.total(json));
            assertEquals(List.of("doc-0", "doc-1", "doc-2"), FhirAnswers.documentReferenceIds(json));
        }
        assertEquals(-1, FhirAnswers.total("{\"resourceType\":\"Bundle\"}"));
    }

    @Test
    void aTransactionResponseIsAcceptedOnlyWhenEveryEntryWasCreated() {
        Bundle response = new Bundle().setType(Bundle.BundleType.TRANSACTIONRESPONSE);
        response.addEntry().getResponse().setStatus("201 Created").setLocation("List/a");
        response.addEntry().getResponse().setStatus("201 Created").setLocation("DocumentReference/b").setEtag("W/\"1\"");
        response.addEntry().getResponse().setStatus("201 Created").setLocation("Binary/b");
        byte[] created = FHIR.newJsonParser().encodeResourceToString(response).getBytes(StandardCharsets.UTF_8);

        assertEquals(List.of(201, 201, 201), FhirAnswers.entryStatuses(new String(created, StandardCharsets.UTF_8)));
        FhirAnswers.requireCreated(new Http.Response(200, FhirMessages.FHIR_JSON, created), 3, "ITI-65");
        assertThrows(IllegalStateException.class,
                () -> FhirAnswers.requireCreated(new Http.Response(200, FhirMessages.FHIR_JSON, created), 4, "ITI-65"));

        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(OperationOutcome.IssueType.INVALID)
                .setDiagnostics("DocumentReference.type: code system http://snomed.info/sct is not allowed");
        byte[] refused = FHIR.newJsonParser().encodeResourceToString(outcome).getBytes(StandardCharsets.UTF_8);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> FhirAnswers.requireCreated(new Http.Response(400, FhirMessages.FHIR_JSON, refused), 3, "ITI-65"));
        assertTrue(e.getMessage().contains("HTTP 400") && e.getMessage().contains("code=invalid")
                && e.getMessage().contains("DocumentReference.type: code system"), e.getMessage());
    }

    @Test
    void thePeerIsLoadedWithPatientsByInsAndDocumentsWithTheirBinaries() {
        Synthesizer synth = new Synthesizer(5);
        Synthesizer.Patient p = synth.patient(Ins.target(10, 1));
        Synthesizer.Patient q = synth.patient(Ins.target(10, 2));

        Bundle patients = FHIR.newJsonParser().parseResource(Bundle.class,
                new String(FhirMessages.patientsBundle(List.of(p, q)), StandardCharsets.UTF_8));

        assertEquals(Bundle.BundleType.TRANSACTION, patients.getType());
        assertEquals(2, patients.getEntry().size());
        Bundle.BundleEntryComponent first = patients.getEntryFirstRep();
        assertEquals(Bundle.HTTPVerb.POST, first.getRequest().getMethod());
        assertEquals("identifier=urn:oid:" + Ins.AUTHORITY + "%7C" + p.ins(), first.getRequest().getIfNoneExist(),
                "created once: conditional on the INS");
        Patient created = (Patient) first.getResource();
        assertEquals("urn:oid:" + Ins.AUTHORITY, created.getIdentifierFirstRep().getSystem());
        assertEquals(p.ins(), created.getIdentifierFirstRep().getValue());
        assertEquals(p.family(), created.getNameFirstRep().getFamily());

        List<Synthesizer.Document> docs = List.of(synth.document(false, BulkLoader.CONTENT_BYTES),
                synth.document(false, BulkLoader.CONTENT_BYTES), synth.document(false, BulkLoader.CONTENT_BYTES));
        Bundle documents = FHIR.newJsonParser().parseResource(Bundle.class,
                new String(FhirMessages.documentsBundle(p, "Patient/123", docs), StandardCharsets.UTF_8));

        assertEquals(Bundle.BundleType.TRANSACTION, documents.getType());
        assertEquals(6, documents.getEntry().size(), "a DocumentReference and its Binary per document");
        for (int i = 0; i < docs.size(); i++) {
            DocumentReference ref = (DocumentReference) documents.getEntry().get(2 * i).getResource();
            Binary binary = (Binary) documents.getEntry().get(2 * i + 1).getResource();
            assertEquals("Patient/123", ref.getSubject().getReference());
            assertEquals("urn:oid:" + docs.get(i).uniqueId(), ref.getMasterIdentifier().getValue());
            assertEquals(documents.getEntry().get(2 * i + 1).getFullUrl(), ref.getContentFirstRep().getAttachment().getUrl());
            assertArrayEquals(docs.get(i).content(), binary.getData());
            assertEquals("Binary", documents.getEntry().get(2 * i + 1).getRequest().getUrl());
        }
    }

    @Test
    void theIdsATransactionCreatedAreReadFromItsLocations() {
        Bundle response = new Bundle().setType(Bundle.BundleType.TRANSACTIONRESPONSE);
        response.addEntry().getResponse().setStatus("201 Created").setLocation("DocumentReference/7/_history/1");
        response.addEntry().getResponse().setStatus("201 Created").setLocation("Binary/8/_history/1");
        response.addEntry().getResponse().setStatus("200 OK").setLocation("Patient/3/_history/2");
        response.addEntry().getResponse().setStatus("201 Created").setLocation("DocumentReference/9/_history/1");
        response.addEntry().getResponse().setStatus("201 Created").setLocation("http://127.0.0.1:1234/fhir/Binary/10/_history/1");
        String json = FHIR.newJsonParser().setPrettyPrint(true).encodeResourceToString(response);

        assertEquals(List.of("7", "9"), FhirAnswers.createdIds(json, "DocumentReference"));
        assertEquals(List.of("8", "10"), FhirAnswers.createdIds(json, "Binary"), "relative or absolute");
        assertEquals(List.of("3"), FhirAnswers.createdIds(json, "Patient"), "an existing patient found by its INS too");
    }

    private static Resource contained(List<Resource> contained, String id) {
        return contained.stream().filter(r -> r.getIdElement().getIdPart().replace("#", "").equals(id)).findFirst()
                .orElseGet(() -> fail("no contained resource #" + id));
    }
}
