package org.dmpgateway.server;

import org.dmpgateway.model.access.AccessMode;
import org.dmpgateway.server.support.PatientPortalClient.Answer;
import org.dmpgateway.server.support.SampleSubmissions;
import org.dmpgateway.server.support.Vihf;
import org.dmpgateway.server.support.XdsClient;
import org.hl7.fhir.r4.model.DocumentReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.requests.ProvideAndRegisterDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.responses.QueryResponse;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Response;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.dmpgateway.server.support.XdsAnswers.describe;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the signed-in patient decides about their record, end to end (issue 15, docs/patient-api.md
 * "The patient's record"): their documents (list by category, content, hidden from professionals,
 * one or all), the professionals' lists (block, unblock, admin doctor) and the emergency switches;
 * after each decision the professionals' answers over SOAP (IPF producers, VIHF) and FHIR (HAPI
 * client), and the decision in the record's history. Subclasses choose the database.
 */
abstract class PatientRecordEndToEndTestBase extends PatientPortalEndToEndSupport {
    static final String REPORT = "Compte rendu de consultation";
    static final String PRESCRIPTION = "Ordonnance";

    String token;
    Vihf durant;
    Vihf petit;
    Vihf lambert;

    @BeforeEach
    void signedInWithProfessionals() {
        token = activatedAndSignedIn();
        durant = Vihf.doctor(ins);
        petit = durant.asOtherDoctor();
        lambert = durant.asAdminDoctor();
        admin.authorise(ins, petit, false);
        admin.authorise(ins, lambert, false);
    }

    // ------------------------------------------------------------------ documents

    @Test
    void documentsAreListedByCategoryDownloadedAndHiddenFromProfessionals() {
        ProvideAndRegisterDocumentSet pnr = SampleSubmissions.twoDocumentsAndFolder(ins,
                SampleSubmissions.text(REPORT + " " + ins), SampleSubmissions.text(PRESCRIPTION));
        String report = uniqueId(pnr, 0);
        String prescription = uniqueId(pnr, 1);
        submittedByDurant(pnr);

        List<Map<String, Object>> documents = portal.list("/me/documents", token);
        assertEquals(Set.of(report, prescription), uniqueIds(documents));
        Map<String, Object> reportLine = line(documents, report);
        assertEquals("COMPTES_RENDUS", reportLine.get("category"));
        assertEquals("Comptes rendus", reportLine.get("categoryLabel"));
        assertEquals(List.of("Romuald DURANT"), reportLine.get("authors"));
        assertEquals(false, reportLine.get("hidden"));
        assertEquals("ORDONNANCES_ET_SOINS", line(documents, prescription).get("category"));
        assertEquals(Set.of(prescription), uniqueIds(portal.list("/me/documents?category=ORDONNANCES_ET_SOINS", token)));
        assertError(portal.get("/me/documents?category=RADIO", token), 400, "INVALID_FIELD", "category");
        assertError(portal.get("/me/documents", null), 401, "UNAUTHENTICATED", "Authorization");
        assertError(portal.get("/me/documents", "pas-un-jeton"), 401, "UNAUTHENTICATED", "Authorization");
        // a stale token on a call before login is ignored: the call is open and the core answers it
        assertError(portal.post("/provisional-code", Map.of("nir", ins, "cardType", "WITHOUT_PHOTO",
                "serialNumber", serial), "pas-un-jeton"), 409, "STATE_CONFLICT", "nir");

        String id = String.valueOf(reportLine.get("id"));
        HttpResponse<byte[]> content = portal.bytes("/me/documents/" + id + "/content", token);
        assertEquals(200, content.statusCode());
        assertEquals("text/plain", content.headers().firstValue("Content-Type").orElseThrow());
        assertArrayEquals((REPORT + " " + ins).getBytes(StandardCharsets.UTF_8), content.body());

        assertTrue(seesOverSoapAndFhir(petit).contains(report));
        Answer hidden = portal.put("/me/documents/" + id + "/visibility", Map.of("hidden", true), token).ok();
        assertEquals("true", hidden.get("hidden"));
        assertEquals(id, hidden.get("id"), "the document keeps its id across its metadata versions");
        assertEquals(Set.of(prescription), seesOverSoapAndFhir(petit), "hidden from an authorised professional");
        assertEquals(Set.of(report, prescription), seesOverSoapAndFhir(durant), "its author still sees it");
        assertEquals(Set.of(report, prescription), uniqueIds(portal.list("/me/documents", token)), "the patient too");

        portal.put("/me/professionals/" + Vihf.ADMIN_DOCTOR + "/admin-doctor", Map.of("adminDoctor", true), token).ok();
        assertTrue(seesOverSoapAndFhir(lambert).contains(report), "the admin doctor reads masked documents");
        portal.put("/me/professionals/" + Vihf.ADMIN_DOCTOR + "/admin-doctor", Map.of("adminDoctor", false), token)
                .ok();
        assertFalse(seesOverSoapAndFhir(lambert).contains(report));

        assertEquals("false", portal.put("/me/documents/" + id + "/visibility", Map.of("hidden", false), token).ok()
                .get("hidden"));
        assertEquals(Set.of(report, prescription), seesOverSoapAndFhir(petit), "visible again");

        assertEquals("true", portal.put("/me/documents/visibility", Map.of("hidden", true), token).ok().get("hidden"));
        assertEquals(Set.of(), seesOverSoapAndFhir(petit), "every document hidden");
        assertEquals(Set.of(report, prescription), seesOverSoapAndFhir(durant));
        portal.put("/me/documents/visibility", Map.of("hidden", false), token).ok();
        assertEquals(Set.of(report, prescription), seesOverSoapAndFhir(petit));

        ProvideAndRegisterDocumentSet secret = SampleSubmissions.single(ins, SampleSubmissions.text("Annonce"));
        secret.getDocuments().get(0).getDocumentEntry().getConfidentialityCodes().add(SampleSubmissions.code(
                "INVISIBLE_PATIENT", "Non visible par le patient", "1.2.250.1.213.1.1.4.13"));
        submittedByDurant(secret);
        assertTrue(seesOverSoapAndFhir(petit).contains(uniqueId(secret, 0)));
        assertEquals(Set.of(report, prescription), uniqueIds(portal.list("/me/documents", token)),
                "never a document marked INVISIBLE_PATIENT");

        assertError(portal.put("/me/documents/" + id + "/visibility", Map.of(), token), 400, "INVALID_FIELD", "hidden");
        assertError(portal.put("/me/documents/0f8fad5b-d9cb-469f-a165-70867728950e/visibility",
                Map.of("hidden", true), token), 404, "UNKNOWN_DOCUMENT", "documentId");
        assertError(portal.get("/me/documents/pas-un-uuid/content", token), 400, "INVALID_FIELD", "documentId");
        List<String> history = historyDetails(token);
        assertTrue(history.contains("document " + report + " downloaded by the patient"), history::toString);
        assertTrue(history.contains("document " + report + " hidden from professionals by the patient (version 2, "
                + "+MASQUE_PS)"), history::toString);
        assertTrue(history.contains("document " + report + " visible to professionals again by the patient "
                + "(version 3, -MASQUE_PS)"), history::toString);
        assertTrue(history.contains("professional " + Vihf.ADMIN_DOCTOR + " named admin doctor by the patient"),
                history::toString);
    }

