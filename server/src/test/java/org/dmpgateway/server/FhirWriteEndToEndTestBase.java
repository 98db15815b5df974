package org.dmpgateway.server;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.dmpgateway.server.support.OneRecordPerTest;
import org.dmpgateway.server.support.FhirAnswerValidator;
import org.dmpgateway.server.support.FhirClient;
import org.dmpgateway.server.support.FhirWriteSamples;
import org.dmpgateway.server.support.FhirToken;
import org.dmpgateway.server.support.SampleSubmissions;
import org.dmpgateway.server.support.Vihf;
import org.hl7.fhir.instance.model.api.IBaseOperationOutcome;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.UriType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AvailabilityStatus;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.FindDocumentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetDocumentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.responses.QueryResponse;
import org.openehealth.ipf.commons.ihe.xds.core.responses.RetrievedDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The FHIR write side end to end (MHD Document Recipient, PDSm / PDSM4DMP): ITI-65 and ITI-105 over
 * HAPI's generic client, PATCH (masking, archiving), DELETE, and what the SOAP side (IPF's ITI-18 and
 * ITI-43 producers) sees afterwards. Each test works on a record of its own, set up through the
 * admin API; every assertion is derived from what the test submitted. The leaves choose
 * the database (H2, PostgreSQL).
 */
@SpringBootTest(classes = DmpGatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
abstract class FhirWriteEndToEndTestBase extends OneRecordPerTest {
    static final String OTHER_DOCTOR = Vihf.OTHER_DOCTOR;
    static final String ADMIN_DOCTOR = Vihf.ADMIN_DOCTOR;

    @BeforeEach
    void authoriseTheOtherDoctors() {
        record.authorise(record.otherDoctor());
        record.authoriseAsAdminDoctor(record.adminDoctor());
    }

    IGenericClient fhir(Vihf who) {
        return FhirClient.as(port, who);
    }

    /** Submits one document over ITI-65 as {@code author}; returns the stored DocumentReference id (entryUUID). */
    Submitted submitOverIti65(Vihf author, byte[] bytes) {
        String uniqueId = SampleSubmissions.newOid();
        DocumentReference doc = FhirWriteSamples.document(ins, author, uniqueId, "CR de consultation " + ins);
        Bundle response = fhir(author).transaction().withBundle(FhirWriteSamples.provideBundle(ins, author, doc, bytes)).execute();
        assertEquals(Bundle.BundleType.TRANSACTIONRESPONSE, response.getType());
        assertEquals(3, response.getEntry().size(), "one response entry per request entry");
        response.getEntry().forEach(e -> assertTrue(e.getResponse().getStatus().startsWith("201"),
                () -> "entry answered " + e.getResponse().getStatus()));
        String location = response.getEntry().get(1).getResponse().getLocation();
        assertTrue(location.startsWith("DocumentReference/"), location);
        String id = location.substring("DocumentReference/".length()).split("/")[0];
        return new Submitted(id, uniqueId);
    }

    record Submitted(String id, String uniqueId) {
    }

    List<DocumentEntry> foundOverSoap(Vihf who, AvailabilityStatus... statuses) {
        FindDocumentsQuery q = new FindDocumentsQuery();
        q.setPatientId(SampleSubmissions.patient(ins));
        q.setStatus(List.of(statuses.length == 0 ? new AvailabilityStatus[]{AvailabilityStatus.APPROVED} : statuses));
        QueryResponse r = xds.as(who).query(q);
        assertEquals(Status.SUCCESS, r.getStatus(), () -> "FindDocuments: " + r.getErrors());
        return r.getDocumentEntries();
    }

    List<String> uniqueIdsOverSoap(Vihf who) {
        return foundOverSoap(who).stream().map(DocumentEntry::getUniqueId).toList();
    }

    /** ITI-67 as {@code who}: the masterIdentifiers (urn:oid:uniqueId) of the current documents found. */
    List<String> foundOverFhir(Vihf who) {
        Bundle found = fhir(who).search().byUrl("DocumentReference?patient.identifier=urn:oid:" + SampleSubmissions.INS_OID
                + "|" + ins + "&status=current").returnBundle(Bundle.class).execute();
        return found.getEntry().stream().filter(e -> e.getResource() instanceof DocumentReference)
                .map(e -> ((DocumentReference) e.getResource()).getMasterIdentifier().getValue()).toList();
    }

    DocumentReference patchJson(Vihf who, String id, String jsonPatch) {
        return (DocumentReference) fhir(who).patch().withBody(jsonPatch).withId("DocumentReference/" + id).execute()
                .getResource();
    }

    DocumentReference patchFhirPath(Vihf who, String id, Parameters patch) {
        return (DocumentReference) fhir(who).patch().withFhirPatch(patch).withId("DocumentReference/" + id).execute()
                .getResource();
    }

    static Parameters operation(Parameters p, String type, String path, String name, org.hl7.fhir.r4.model.Type value) {
        Parameters.ParametersParameterComponent op = p.addParameter().setName("operation");
        op.addPart().setName("type").setValue(new CodeType(type));
        op.addPart().setName("path").setValue(new StringType(path));
        if (name != null) {
            op.addPart().setName("name").setValue(new StringType(name));
        }
        if (value != null) {
            op.addPart().setName("value").setValue(value);
        }
        return p;
    }

    static final String MASK = "[{\"op\":\"add\",\"path\":\"/securityLabel/-\",\"value\":{\"coding\":[{\"system\":\""
            + FhirWriteSamples.A07 + "\",\"code\":\"MASQUE_PS\"}]}}]";

    /** The refusal of {@code call}: its HTTP status and the gateway code of the OperationOutcome. */
    static BaseServerResponseException refused(int status, String code, Runnable call) {
        BaseServerResponseException e = assertThrows(BaseServerResponseException.class, call::run);
        assertEquals(status, e.getStatusCode(), e::getMessage);
        IBaseOperationOutcome oo = e.getOperationOutcome();
        assertNotNull(oo, "an OperationOutcome comes with the refusal");
        assertEquals(code, ((OperationOutcome) oo).getIssueFirstRep().getDetails().getCodingFirstRep().getCode(), e::getMessage);
        return e;
    }

    HttpResponse<String> rawDelete(Vihf who, String id) {
        return rawDelete(who, id, null);
    }

    HttpResponse<String> rawDelete(Vihf who, String id, String ifMatch) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(FhirClient.base(port) + "/DocumentReference/" + id))
                .header("Authorization", "Bearer " + FhirToken.of(who)).DELETE();
        if (ifMatch != null) {
            builder.header("If-Match", ifMatch);
        }
        HttpRequest request = builder.build();
        try {
            return FhirAnswerValidator.assertValid(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    // ------------------------------------------------------------------ ITI-65, ITI-105

    @Test
    void iti65DocumentIsFoundOverIti18AndRetrievedOverIti43WithIdenticalBytes() {
        byte[] bytes = ("Compte rendu FHIR de " + ins).getBytes(StandardCharsets.UTF_8);
        Submitted s = submitOverIti65(record.durant(), bytes);

        List<DocumentEntry> found = foundOverSoap(record.durant());
        assertEquals(1, found.size());
        DocumentEntry e = found.get(0);
        assertEquals(s.uniqueId(), e.getUniqueId());
        assertEquals("urn:uuid:" + s.id(), e.getEntryUuid());
        assertEquals(ins, e.getPatientId().getId());
        assertEquals("11488-4", e.getTypeCode().getCode());
        assertEquals("10", e.getClassCode().getCode());
        assertEquals("urn:ihe:iti:xds-sd:text:2008", e.getFormatCode().getCode());
        assertEquals("SA07", e.getHealthcareFacilityTypeCode().getCode());
        assertEquals("AMBULATOIRE", e.getPracticeSettingCode().getCode());
        assertEquals(List.of("N"), e.getConfidentialityCodes().stream().map(c -> c.getCode()).toList());
        assertEquals("text/plain", e.getMimeType());
        assertEquals("fr-FR", e.getLanguageCode());
        assertEquals("CR de consultation " + ins, e.getTitle().getValue());
        assertEquals(Vihf.DURANT, e.getAuthors().get(0).getAuthorPerson().getId().getId());
        assertEquals((long) bytes.length, e.getSize());

        RetrievedDocumentSet retrieved = xds.as(record.durant()).retrieve(repositoryUniqueId, s.uniqueId());
        assertEquals(Status.SUCCESS, retrieved.getStatus(), () -> "retrieve: " + retrieved.getErrors());
        try {
            assertArrayEquals(bytes, retrieved.getDocuments().get(0).getDataHandler().getInputStream().readAllBytes());
        } catch (IOException ex) {
            throw new AssertionError(ex);
        }
    }

    @Test
    void aBundleWithoutSourcePatientInfoGivesAnXdsEntryWhoseSourcePatientIdIsTheIns() {
        fhir(record.durant()).transaction().withBundle(org.dmpgateway.server.support.FhirSamples.provideBundle(ins, record.durant(),
                org.dmpgateway.server.support.FhirSamples.oid("1.2.250.1.213.1.1.4.1", "10", "Compte rendu"),
                new org.hl7.fhir.r4.model.Coding("http://loinc.org", "11488-4", "CR de consultation"), false,
                "sans sourcePatientInfo".getBytes(StandardCharsets.UTF_8))).execute();
        List<DocumentEntry> found = foundOverSoap(record.durant());
        assertEquals(1, found.size(), "IPF's ITI-18 response validation accepts the entry");
        assertEquals(ins, found.get(0).getSourcePatientId().getId());
        assertEquals(SampleSubmissions.INS_OID, found.get(0).getSourcePatientId().getAssigningAuthority().getUniversalId());
    }

    @Test
    void iti105SimplifiedPublishAnswers201WithLocation() throws IOException {
        byte[] bytes = ("Publication simplifiée " + ins).getBytes(StandardCharsets.UTF_8);
        DocumentReference doc = FhirWriteSamples.simplifiedPublish(ins, record.durant(), bytes);
        var outcome = fhir(record.durant()).create().resource(doc).execute();
        assertTrue(outcome.getCreated(), "201 Created");
        String id = outcome.getId().getIdPart();
        assertEquals("DocumentReference", outcome.getId().getResourceType());
        String uniqueId = doc.getMasterIdentifier().getValue().substring("urn:oid:".length());
        List<DocumentEntry> found = foundOverSoap(record.durant());
        assertEquals(List.of("urn:uuid:" + id), found.stream().map(DocumentEntry::getEntryUuid).toList());
        RetrievedDocumentSet retrieved = xds.as(record.durant()).retrieve(repositoryUniqueId, uniqueId);
        assertArrayEquals(bytes, retrieved.getDocuments().get(0).getDataHandler().getInputStream().readAllBytes());
    }

    @Test
    void replacementOverFhirDeprecatesTheOldDocument() {
        Submitted old = submitOverIti65(record.durant(), "version 1".getBytes(StandardCharsets.UTF_8));
        String newUniqueId = SampleSubmissions.newOid();
        DocumentReference next = FhirWriteSamples.document(ins, record.durant(), newUniqueId, "version 2");
        next.addRelatesTo().setCode(DocumentReference.DocumentRelationshipType.REPLACES)
                .setTarget(new org.hl7.fhir.r4.model.Reference("DocumentReference/" + old.id()));
        Bundle bundle = FhirWriteSamples.provideBundle(ins, record.durant(), next, "version 2".getBytes(StandardCharsets.UTF_8));
        Parameters superseded = operation(new Parameters(), "replace", "DocumentReference.status", null,
                new CodeType("superseded"));
        bundle.addEntry().setFullUrl("urn:uuid:" + java.util.UUID.randomUUID()).setResource(superseded).getRequest()
                .setMethod(Bundle.HTTPVerb.PATCH).setUrl("DocumentReference/" + old.id());
        Bundle response = fhir(record.durant()).transaction().withBundle(bundle).execute();
        assertEquals(4, response.getEntry().size());

        assertEquals(List.of(newUniqueId), uniqueIdsOverSoap(record.durant()), "only the new version is Approved");
        GetDocumentsQuery get = new GetDocumentsQuery();
        get.setUuids(List.of("urn:uuid:" + old.id()));
        QueryResponse r = xds.as(record.durant()).query(get);
        assertEquals(AvailabilityStatus.DEPRECATED, r.getDocumentEntries().get(0).getAvailabilityStatus());

        // ITI-67 and the read answer the new version with relatesTo replaces the old one (MHD)
        Bundle found = fhir(record.durant()).search().byUrl("DocumentReference?patient.identifier=urn:oid:"
                + SampleSubmissions.INS_OID + "|" + ins + "&status=current").returnBundle(Bundle.class).execute();
        DocumentReference current = (DocumentReference) found.getEntryFirstRep().getResource();
        assertEquals("urn:oid:" + newUniqueId, current.getMasterIdentifier().getValue());
        assertEquals(1, current.getRelatesTo().size());
        assertEquals(DocumentReference.DocumentRelationshipType.REPLACES, current.getRelatesToFirstRep().getCode());
        assertEquals("DocumentReference/" + old.id(), current.getRelatesToFirstRep().getTarget().getReference());
        DocumentReference read = fhir(record.durant()).read().resource(DocumentReference.class)
                .withId(current.getIdElement().getIdPart()).execute();
        assertEquals("DocumentReference/" + old.id(), read.getRelatesToFirstRep().getTarget().getReference());
        DocumentReference oldOne = fhir(record.durant()).read().resource(DocumentReference.class).withId(old.id()).execute();
        assertEquals(org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus.SUPERSEDED, oldOne.getStatus());
        assertTrue(oldOne.getRelatesTo().isEmpty(), "the replaced document relates to nothing");
    }

    @Test
    void batchBundleIsRefusedNamingBundleType() {
        Bundle bundle = FhirWriteSamples.provideBundle(ins, record.durant(),
                FhirWriteSamples.document(ins, record.durant(), SampleSubmissions.newOid(), "batch"), "x".getBytes(StandardCharsets.UTF_8));
        bundle.setType(Bundle.BundleType.BATCH);
        BaseServerResponseException e = refused(400, "METADATA_ERROR",
                () -> fhir(record.durant()).transaction().withBundle(bundle).execute());
        assertTrue(e.getMessage().contains("Bundle.type"), e.getMessage());
        assertTrue(uniqueIdsOverSoap(record.durant()).isEmpty());
    }

    @Test
    void submissionRefusedByTheCoreStoresNothing() {
        Vihf stranger = record.durant().as("810009999999", "INCONNU, Paul", Vihf.MEDECIN, Vihf.MEDECINE_GENERALE);
        Bundle bundle = FhirWriteSamples.provideBundle(ins, stranger,
                FhirWriteSamples.document(ins, stranger, SampleSubmissions.newOid(), "refusé"), "x".getBytes(StandardCharsets.UTF_8));
        refused(403, "PS_NOT_AUTHORIZED", () -> fhir(stranger).transaction().withBundle(bundle).execute());
        assertTrue(uniqueIdsOverSoap(record.durant()).isEmpty(), "nothing of the refused bundle was stored");
    }

    // ------------------------------------------------------------------ PATCH

    @Test
    void maskingByPatchHidesTheDocumentFromAnotherProfessionalOverSoapAndFhir() {
        Submitted s = submitOverIti65(record.durant(), "à masquer".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(s.uniqueId()), uniqueIdsOverSoap(record.otherDoctor()), "visible before masking");
        assertEquals(List.of("urn:oid:" + s.uniqueId()), foundOverFhir(record.otherDoctor()), "visible over ITI-67 too");

        DocumentReference masked = patchJson(record.durant(), s.id(), MASK);
        assertNotEquals(s.id(), masked.getIdElement().getIdPart(), "masking creates a new metadata version (new entryUUID)");
        assertEquals("2", masked.getMeta().getVersionId());
        assertTrue(masked.getSecurityLabel().stream().anyMatch(l -> "MASQUE_PS".equals(l.getCodingFirstRep().getCode())));

        assertTrue(uniqueIdsOverSoap(record.otherDoctor()).isEmpty(), "masked: not found by another professional over ITI-18");
        assertTrue(foundOverFhir(record.otherDoctor()).isEmpty(), "masked: not found by another professional over ITI-67");
        assertEquals(List.of("urn:oid:" + s.uniqueId()), foundOverFhir(record.durant()), "the author finds the new version");
        assertEquals(List.of(s.uniqueId()), uniqueIdsOverSoap(record.durant()), "the author still finds it");
        refused(404, "UNKNOWN_DOCUMENT", () -> patchJson(record.otherDoctor(), masked.getIdElement().getIdPart(), MASK));
        refused(404, "UNKNOWN_DOCUMENT", () -> fhir(record.otherDoctor()).patch().withBody(MASK)
                .conditionalByUrl("DocumentReference?identifier=urn:ietf:rfc:3986|urn:oid:" + s.uniqueId()).execute());
    }

    @Test
    void theAdminDoctorUnmasksWithFhirPathPatch() {
        Submitted s = submitOverIti65(record.durant(), "masqué puis démasqué".getBytes(StandardCharsets.UTF_8));
        DocumentReference masked = patchJson(record.durant(), s.id(), MASK);
        assertTrue(uniqueIdsOverSoap(record.otherDoctor()).isEmpty());

        Parameters unmask = operation(new Parameters(), "delete",
                "DocumentReference.securityLabel.where(coding.code = 'MASQUE_PS')", null, null);
        DocumentReference unmasked = patchFhirPath(record.adminDoctor(), masked.getIdElement().getIdPart(), unmask);
        assertEquals("3", unmasked.getMeta().getVersionId());
        assertEquals(List.of("N"), unmasked.getSecurityLabel().stream().map(l -> l.getCodingFirstRep().getCode()).toList());
        assertEquals(List.of(s.uniqueId()), uniqueIdsOverSoap(record.otherDoctor()), "visible again to other professionals");
    }

    @Test
    void maskingByAnotherProfessionalIsRefusedNotAuthor() {
        Submitted s = submitOverIti65(record.durant(), "pas à vous".getBytes(StandardCharsets.UTF_8));
        refused(403, "NOT_AUTHOR", () -> patchJson(record.otherDoctor(), s.id(), MASK));
        assertEquals(List.of(s.uniqueId()), uniqueIdsOverSoap(record.otherDoctor()), "still visible: nothing changed");
    }

    @Test
    void conditionalPatchArchivesAndUnarchives() {
        Submitted s = submitOverIti65(record.durant(), "à archiver".getBytes(StandardCharsets.UTF_8));
        String byIdentifier = "DocumentReference?identifier=urn:ietf:rfc:3986|urn:oid:" + s.uniqueId();
        Parameters archive = operation(new Parameters(), "add", "DocumentReference", "extension", null);
        Parameters.ParametersParameterComponent value = archive.getParameterFirstRep().addPart().setName("value");
        value.addPart().setName("url").setValue(new UriType(FhirWriteSamples.IS_ARCHIVED));
        value.addPart().setName("valueBoolean").setValue(new BooleanType(true));
        DocumentReference archived = (DocumentReference) fhir(record.durant()).patch().withFhirPatch(archive)
                .conditionalByUrl(byIdentifier).execute().getResource();
        assertEquals(s.id(), archived.getIdElement().getIdPart(), "a status change keeps the entry");
        assertEquals(DocumentReferenceStatus.CURRENT, archived.getStatus());
        assertTrue(((BooleanType) archived.getExtensionByUrl(FhirWriteSamples.IS_ARCHIVED).getValue()).booleanValue());
        assertTrue(uniqueIdsOverSoap(record.durant()).isEmpty(), "Archived is not Approved any more");

        String unarchive = "[{\"op\":\"replace\",\"path\":\"/extension/0/valueBoolean\",\"value\":false}]";
        DocumentReference back = patchJson(record.durant(), s.id(), unarchive);
        assertNull(back.getExtensionByUrl(FhirWriteSamples.IS_ARCHIVED), "Approved again: no isArchived");
        assertEquals(List.of(s.uniqueId()), uniqueIdsOverSoap(record.durant()));
    }

    @Test
    void patchOfAnotherElementIsRefused405() {
        Submitted s = submitOverIti65(record.durant(), "titre figé".getBytes(StandardCharsets.UTF_8));
        BaseServerResponseException json = refused(405, "METADATA_UPDATE_ERROR", () -> patchJson(record.durant(), s.id(),
                "[{\"op\":\"replace\",\"path\":\"/description\",\"value\":\"autre\"}]"));
        assertTrue(json.getMessage().contains("/description"), json.getMessage());
        BaseServerResponseException fhirPath = refused(405, "METADATA_UPDATE_ERROR", () -> patchFhirPath(record.durant(), s.id(),
                operation(new Parameters(), "replace", "DocumentReference.type.coding.code", null, new CodeType("57833-6"))));
        assertTrue(fhirPath.getMessage().contains("DocumentReference.type"), fhirPath.getMessage());
        refused(405, "METADATA_UPDATE_ERROR", () -> patchJson(record.durant(), s.id(),
                "[{\"op\":\"add\",\"path\":\"/extension\",\"value\":[{\"url\":\"urn:autre\",\"valueBoolean\":true}]}]"));
        refused(412, "METADATA_VERSION_ERROR", () -> fhir(record.durant()).patch().withBody(MASK)
                .withId("DocumentReference/" + s.id()).withAdditionalHeader("If-Match", "W/\"7\"").execute());
        assertEquals("11488-4", foundOverSoap(record.durant()).get(0).getTypeCode().getCode(), "nothing changed");
    }

    // ------------------------------------------------------------------ DELETE

    @Test
    void deleteByANonAuthorIs403ByTheAuthor204ThenNotFound() {
        Submitted s = submitOverIti65(record.durant(), "à supprimer".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> other = rawDelete(record.otherDoctor(), s.id());
        assertEquals(403, other.statusCode(), other.body());
        assertTrue(other.body().contains("NOT_AUTHOR"), other.body());
        assertEquals(List.of(s.uniqueId()), uniqueIdsOverSoap(record.durant()));
        HttpResponse<String> stale = rawDelete(record.durant(), s.id(), "W/\"7\"");
        assertEquals(412, stale.statusCode(), stale.body());
        assertEquals(List.of(s.uniqueId()), uniqueIdsOverSoap(record.durant()), "If-Match of another version: nothing deleted");

        HttpResponse<String> author = rawDelete(record.durant(), s.id(), "W/\"1\"");
        assertEquals(204, author.statusCode(), author.body());
        assertTrue(foundOverSoap(record.durant(), AvailabilityStatus.APPROVED, AvailabilityStatus.DEPRECATED).isEmpty());
        assertTrue(foundOverSoap(record.otherDoctor()).isEmpty());
        assertTrue(foundOverFhir(record.durant()).isEmpty(), "deleted: not found over ITI-67 either");
        assertEquals(404, rawDelete(record.durant(), s.id()).statusCode(), "deleted: not found any more");
        refused(404, "UNKNOWN_DOCUMENT", () -> patchJson(record.durant(), s.id(), MASK));
    }
}
