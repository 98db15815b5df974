package org.dmpgateway.server;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.gclient.TokenClientParam;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dmpgateway.model.access.AccessMode;
import org.dmpgateway.model.PatientRecordState;
import org.dmpgateway.server.support.TestRecord;
import org.dmpgateway.server.support.FhirAnswerValidator;
import org.dmpgateway.server.support.AdminClient;
import org.dmpgateway.server.support.FhirClient;
import org.dmpgateway.server.support.FhirSamples;
import org.dmpgateway.server.support.FhirToken;
import org.dmpgateway.server.support.SampleSubmissions;
import org.dmpgateway.server.support.TestPatients;
import org.dmpgateway.server.support.Vihf;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 13, the rules that could be walked around and the traces that missed, against the running
 * server (sandbox mode, over FHIR with HAPI's generic client and plain HTTP): every /admin change
 * is in the patient's history; a break-glass justification of invisible characters is refused; only
 * a doctor uses the SAMU regulation mode; a probe on another patient is traced in that patient's
 * history; a refused DELETE or PATCH is traced as such, never as a query; a refusal answered 400
 * is traced. After each, the server still answers a normal search.
 */
@SpringBootTest(classes = DmpGatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:hardening-rules-e2e;DB_CLOSE_DELAY=-1")
@DirtiesContext
class HardeningRulesEndToEndTest {
    static final Coding CLASS_CR = FhirSamples.oid("1.2.250.1.213.1.1.4.1", "10", "Compte rendu");
    static final Coding TYPE_CR = new Coding(FhirSamples.LOINC, "11488-4", "CR ou fiche de consultation ou de visite");
    static final String JUSTIFICATION = "patient inconscient aux urgences";
    static final String NURSE = "810004444444";
    static final String PHARMACIST = "810005555555";

    @LocalServerPort
    int port;

    TestRecord record;
    AdminClient admin;
    String ins;

    @BeforeEach
    void newRecord() {
        record = TestRecord.create(port);
        admin = record.admin();
        ins = record.ins();
    }

    IGenericClient fhir(Vihf who) {
        return FhirClient.as(port, who);
    }

    String submitReport() {
        String uniqueId = SampleSubmissions.newOid();
        Bundle response = fhir(record.durant()).transaction().withBundle(FhirSamples.provideBundle(ins, record.durant(), CLASS_CR,
                TYPE_CR, false, ("Compte rendu de " + ins).getBytes(StandardCharsets.UTF_8), uniqueId)).execute();
        assertTrue(response.getEntry().stream().allMatch(e -> e.getResponse().getStatus().startsWith("201")));
        return uniqueId;
    }

    /** ITI-67 by {@code who} on patient {@code patientIns}: uniqueId -> DocumentReference id. */
    Map<String, String> documents(Vihf who, String patientIns) {
        Bundle bundle = fhir(who).search().forResource(DocumentReference.class)
                .where(new TokenClientParam("patient.identifier").exactly()
                        .systemAndCode("urn:oid:" + SampleSubmissions.INS_OID, patientIns))
                .and(DocumentReference.STATUS.exactly().code("current"))
                .returnBundle(Bundle.class).execute();
        return bundle.getEntry().stream().map(e -> (DocumentReference) e.getResource())
                .collect(java.util.stream.Collectors.toMap(d -> d.getMasterIdentifier().getValue().replace("urn:oid:", ""),
                        d -> d.getIdElement().getIdPart()));
    }

    List<String> found(Vihf who) {
        return documents(who, ins).keySet().stream().sorted().toList();
    }

    List<Map<String, Object>> traces(String patientIns) throws Exception {
        return new ObjectMapper().readValue(admin.traces(patientIns), new TypeReference<>() {
        });
    }

    static void assertRefused(int status, String code, Runnable request) {
        BaseServerResponseException e = assertThrows(BaseServerResponseException.class, request::run);
        assertEquals(status, e.getStatusCode(), e.getMessage());
        assertTrue(e.getMessage().contains(code) || String.valueOf(e.getResponseBody()).contains(code),
                () -> "expected " + code + ": " + e.getMessage() + " " + e.getResponseBody());
    }

    static Predicate<Map<String, Object>> trace(String actorId, String action, String outcome) {
        return t -> actorId.equals(t.get("actorId")) && action.equals(t.get("action")) && outcome.equals(t.get("outcome"));
    }

    /** The server still answers a normal search after the hostile request. */
    void stillServes(String uniqueId) {
        assertEquals(List.of(uniqueId), found(record.durant()));
    }

    HttpResponse<String> raw(String method, String pathAndQuery, Vihf who, String contentType, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(FhirClient.base(port) + pathAndQuery))
                .header("Authorization", "Bearer " + FhirToken.of(who)).header("Accept", "application/fhir+json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return FhirAnswerValidator.assertValid(HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    // ------------------------------------------------------------------ /admin

    @Test
    void everyAdminChangeIsInThePatientsHistory() throws Exception {
        admin.settings(ins, "{\"samuAccessAllowed\": false}");
        admin.block(ins, Vihf.OTHER_DOCTOR);
        admin.setState(ins, PatientRecordState.CLOSED);
        List<Map<String, Object>> history = traces(ins);
        List<String> details = history.stream().filter(trace("admin-api", "ADMINISTRATION", "SUCCESS"))
                .map(t -> String.valueOf(t.get("detail"))).toList();
        assertEquals(5, details.size(), () -> "created, Dr DURANT authorised, settings, block, state: " + history);
        assertTrue(details.get(details.size() - 1).startsWith("record created"), details::toString);
        assertTrue(details.stream().anyMatch(d -> d.contains(Vihf.DURANT) && d.contains("AUTHORIZED")), details::toString);
        assertTrue(details.stream().anyMatch(d -> d.contains("samuAccessAllowed=false")), details::toString);
        assertTrue(details.stream().anyMatch(d -> d.contains(Vihf.OTHER_DOCTOR) && d.contains("BLOCKED")), details::toString);
        // the closure reason the record keeps (TD1.4 default: closed at the patient's request)
        assertEquals("state ACTIVATED -> CLOSED (FERMETURE_DEMANDE_PATIENT)", details.get(0));
    }

    // ------------------------------------------------------------------ rules

    @Test
    void aBreakGlassJustificationOfInvisibleCharactersIsRefused() throws Exception {
        String doc = submitReport();
        Vihf emergency = record.durant().asOtherDoctor().withMode(AccessMode.BREAK_GLASS);
        for (String invisible : List.of("\u00A0", "\u200B", "\u00A0\u200B\u2060\uFEFF\u3000", "\u200Burgence\u200B")) {
            assertRefused(403, "BREAK_GLASS_JUSTIFICATION_MISSING", () -> found(emergency.withJustification(invisible)));
        }
        assertTrue(traces(ins).stream().filter(trace(Vihf.OTHER_DOCTOR, "QUERY", "BREAK_GLASS_JUSTIFICATION_MISSING"))
                .count() >= 4);
        assertEquals(List.of(doc), found(emergency.withJustification(JUSTIFICATION)), "a real justification passes");
        assertEquals(List.of(doc), found(emergency.withJustification("arrêt\u00A0cardiaque\u200B")),
                "non-breaking spaces between words are spaces");
        stillServes(doc);
    }

    @Test
    void onlyADoctorUsesTheSamuRegulationMode() throws Exception {
        String doc = submitReport();
        Vihf nurse = record.durant().as(NURSE, "MARTIN, Julie", Vihf.INFIRMIER, null).withMode(AccessMode.SAMU_REGULATION);
        Vihf pharmacist = record.durant().as(PHARMACIST, "LEROY, Paul", Vihf.PHARMACIEN, null)
                .withMode(AccessMode.SAMU_REGULATION);
        assertRefused(403, "HABILITATION_DENIED", () -> found(nurse));
        assertRefused(403, "HABILITATION_DENIED", () -> found(pharmacist));
        List<Map<String, Object>> history = traces(ins);
        assertTrue(history.stream().anyMatch(trace(NURSE, "QUERY", "HABILITATION_DENIED")), history::toString);
        assertTrue(history.stream().anyMatch(trace(PHARMACIST, "QUERY", "HABILITATION_DENIED")), history::toString);
        Vihf regulator = record.durant().asOtherDoctor().withMode(AccessMode.SAMU_REGULATION);
        assertEquals(List.of(doc), found(regulator), "a doctor (profession 10) regulates");
        stillServes(doc);
    }

    // ------------------------------------------------------------------ traces

    @Test
    void aProbeOnAnotherPatientIsTracedInThatPatientsHistory() throws Exception {
        String doc = submitReport();
        String other = TestPatients.newIns();
        admin.createPatient(other, PatientRecordState.ACTIVATED);
        assertRefused(400, "ACCESS_PATIENT_MISMATCH", () -> documents(record.durant(), other));
        assertTrue(traces(other).stream().anyMatch(trace(Vihf.DURANT, "QUERY", "ACCESS_PATIENT_MISMATCH")),
                "the probe is in the targeted record's history");
        assertTrue(traces(ins).stream().noneMatch(t -> "ACCESS_PATIENT_MISMATCH".equals(t.get("outcome"))),
                "and not in the caller's own patient's");
        stillServes(doc);
    }

    @Test
    void aRefusedDeleteOrPatchIsTracedAsSuchNeverAsAQuery() throws Exception {
        String doc = submitReport();
        String id = documents(record.durant(), ins).get(doc);
        Vihf stranger = record.durant().asOtherDoctor();
        HttpResponse<String> delete = raw("DELETE", "/DocumentReference/" + id, stranger, null, null);
        assertEquals(403, delete.statusCode(), delete.body());
        HttpResponse<String> patch = raw("PATCH", "/DocumentReference/" + id, stranger, "application/json-patch+json",
                "[{\"op\":\"add\",\"path\":\"/securityLabel\",\"value\":[{\"coding\":[{\"system\":"
                        + "\"urn:oid:1.2.250.1.213.1.1.4.13\",\"code\":\"MASQUE_PS\"}]}]}]");
        assertEquals(403, patch.statusCode(), patch.body());
        HttpResponse<String> unknown = raw("DELETE", "/DocumentReference/" + java.util.UUID.randomUUID(), record.durant(),
                null, null);
        assertEquals(404, unknown.statusCode(), unknown.body());

        List<Map<String, Object>> history = traces(ins);
        assertTrue(history.stream().anyMatch(trace(Vihf.OTHER_DOCTOR, "DELETE", "PS_NOT_AUTHORIZED")), history::toString);
        assertTrue(history.stream().anyMatch(trace(Vihf.OTHER_DOCTOR, "UPDATE", "PS_NOT_AUTHORIZED")), history::toString);
        assertTrue(history.stream().anyMatch(trace(Vihf.DURANT, "DELETE", "UNKNOWN_DOCUMENT")), history::toString);
        assertTrue(history.stream().noneMatch(t -> Vihf.OTHER_DOCTOR.equals(t.get("actorId"))
                && "QUERY".equals(t.get("action"))), () -> "no query trace for a refused change: " + history);
        long durantQueries = history.stream().filter(trace(Vihf.DURANT, "QUERY", "SUCCESS")).count();
        assertEquals(1, durantQueries, () -> "only the search of the test itself: " + history);
        stillServes(doc);
    }

    @Test
    void aRefusalAnswered400IsTraced() throws Exception {
        String doc = submitReport();
        String id = documents(record.durant(), ins).get(doc);
        HttpResponse<String> badSearch = raw("GET", "/DocumentReference?patient.identifier="
                + URLEncoder.encode("urn:oid:" + SampleSubmissions.INS_OID + "|" + ins, StandardCharsets.UTF_8)
                + "&status=not-a-status", record.durant(), null, null);
        assertEquals(400, badSearch.statusCode(), badSearch.body());
        HttpResponse<String> badPatch = raw("PATCH", "/DocumentReference/" + id, record.durant(),
                "application/json-patch+json", "{\"this is\": \"not a JSON Patch\"}");
        assertEquals(4, badPatch.statusCode() / 100, badPatch.body());

        List<Map<String, Object>> history = traces(ins);
        assertTrue(history.stream().anyMatch(t -> Vihf.DURANT.equals(t.get("actorId")) && "QUERY".equals(t.get("action"))
                && "INVALID_QUERY_PARAMETER".equals(t.get("outcome"))), history::toString);
        assertTrue(history.stream().anyMatch(t -> Vihf.DURANT.equals(t.get("actorId")) && "UPDATE".equals(t.get("action"))
                && !"SUCCESS".equals(t.get("outcome"))), history::toString);
        stillServes(doc);
    }
}
