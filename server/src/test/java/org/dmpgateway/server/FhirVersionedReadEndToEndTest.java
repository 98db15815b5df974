package org.dmpgateway.server;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.dmpgateway.server.support.TestRecord;
import org.dmpgateway.server.support.FhirClient;
import org.dmpgateway.server.support.FhirWriteSamples;
import org.dmpgateway.server.support.SampleSubmissions;
import org.dmpgateway.server.support.Vihf;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.ListResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Versioned reads ({@code GET DocumentReference/<id>/_history/<v>}) with HAPI's generic client
 * (issue 12): the version a DocumentReference advertises in meta.versionId (and the 201's
 * Location) is readable; every id has that one version (ITI-57 gives a new version a new id), so
 * any other version is 404 with an OperationOutcome, as for an unknown id (docs/fhir.md).
 */
@SpringBootTest(classes = DmpGatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:fhir-vread-e2e;DB_CLOSE_DELAY=-1")
@DirtiesContext
class FhirVersionedReadEndToEndTest {
    static final String MASK = "[{\"op\":\"add\",\"path\":\"/securityLabel/-\",\"value\":{\"coding\":[{\"system\":\""
            + FhirWriteSamples.A07 + "\",\"code\":\"MASQUE_PS\"}]}}]";

    @LocalServerPort
    int port;

    String ins;
    IGenericClient fhir;

    @BeforeEach
    void newRecord() {
        TestRecord record = TestRecord.create(port);
        ins = record.ins();
        fhir = FhirClient.as(port, record.durant());
    }

    DocumentReference vread(String id, String version) {
        return fhir.read().resource(DocumentReference.class).withIdAndVersion(id, version).execute();
    }

    static void assertNotFound(Runnable call, String... fragments) {
        BaseServerResponseException e = assertThrows(BaseServerResponseException.class, call::run);
        assertEquals(404, e.getStatusCode(), e::getMessage);
        OperationOutcome outcome = (OperationOutcome) e.getOperationOutcome();
        assertNotNull(outcome, "an OperationOutcome comes with the 404");
        assertEquals("UNKNOWN_DOCUMENT", outcome.getIssueFirstRep().getDetails().getCodingFirstRep().getCode());
        for (String fragment : fragments) {
            assertTrue(outcome.getIssueFirstRep().getDiagnostics().contains(fragment),
                    outcome.getIssueFirstRep().getDiagnostics());
        }
    }

    @Test
    void theLocationOfACreateAndTheAdvertisedVersionIdAreReadable() {
        DocumentReference doc = FhirWriteSamples.simplifiedPublish(ins, Vihf.doctor(ins),
                "Publication simplifiée".getBytes(StandardCharsets.UTF_8));
        IdType location = (IdType) fhir.create().resource(doc).execute().getId();
        assertEquals("1", location.getVersionIdPart(), "201 Location: DocumentReference/<id>/_history/1");

        DocumentReference read = fhir.read().resource(DocumentReference.class).withId(location.getIdPart()).execute();
        assertEquals("1", read.getMeta().getVersionId());
        DocumentReference versioned = fhir.read().resource(DocumentReference.class).withUrl(location).execute();
        assertEquals(location.getIdPart(), versioned.getIdElement().getIdPart());
        assertEquals("1", versioned.getMeta().getVersionId());
        assertEquals(read.getMasterIdentifier().getValue(), versioned.getMasterIdentifier().getValue());

        assertNotFound(() -> vread(location.getIdPart(), "2"), "has no version '2'", "its only version is 1");
        assertNotFound(() -> vread("0b5c8f44-0000-4000-8000-000000000000", "1"));
    }

    @Test
    void afterAPatchEachIdReadsAtItsOwnVersionOnly() {
        DocumentReference doc = FhirWriteSamples.simplifiedPublish(ins, Vihf.doctor(ins),
                "Compte rendu à masquer".getBytes(StandardCharsets.UTF_8));
        String first = fhir.create().resource(doc).execute().getId().getIdPart();
        DocumentReference masked = (DocumentReference) fhir.patch().withBody(MASK)
                .withId("DocumentReference/" + first).execute().getResource();
        String second = masked.getIdElement().getIdPart();
        assertNotEquals(first, second, "ITI-57: the new metadata version has a new entryUUID, hence a new id");
        assertEquals("2", masked.getMeta().getVersionId());

        assertEquals("2", vread(second, "2").getMeta().getVersionId());
        assertEquals("1", vread(first, "1").getMeta().getVersionId(), "the previous version keeps its id");
        assertNotFound(() -> vread(second, "1"), "its only version is 2");
        assertNotFound(() -> vread(first, "2"), "its only version is 1");
    }

    @Test
    void aSubmissionSetHasNoVersionToRead() {
        String uniqueId = SampleSubmissions.newOid();
        Vihf durant = Vihf.doctor(ins);
        DocumentReference doc = FhirWriteSamples.document(ins, durant, uniqueId, "CR de consultation");
        Bundle response = fhir.transaction().withBundle(FhirWriteSamples.provideBundle(ins, durant, doc,
                "Compte rendu".getBytes(StandardCharsets.UTF_8))).execute();
        String listId = response.getEntry().stream().map(e -> e.getResponse().getLocation())
                .filter(l -> l.startsWith("List/")).findFirst().orElseThrow().split("/")[1];
        ListResource set = fhir.read().resource(ListResource.class).withId(listId).execute();
        assertFalse(set.getMeta().hasVersionId(), "a submission set is never updated: no versionId");
        assertNotFound(() -> fhir.read().resource(ListResource.class).withIdAndVersion(listId, "1").execute(),
                "it has no versionId");
    }
}