    // ------------------------------------------------------------------ professionals

    @Test
    void aBlockedProfessionalIsRefusedOverSoapAndFhirAndMustBeAuthorisedAgainOnceUnblocked() {
        Answer lists = portal.get("/me/professionals", token).ok();
        assertTrue(lists.text().contains("\"actorId\":\"" + Vihf.OTHER_DOCTOR + "\""), lists.text());
        assertTrue(lists.text().contains("\"blocked\":[]"), lists.text());

        Answer blocked = portal.post("/me/professionals/" + Vihf.OTHER_DOCTOR + "/block", Map.of(), token).ok();
        assertEquals("BLOCKED", blocked.get("status"));
        soapRefuses(petit, "PS_BLOCKED");
        fhirRefuses(petit, "PS_BLOCKED", 403);
        soapRefuses(petit.withMode(AccessMode.BREAK_GLASS).withJustification(EMERGENCY), "PS_BLOCKED");
        String after = portal.get("/me/professionals", token).ok().text();
        assertTrue(after.matches(".*\"blocked\":\\[\\{\"actorId\":\"" + Vihf.OTHER_DOCTOR + "\".*"), after);
        // a professional not on the lists yet can be blocked before a first access
        portal.post("/me/professionals/" + Vihf.DENTIST + "/block", Map.of(), token).ok();
        soapRefuses(durant.asDentist(), "PS_BLOCKED");

        assertEquals(204, portal.delete("/me/professionals/" + Vihf.OTHER_DOCTOR + "/block", token).status());
        soapRefuses(petit, "PS_NOT_AUTHORIZED");
        fhirRefuses(petit, "PS_NOT_AUTHORIZED", 403);
        assertError(portal.delete("/me/professionals/" + Vihf.OTHER_DOCTOR + "/block", token), 404,
                "UNKNOWN_PROFESSIONAL", "actorId");
        admin.authorise(ins, petit, false);
        seesOverSoapAndFhir(petit);

        assertError(portal.put("/me/professionals/" + Vihf.DENTIST + "/admin-doctor", Map.of("adminDoctor", true),
                token), 404, "UNKNOWN_PROFESSIONAL", "actorId");
        assertError(portal.post("/me/professionals/x-1/block", Map.of(), token), 400, "INVALID_FIELD", "actorId");
        List<String> history = historyDetails(token);
        assertTrue(history.contains("professional " + Vihf.OTHER_DOCTOR + " blocked by the patient (was authorised)"),
                history::toString);
        assertTrue(history.contains("professional " + Vihf.OTHER_DOCTOR + " unblocked by the patient (to be "
                + "authorised again)"), history::toString);
    }

    // ------------------------------------------------------------------ emergency switches

