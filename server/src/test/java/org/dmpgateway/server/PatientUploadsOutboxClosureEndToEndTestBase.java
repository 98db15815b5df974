package org.dmpgateway.server;

import com.fasterxml.jackson.core.type.TypeReference;
import org.dmpgateway.mappings.fhir.patient.PatientMapper;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.repository.NotificationOutbox;
import org.dmpgateway.server.support.AdminClient;
import org.dmpgateway.server.support.FhirAnswerValidator;
import org.dmpgateway.server.support.FhirClient;
import org.dmpgateway.server.support.PatientPortalClient.Answer;
import org.dmpgateway.server.support.SampleSubmissions;
import org.dmpgateway.server.support.Vihf;
import org.dmpgateway.server.support.XdsClient;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.responses.QueryResponse;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.dmpgateway.server.support.XdsAnswers.describe;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rest of the patient side, end to end (issue 15). The patient adds documents to their record
 * (docs/patient-api.md "The patient's uploads"): the document goes through the core's submission
 * path with the patient as author, and an authorised professional then finds it over ITI-18 (IPF
 * producer, VIHF) and FHIR ITI-67 (HAPI client, answers validated), coded as a patient-authored
 * document; the patient hides it, deletes it; bad names, types, dates and sizes are refused with a
 * French message naming the field. In sandbox mode the codes e-mailed stay in the outbox and
 * {@code GET /admin/.../outbox} lists them for the conformance kit (outside it: ProductionModeOutboxEndToEndTest;
 * docs/security.md "Secrets in the outbox"). The
 * patient's closure carries its date, reason code and the patient's words in TD0.2 (SOAP, the
 * official request) and FHIR dmp-fermeture. On H2 ({@link PatientUploadsOutboxClosureEndToEndH2Test}) and
 * PostgreSQL ({@link PatientUploadsOutboxClosureEndToEndPostgresTest}).
 */
