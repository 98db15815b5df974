package org.dmpgateway.server;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dmpgateway.fhir.FhirServerConfiguration;
import org.dmpgateway.mappings.fhir.audit.AuditEventMapper;
import org.dmpgateway.server.support.OneRecordPerTest;
import org.dmpgateway.server.support.TestRecord;
import org.dmpgateway.server.support.FhirAnswerValidator;
import org.dmpgateway.server.support.FhirClient;
import org.dmpgateway.server.support.FhirToken;
import org.dmpgateway.server.support.SampleSubmissions;
import org.dmpgateway.server.support.Vihf;
import org.dmpgateway.server.support.XdsClient;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.requests.ProvideAndRegisterDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.FindDocumentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetDocumentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorInfo;
import org.openehealth.ipf.commons.ihe.xds.core.responses.QueryResponse;
import org.openehealth.ipf.commons.ihe.xds.core.responses.RetrievedDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.dmpgateway.server.support.SampleSubmissions.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The record's history against the running server (sandbox mode, IPF's XDS producers, HAPI's
 * generic client, plain HTTP): every trace keeps the caller's software with its LPS_ID and DMP
 * homologation number (issue 21), readable through the admin API and the FHIR AuditEvent; a probe
 * by document id on another patient's document (ITI-18 GetDocuments, ITI-43, FHIR read of
 * DocumentReference and Binary) is answered exactly as an unknown document and traced, refused, in
 * the history of the patient who owns the document (issue 13, item 7).
 */