    static final String EMERGENCY = "Patient inconscient aux urgences, antécédents nécessaires";

    @Test
    void theEmergencySwitchesAllowOrForbidBreakGlassAndSamuAccess() {
        Vihf stranger = durant.as("810009999999", "MARTIN, Paul", Vihf.MEDECIN, Vihf.MEDECINE_GENERALE);
        Vihf breakGlass = stranger.withMode(AccessMode.BREAK_GLASS).withJustification(EMERGENCY);
        Vihf samu = stranger.withMode(AccessMode.SAMU_REGULATION);
        Answer defaults = portal.get("/me/emergency-access", token).ok();
        assertEquals("true", defaults.get("samuAccess"));
        assertEquals("true", defaults.get("breakGlassAccess"));
        assertEquals("false", defaults.get("maskedDocumentsInEmergency"));
        seesOverSoapAndFhir(breakGlass);
        seesOverSoapAndFhir(samu);

        Answer off = portal.put("/me/emergency-access", Map.of("breakGlassAccess", false), token).ok();
        assertEquals("false", off.get("breakGlassAccess"));
        assertEquals("true", off.get("samuAccess"), "a switch not sent stays as it is");
        soapRefuses(breakGlass, "BREAK_GLASS_DISABLED");
        fhirRefuses(breakGlass, "BREAK_GLASS_DISABLED", 403);
        seesOverSoapAndFhir(samu);

        portal.put("/me/emergency-access", Map.of("samuAccess", false, "breakGlassAccess", true), token).ok();
        soapRefuses(samu, "SAMU_ACCESS_DISABLED");
        fhirRefuses(samu, "SAMU_ACCESS_DISABLED", 403);
        seesOverSoapAndFhir(breakGlass);

        ProvideAndRegisterDocumentSet pnr = SampleSubmissions.single(ins, SampleSubmissions.text(REPORT));
        submittedByDurant(pnr);
        String id = String.valueOf(portal.list("/me/documents", token).get(0).get("id"));
        portal.put("/me/documents/" + id + "/visibility", Map.of("hidden", true), token).ok();
        assertEquals(Set.of(), seesOverSoapAndFhir(breakGlass), "masked documents stay hidden in an emergency");
        portal.put("/me/emergency-access", Map.of("maskedDocumentsInEmergency", true), token).ok();
        assertEquals(Set.of(uniqueId(pnr, 0)), seesOverSoapAndFhir(breakGlass), "the patient lets them through");

        assertError(portal.put("/me/emergency-access", Map.of(), token), 400, "INVALID_FIELD", "samuAccess");
        List<String> history = historyDetails(token);
        assertTrue(history.contains("emergency switches changed by the patient: break-glass access forbidden"),
                history::toString);
        assertTrue(history.contains("emergency switches changed by the patient: SAMU (centre 15) access forbidden, "
                + "break-glass access allowed"), history::toString);
    }

    // ------------------------------------------------------------------ helpers

    void submittedByDurant(ProvideAndRegisterDocumentSet pnr) {
        Response r = xds().submit(pnr);
        assertEquals(Status.SUCCESS, r.getStatus(), () -> describe(r.getErrors()));
    }

    static String uniqueId(ProvideAndRegisterDocumentSet pnr, int index) {
        return pnr.getDocuments().get(index).getDocumentEntry().getUniqueId();
    }

    static Set<String> uniqueIds(List<Map<String, Object>> documents) {
        return documents.stream().map(d -> String.valueOf(d.get("uniqueId"))).collect(Collectors.toSet());
    }

    static Map<String, Object> line(List<Map<String, Object>> documents, String uniqueId) {
        return documents.stream().filter(d -> uniqueId.equals(d.get("uniqueId"))).findFirst().orElseThrow();
    }

    /** The documents {@code who} finds, the same over SOAP (ITI-18) and FHIR (ITI-67): their uniqueIds. */
    Set<String> seesOverSoapAndFhir(Vihf who) {
        QueryResponse soap = new XdsClient(producer, port).as(who).query(find());
        assertEquals(Status.SUCCESS, soap.getStatus(), () -> describe(soap.getErrors()));
        Set<String> overSoap = soap.getDocumentEntries().stream().map(DocumentEntry::getUniqueId)
                .collect(Collectors.toSet());
        Set<String> overFhir = fhirSearch(who).getEntry().stream()
                .map(e -> ((DocumentReference) e.getResource()).getMasterIdentifier().getValue())
                .map(v -> v.startsWith("urn:oid:") ? v.substring("urn:oid:".length()) : v)
                .collect(Collectors.toSet());
        assertEquals(overSoap, overFhir, "SOAP and FHIR answer the same documents");
        return overSoap;
    }

    void soapRefuses(Vihf who, String dmpCode) {
        QueryResponse r = new XdsClient(producer, port).as(who).query(find());
        assertEquals(Status.FAILURE, r.getStatus());
        assertTrue(r.getErrors().stream().anyMatch(e -> e.getCodeContext() != null
                && e.getCodeContext().startsWith(dmpCode + ":")), () -> describe(r.getErrors()));
    }
}