@TestPropertySource(properties = "dmp.accounts.uploads.max-bytes=64KB")
abstract class PatientUploadsOutboxClosureEndToEndTestBase extends PatientPortalEndToEndSupport {
    static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);

    String token;
    Vihf durant;
    @Autowired
    NotificationOutbox outbox;

    @BeforeEach
    void signedIn() {
        token = activatedAndSignedIn();
        durant = Vihf.doctor(ins);
    }

    @Test
    void anUploadedDocumentIsFoundByProfessionalsOverSoapAndFhirAsThePatientsOwn() {
        Answer added = portal.post("/me/documents", upload("Directives anticipées 2026", "EXPPAT_3", "2026-03-14",
                "application/pdf", PDF), token);
        assertEquals(201, added.status(), added.text());
        String uniqueId = added.get("uniqueId");
        assertEquals("AUTRES", added.get("category"));
        assertEquals("EXPPAT_3", added.get("typeCode"));
        assertEquals("application/pdf", added.get("mimeType"));
        assertEquals(String.valueOf(PDF.length), added.get("size"));
        assertEquals("20260314", added.get("creationTime"));

        // the patient's list and content
        List<Map<String, Object>> mine = portal.list("/me/documents", token);
        assertEquals(List.of(uniqueId), mine.stream().map(d -> String.valueOf(d.get("uniqueId"))).toList());
        HttpResponse<byte[]> content = portal.bytes("/me/documents/" + added.get("id") + "/content", token);
        assertArrayEquals(PDF, content.body());

        // the authorised professional over ITI-18: the patient's own document, coded as such
        QueryResponse soap = new XdsClient(producer, port).as(durant).query(find());
        assertEquals(Status.SUCCESS, soap.getStatus(), () -> describe(soap.getErrors()));
        DocumentEntry entry = soap.getDocumentEntries().stream().filter(e -> uniqueId.equals(e.getUniqueId()))
                .findFirst().orElseThrow();
        assertEquals("EXPPAT_3", entry.getTypeCode().getCode());
        assertEquals("1.2.250.1.213.1.1.4.12", entry.getTypeCode().getSchemeName());
        assertEquals("90", entry.getClassCode().getCode());
        assertEquals("EXP_PATIENT", entry.getHealthcareFacilityTypeCode().getCode());
        assertEquals("EXP_PATIENT", entry.getPracticeSettingCode().getCode());
        assertEquals("urn:ihe:iti:xds-sd:pdf:2008", entry.getFormatCode().getCode());
        assertEquals(ins, entry.getAuthors().get(0).getAuthorPerson().getId().getId());
        assertEquals("Directives anticipées 2026", entry.getTitle().getValue());

        // and over FHIR ITI-67 (FhirClient validates every answer), an MHD Comprehensive DocumentReference
        Bundle fhir = fhirSearch(durant);
        DocumentReference reference = fhir.getEntry().stream().map(e -> (DocumentReference) e.getResource())
                .filter(d -> d.getMasterIdentifier().getValue().equals("urn:oid:" + uniqueId)).findFirst().orElseThrow();
        assertEquals("EXPPAT_3", reference.getType().getCodingFirstRep().getCode());
        FhirAnswerValidator.get().assertConforms(reference, FhirAnswerValidator.MHD_DOCUMENT_REFERENCE);

        // hidden from professionals by the patient, then deleted
        portal.put("/me/documents/" + added.get("id") + "/visibility", Map.of("hidden", true), token).ok();
        QueryResponse hidden = new XdsClient(producer, port).as(durant).query(find());
        assertFalse(hidden.getDocumentEntries().stream().anyMatch(e -> uniqueId.equals(e.getUniqueId())),
                "hidden from the professional");
        assertEquals(204, portal.delete("/me/documents/" + added.get("id"), token).status());
        assertTrue(portal.list("/me/documents", token).isEmpty());
        assertError(portal.delete("/me/documents/" + added.get("id"), token), 404, "UNKNOWN_DOCUMENT", "documentId");
        List<String> history = historyDetails(token);
        assertTrue(history.stream().anyMatch(h -> h.startsWith("document " + uniqueId + " deleted by the patient")),
                history::toString);
    }

    @Test
    void aPngIsStoredAsJpegAndAProfessionalsDocumentIsNotThePatientsToDelete() throws IOException {
        Answer added = portal.post("/me/documents", upload("Radio du genou", "DOCPAT04", "2025-11-02", "image/png",
                png()), token).ok();
        assertEquals("image/jpeg", added.get("mimeType"));
        assertEquals("IMAGERIE", added.get("category"));
        HttpResponse<byte[]> content = portal.bytes("/me/documents/" + added.get("id") + "/content", token);
        assertEquals("image/jpeg", content.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(0xFF, content.body()[0] & 0xFF);
        assertEquals(0xD8, content.body()[1] & 0xFF);

        professionalIsServed();
        String professionals = portal.list("/me/documents", token).stream()
                .filter(d -> !added.get("id").equals(d.get("id"))).map(d -> String.valueOf(d.get("id")))
                .findFirst().orElseThrow();
        assertError(portal.delete("/me/documents/" + professionals, token), 403, "NOT_AUTHOR", "documentId");
    }

    @Test
    void badNamesTypesDatesAndSizesAreRefusedWithTheField() {
        assertRefused(upload("Mon bilan", "EXPPAT_2", "2026-01-01", "application/msword", PDF), "mimeType",
                "le fichier doit être au format PDF");
        assertRefused(upload("Mon bilan", "EXPPAT_2", "2026-01-01", "application/pdf", new byte[64 * 1024 + 1]),
                "content", "le fichier dépasse la taille maximale de 64 Ko");
        assertRefused(upload("Mon bilan", "EXPPAT_2", "2026-01-01", "image/jpeg", PDF), "content",
                "n'est pas un fichier JPEG");
        assertRefused(upload("Bilan 2026-01", "EXPPAT_2", "2026-01-01", "application/pdf", PDF), "title",
                "ne peut pas contenir les caractères");
        assertRefused(upload("x".repeat(51), "EXPPAT_2", "2026-01-01", "application/pdf", PDF), "title",
                "au maximum 50 caractères");
        assertRefused(upload("Mon bilan", "11488-4", "2026-01-01", "application/pdf", PDF), "type",
                "le type du document est l'un de DOCPAT01");
        assertRefused(upload("Mon bilan", "EXPPAT_2", "14/03/2026", "application/pdf", PDF), "date", "AAAA-MM-JJ");
        assertRefused(upload("Mon bilan", "EXPPAT_2", "2999-01-01", "application/pdf", PDF), "date",
                "dans le futur");
        Map<String, Object> noDate = upload("Mon bilan", "EXPPAT_2", null, "application/pdf", PDF);
        assertRefused(noDate, "date", "La date du document est obligatoire");
        assertError(portal.post("/me/documents", upload("Mon bilan", "EXPPAT_2", "2026-01-01", "application/pdf", PDF),
                null), 401, "UNAUTHENTICATED", "Authorization");
        assertTrue(portal.list("/me/documents", token).isEmpty(), "nothing stored");
    }

    // ------------------------------------------------------------------ the codes in the outbox (sandbox)

    @Test
    void inSandboxModeTheCodesStayInTheOutboxAndAdminListsThemForTheKit() throws Exception {
        String provisional = code(mailTo(email, 1).get(0));
        await().atMost(TIMEOUT).until(() -> messages().stream().allMatch(m -> m.status() == NotificationOutbox.Status.SENT));
        assertTrue(messages().stream().anyMatch(m -> m.notification().body().contains(provisional)),
                "sandbox mode keeps the body for the conformance kit");

        HttpResponse<String> listing = adminGet("/outbox?kind=provisional_code&limit=1");
        assertEquals(200, listing.statusCode(), listing.body());
        List<Map<String, Object>> lines = JSON.readValue(listing.body(), new TypeReference<>() {
        });
        assertEquals(1, lines.size());
        assertEquals("PROVISIONAL_CODE", lines.get(0).get("kind"));
        assertEquals("SENT", lines.get(0).get("status"));
        assertEquals(email, lines.get(0).get("recipient"));
        assertTrue(String.valueOf(lines.get(0).get("body")).contains(provisional), listing.body());
        List<Map<String, Object>> all = JSON.readValue(adminGet("/outbox").body(), new TypeReference<>() {
        });
        assertEquals("ONE_TIME_CODE", all.get(0).get("kind"), "newest first: the login's one-time code");
        HttpResponse<String> wrong = adminGet("/outbox?kind=CODE");
        assertEquals(400, wrong.statusCode(), wrong.body());
        assertTrue(wrong.body().contains("kind"), wrong.body());
    }

    // ------------------------------------------------------------------ closure in TD0.2 and FHIR

    @Test
    void thePatientsClosureCarriesItsDateReasonAndWordsInTd02AndFhir() throws Exception {
        admin.authorise(ins, DmpAdminServicesEndToEndTest.PROFESSIONAL, "LIBRE MAX", false);
        String words = "Je préfère garder mes documents chez moi";
        Answer closed = portal.post("/me/closure", Map.of("reason", words), token).ok();
        assertEquals("CLOSED", closed.get("state"));

        HttpResponse<String> td02 = td02();
        assertEquals(200, td02.statusCode(), td02.body());
        Map<String, String> ours = DmpAdminServicesEndToEndTest.flatten(DmpAdminServicesEndToEndTest.body(
                DmpAdminServicesEndToEndTest.parse(td02.body())));
        String event = "PRPA_IN201308UV02/controlActProcess/subject/registrationEvent";
        assertEquals("terminated", ours.get(event + "/subject1/patient/statusCode@code"), td02.body());
        assertTrue(String.valueOf(ours.get(event + "/effectiveTime@value")).matches("20\\d{12}"),
                "the closure date: " + td02.body());
        String reason = "PRPA_IN201308UV02/controlActProcess/reasonOf/detectedIssueEvent";
        assertEquals("FERMETURE_DEMANDE_PATIENT", ours.get(reason + "/code@code"), td02.body());
        assertEquals("1.2.250.1.213.4.1.2.4", ours.get(reason + "/code@codeSystem"));
        assertEquals(words, ours.get(reason + "/text"), td02.body());

        Bundle found = FhirClient.as(port, durant).search().forResource(Patient.class)
                .where(Patient.IDENTIFIER.exactly().systemAndCode("urn:oid:" + SampleSubmissions.INS_OID, ins))
                .returnBundle(Bundle.class).execute();
        Patient patient = (Patient) found.getEntryFirstRep().getResource();
        assertFalse(patient.getActive());
        Extension closure = patient.getExtensionByUrl(PatientMapper.CLOSURE);
        assertNotNull(closure, "dmp-fermeture");
        DateTimeType date = (DateTimeType) closure.getExtensionByUrl("dateFermeture").getValue();
        assertTrue(Duration.between(date.getValue().toInstant(), clock.instant()).abs().toMinutes() < 5,
                "closed now: " + date.getValueAsString());
        assertEquals("patient-demande",
                ((CodeableConcept) closure.getExtensionByUrl("motifFermeture").getValue()).getCodingFirstRep().getCode());
        assertEquals(words, closure.getExtensionByUrl("raisonFermeture").getValue().primitiveValue());
    }

    List<NotificationOutbox.Message> messages() {
        return outbox.findByPatient(new PatientRef(ins, SampleSubmissions.INS_OID), 100);
    }

    HttpResponse<String> adminGet(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/admin/patients/" + SampleSubmissions.INS_OID + "/" + ins + path))
                    .header("Authorization", "Bearer " + AdminClient.TOKEN).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** The official TD0.2 request (GIE SESAM-Vitale capture) about this patient, by professional 899900063480. */
    HttpResponse<String> td02() throws Exception {
        String body = DmpAdminServicesEndToEndTest.forPatient(DmpAdminServicesEndToEndTest.official(
                DmpAdminServicesEndToEndTest.TD02), ins);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + DmpAdminServicesEndToEndTest.BASE + "patients"))
                .header("Content-Type", "application/soap+xml; charset=UTF-8; action=\""
                        + DmpAdminServicesEndToEndTest.TD02_ACTION + "\"")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    void assertRefused(Map<String, Object> body, String field, String rule) {
        Answer a = portal.post("/me/documents", body, token);
        assertError(a, 400, "INVALID_FIELD", field);
        assertTrue(a.get("message").startsWith(field + " : "), a.text());
        assertTrue(a.get("message").contains(rule), a.text());
    }

    static Map<String, Object> upload(String title, String type, String date, String mimeType, byte[] content) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("type", type);
        if (date != null) {
            body.put("date", date);
        }
        body.put("mimeType", mimeType);
        body.put("content", Base64.getEncoder().encodeToString(content));
        return body;
    }

    static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(3, 4, 0xFF336699);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