@SpringBootTest(classes = DmpGatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:access-trail-e2e;DB_CLOSE_DELAY=-1")
@DirtiesContext
class AccessTrailEndToEndTest extends OneRecordPerTest {
    /** What {@link Vihf#toElement()} declares: LPS_Nom LPS_Version, LPS_ID, LPS_ID_HOMOLOGATION_DMP. */
    static final Map<String, Object> VIHF_SOFTWARE = Map.of("name", "DMP Gateway tests 1.0", "lpsId", "DMPGW-TESTS-01",
            "homologationDmp", "NumAutorisation");

    /** One document submitted over SOAP by Dr DURANT in {@code patient}'s record; its stored entry. */
    DocumentEntry submitted(String patient) {
        ProvideAndRegisterDocumentSet pnr = single(patient, text("Compte rendu de " + patient));
        assertEquals(Status.SUCCESS, xds.as(Vihf.doctor(patient)).submit(pnr).getStatus());
        GetDocumentsQuery q = new GetDocumentsQuery();
        q.setUniqueIds(List.of(pnr.getDocuments().get(0).getDocumentEntry().getUniqueId()));
        List<DocumentEntry> entries = xds.as(Vihf.doctor(patient)).query(q).getDocumentEntries();
        assertEquals(1, entries.size());
        return entries.get(0);
    }

    List<Map<String, Object>> traces(String patient) throws Exception {
        return new ObjectMapper().readValue(admin.traces(patient), new TypeReference<>() {
        });
    }

    static Predicate<Map<String, Object>> trace(String action, String outcome) {
        return t -> Vihf.DURANT.equals(t.get("actorId")) && action.equals(t.get("action"))
                && outcome.equals(t.get("outcome"));
    }

    List<AuditEvent> auditEvents(String patient) {
        new TestRecord(admin, patient).authoriseAsAdminDoctor(Vihf.doctor(patient).asAdminDoctor());
        IGenericClient fhir = FhirClient.as(port, Vihf.doctor(patient).asAdminDoctor());
        Bundle b = fhir.search().forResource(AuditEvent.class)
                .where(AuditEvent.PATIENT.hasId("Patient/" + patient + "-" + INS_OID))
                .returnBundle(Bundle.class).execute();
        return b.getEntry().stream().map(e -> (AuditEvent) e.getResource()).toList();
    }

    static AuditEvent.AuditEventAgentComponent softwareAgent(AuditEvent event) {
        return event.getAgent().stream().filter(a -> a.getType().getCoding().stream()
                .anyMatch(c -> "110150".equals(c.getCode()))).findFirst().orElseThrow(() -> new AssertionError(
                "no software agent on " + event.getSubtypeFirstRep().getCode()));
    }

    HttpResponse<String> fhirGet(String path, String bearer) throws Exception {
        return FhirAnswerValidator.assertValid(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(FhirClient.base(port) + path))
                .header("Authorization", "Bearer " + bearer).header("Accept", "application/fhir+json").GET().build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    // ------------------------------------------------------------------ issue 21: the caller's software

    @Test
    void everyTraceKeepsTheSoftwareAndItsDmpHomologationNumber() throws Exception {
        String uniqueId = submitted(ins).getUniqueId();
        FindDocumentsQuery find = new FindDocumentsQuery();
        find.setPatientId(patient(ins));
        find.setStatus(List.of(org.openehealth.ipf.commons.ihe.xds.core.metadata.AvailabilityStatus.APPROVED));
        assertEquals(Status.SUCCESS, xds.as(Vihf.doctor(ins)).query(find).getStatus());

        List<Map<String, Object>> history = traces(ins);
        Map<String, Object> submit = history.stream().filter(trace("SUBMIT", "SUCCESS")).findFirst().orElseThrow();
        assertEquals(VIHF_SOFTWARE, submit.get("software"), history::toString);
        assertTrue(history.stream().filter(trace("QUERY", "SUCCESS")).allMatch(t -> VIHF_SOFTWARE.equals(t.get("software"))),
                history::toString);
        assertTrue(history.stream().filter(t -> "ADMINISTRATION".equals(t.get("action")))
                .allMatch(t -> t.get("software") == null), "an /admin change names no software");

        // a refusal keeps it too
        Vihf breakGlass = Vihf.doctor(ins).asOtherDoctor().withMode(org.dmpgateway.model.access.AccessMode.BREAK_GLASS);
        assertEquals(Status.FAILURE, xds.as(breakGlass).query(find).getStatus());
        Map<String, Object> refused = traces(ins).stream().filter(t -> Vihf.OTHER_DOCTOR.equals(t.get("actorId"))
                && "BREAK_GLASS_JUSTIFICATION_MISSING".equals(t.get("outcome"))).findFirst().orElseThrow();
        assertEquals(VIHF_SOFTWARE, refused.get("software"));

        // the FHIR AuditEvent: an agent of type Application (DICOM 110150) for the software
        AuditEvent submitEvent = auditEvents(ins).stream().filter(e -> "SUBMIT".equals(e.getSubtypeFirstRep().getCode()))
                .findFirst().orElseThrow();
        assertTrue(submitEvent.getEntity().stream().anyMatch(en -> ("urn:oid:" + uniqueId).equals(
                en.getWhat().getIdentifier().getValue())));
        AuditEvent.AuditEventAgentComponent software = softwareAgent(submitEvent);
        assertEquals(AuditEventMapper.HOMOLOGATION_SYSTEM, software.getWho().getIdentifier().getSystem());
        assertEquals("NumAutorisation", software.getWho().getIdentifier().getValue());
        assertEquals("DMPGW-TESTS-01", software.getAltId());
        assertEquals("DMP Gateway tests 1.0", software.getName());
        assertFalse(software.getRequestor());
        assertEquals(Vihf.DURANT, submitEvent.getAgentFirstRep().getWho().getIdentifier().getValue(),
                "the professional stays the first agent");
    }

    @Test
    void theBearerTokensSoftwareClaimsAreTracedTheSameWay() throws Exception {
        Vihf durant = Vihf.doctor(ins);
        String token = FhirToken.hs256(FhirToken.claims(durant).claim("lps_id", "POSTE-12")
                .claim("lps_id_homologation_dmp", "HOMOLOGATION-FHIR-7").build(), FhirServerConfiguration.SANDBOX_SECRET);
        HttpResponse<String> search = fhirGet("/DocumentReference?patient.identifier=urn:oid:" + INS_OID + "%7C" + ins
                + "&status=current", token);
        assertEquals(200, search.statusCode(), search.body());
        HttpResponse<String> plain = fhirGet("/DocumentReference?patient.identifier=urn:oid:" + INS_OID + "%7C" + ins
                + "&status=current&_count=5", FhirToken.of(durant));
        assertEquals(200, plain.statusCode(), plain.body());

        List<Map<String, Object>> queries = traces(ins).stream().filter(trace("QUERY", "SUCCESS")).toList();
        assertTrue(queries.stream().anyMatch(t -> Map.of("name", "DMP Gateway tests 1.0", "lpsId", "POSTE-12",
                "homologationDmp", "HOMOLOGATION-FHIR-7").equals(t.get("software"))), queries::toString);
        java.util.HashMap<String, Object> nameOnly = new java.util.HashMap<>();
        nameOnly.put("name", "DMP Gateway tests 1.0");
        nameOnly.put("lpsId", null);
        nameOnly.put("homologationDmp", null);
        assertTrue(queries.stream().anyMatch(t -> nameOnly.equals(t.get("software"))),
                () -> "a token with the software claim only: the name, no ids " + queries);
    }

    // ------------------------------------------------------------------ issue 13, item 7: probes by document id

    @Test
    void aProbeByDocumentIdIsTracedInTheOwnersHistoryAndAnsweredAsUnknown() throws Exception {
        String owner = TestRecord.create(admin).ins();
        DocumentEntry theirs = submitted(owner);
        String uniqueId = theirs.getUniqueId();
        String entryUuid = theirs.getEntryUuid();
        String unknownUniqueId = SampleSubmissions.newOid();
        String unknownUuid = "urn:uuid:" + UUID.randomUUID();
        XdsClient asA = xds.as(Vihf.doctor(ins));
        int ownerTracesBefore = traces(owner).size();

        // ITI-18 GetDocuments by uniqueId and by entryUUID: nothing, as for an unknown document
        QueryResponse byUniqueId = asA.query(getDocuments(List.of(uniqueId), null));
        QueryResponse byUnknownUniqueId = asA.query(getDocuments(List.of(unknownUniqueId), null));
        QueryResponse byUuid = asA.query(getDocuments(null, List.of(entryUuid)));
        QueryResponse byUnknownUuid = asA.query(getDocuments(null, List.of(unknownUuid)));
        for (QueryResponse r : List.of(byUniqueId, byUnknownUniqueId, byUuid, byUnknownUuid)) {
            assertEquals(Status.SUCCESS, r.getStatus());
            assertTrue(r.getDocumentEntries().isEmpty());
            assertTrue(r.getErrors().isEmpty());
        }

        // ITI-43: UNKNOWN_DOCUMENT, as for an unknown document
        RetrievedDocumentSet retrieved = asA.retrieve(repositoryUniqueId, uniqueId);
        RetrievedDocumentSet retrievedUnknown = asA.retrieve(repositoryUniqueId, unknownUniqueId);
        assertEquals(retrievedUnknown.getStatus(), retrieved.getStatus());
        assertTrue(retrieved.getDocuments().isEmpty());
        assertEquals(errors(retrievedUnknown.getErrors(), unknownUniqueId), errors(retrieved.getErrors(), uniqueId));

        // FHIR read of DocumentReference and Binary (ITI-67 read, ITI-68): 404, as for an unknown id
        String id = entryUuid.replace("urn:uuid:", "");
        String unknownId = unknownUuid.replace("urn:uuid:", "");
        String token = FhirToken.of(Vihf.doctor(ins));
        for (String type : List.of("DocumentReference", "Binary")) {
            HttpResponse<String> read = fhirGet("/" + type + "/" + id, token);
            HttpResponse<String> unknown = fhirGet("/" + type + "/" + unknownId, token);
            assertEquals(404, read.statusCode(), read.body());
            assertEquals(unknown.statusCode(), read.statusCode());
            assertEquals(unknown.body().replace(unknownId, "ID"), read.body().replace(id, "ID"),
                    "the answer does not tell the document exists");
        }

        // the owner's history: each probe, refused, with its real action and the document
        List<Map<String, Object>> ownerHistory = traces(owner);
        List<Map<String, Object>> probes = ownerHistory.subList(0, ownerHistory.size() - ownerTracesBefore).stream()
                .filter(t -> "ACCESS_PATIENT_MISMATCH".equals(t.get("outcome"))).toList();
        assertEquals(3, probes.stream().filter(trace("QUERY", "ACCESS_PATIENT_MISMATCH")).count(),
                () -> "GetDocuments by uniqueId, by entryUUID, FHIR read DocumentReference: " + ownerHistory);
        assertEquals(2, probes.stream().filter(trace("RETRIEVE", "ACCESS_PATIENT_MISMATCH")).count(),
                () -> "ITI-43 and FHIR Binary: " + ownerHistory);
        assertEquals(5, probes.size(), ownerHistory::toString);
        assertEquals(3, probes.stream().filter(t -> VIHF_SOFTWARE.equals(t.get("software"))).count(),
                "the SOAP probes keep the VIHF's LPS_ID and homologation number");
        for (Map<String, Object> probe : probes) {
            assertEquals(List.of(uniqueId), probe.get("documentIds"), probe::toString);
            assertEquals("DMP Gateway tests 1.0", ((Map<?, ?>) probe.get("software")).get("name"), "the caller's software");
            assertFalse(String.valueOf(probe.get("detail")).contains(ins), "the owner's history does not name A");
        }
        // the unknown ids are traced nowhere but in the identity's record, as before
        assertTrue(ownerHistory.stream().noneMatch(t -> String.valueOf(t.get("documentIds")).contains(unknownUniqueId)));
        List<Map<String, Object>> callerHistory = traces(ins);
        assertTrue(callerHistory.stream().noneMatch(t -> "ACCESS_PATIENT_MISMATCH".equals(t.get("outcome"))),
                callerHistory::toString);
        assertTrue(callerHistory.stream().anyMatch(trace("RETRIEVE", "UNKNOWN_DOCUMENT")), callerHistory::toString);

        // and the FHIR AuditEvent of the owner's record shows them as refusals
        List<AuditEvent> events = auditEvents(owner);
        assertEquals(5, events.stream().filter(e -> e.getOutcome() == AuditEvent.AuditEventOutcome._4
                && e.getOutcomeDesc().startsWith("ACCESS_PATIENT_MISMATCH")).count());

        // the owner's own access is unchanged
        assertEquals(1, xds.as(Vihf.doctor(owner)).retrieve(repositoryUniqueId, uniqueId).getDocuments().size());
    }

    static GetDocumentsQuery getDocuments(List<String> uniqueIds, List<String> uuids) {
        GetDocumentsQuery q = new GetDocumentsQuery();
        if (uniqueIds != null) {
            q.setUniqueIds(uniqueIds);
        }
        if (uuids != null) {
            q.setUuids(uuids);
        }
        return q;
    }

    /** The errors of an answer, the document id replaced, to compare two answers. */
    static List<String> errors(List<ErrorInfo> errors, String documentId) {
        return errors.stream().map(e -> e.getErrorCode() + "|" + e.getCodeContext().replace(documentId, "ID") + "|"
                + String.valueOf(e.getLocation()).replace(documentId, "ID") + "|" + e.getSeverity()).toList();
    }
}
