package org.dmpgateway.server;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.gclient.TokenClientParam;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dmpgateway.model.access.AccessMode;
import org.dmpgateway.server.support.FhirAnswerValidator;
import org.dmpgateway.server.support.FhirClient;
import org.dmpgateway.server.support.PatientPortalClient.Answer;
import org.dmpgateway.server.support.SampleSubmissions;
import org.dmpgateway.server.support.Vihf;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The medical profile end to end (issue 16, docs/medical-profile.md), on the patient record suite's
 * server and signed-in patient (no server start of its own): the patient edits each section over the
 * JSON API, limits refused naming the field, BMI computed; professionals read vaccinations, care
 * history and "entourage et volontés" over FHIR and add a vaccination, refused once blocked; the PDF
 * summary read back with PDFBox; a measure sent by the patient's app as the ANS health-measures feed.
 * Every FHIR answer is validated ({@link FhirAnswerValidator}).
 */
abstract class MedicalProfileEndToEndTestBase extends PatientProfilesEndToEndTestBase {

    Answer add(String section, Map<String, ?> fields) {
        return portal.post("/me/profile/" + section, fields, token);
    }

    Map<String, Object> profile() {
        return portal.get("/me/profile", token).ok().body();
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> section(Map<String, Object> profile, String name) {
        return ((List<Map<String, Object>>) profile.get("sections")).stream()
                .filter(s -> name.equals(s.get("section"))).findFirst()
                .map(s -> (List<Map<String, Object>>) s.get("entries")).orElseThrow();
    }

    @Test
    void thePatientEditsEachSectionWithinTheLimitsAndTheBmiIsComputed() {
        Answer illness = add("ILLNESS", Map.of("name", "Asthme", "startYear", "2010", "comment", "Léger")).ok();
        assertEquals(201, illness.status());
        assertEquals("Maladies et sujets de santé", illness.get("sectionLabel"));
        assertEquals("patient", illness.get("author"));
        assertError(add("ILLNESS", Map.of("name", "A".repeat(51), "startYear", "2010")), 400, "INVALID_FIELD", "name");
        assertTrue(add("ILLNESS", Map.of("name", "A".repeat(51), "startYear", "2010")).get("message")
                .contains("50 caractères"));
        assertError(add("ILLNESS", Map.of("name", "Asthme")), 400, "INVALID_FIELD", "startYear");
        assertTrue(add("ILLNESS", Map.of("name", "Asthme")).get("message").contains("obligatoire"));
        assertError(add("ILLNESS", Map.of("name", "Asthme", "startYear", "3000")), 400, "INVALID_FIELD", "startYear");
        assertError(add("ALLERGY", Map.of("name", "Pollen", "startYear", "2001", "comment", "c".repeat(3001))), 400,
                "INVALID_FIELD", "comment");
        add("ALLERGY", Map.of("name", "Pollen", "startYear", "2001", "comment", "c".repeat(3000))).ok();
        assertError(add("TREATMENT", Map.of("name", "Ventoline", "startYear", "2012", "detail", "d".repeat(1001))),
                400, "INVALID_FIELD", "detail");
        add("TREATMENT", Map.of("name", "Ventoline", "startYear", "2012", "detail", "2 bouffées si besoin")).ok();
        assertError(add("VACCINATION", Map.of("name", "DTP", "date", "2020-05-04", "comment", "v".repeat(1001))), 400,
                "INVALID_FIELD", "comment");
        assertError(add("VACCINATION", Map.of("name", "DTP", "date", "2020-05-04", "detail", "l".repeat(101))), 400,
                "INVALID_FIELD", "detail");
        assertError(add("VACCINATION", Map.of("name", "DTP")), 400, "INVALID_FIELD", "date");
        add("VACCINATION", Map.of("name", "DTP", "date", "2020-05-04", "detail", "LOT-42")).ok();
        assertError(add("CONTACT", Map.of("name", "Marie Martin", "role", "AMIE")), 400, "INVALID_FIELD", "role");
        add("CONTACT", Map.of("name", "Marie Martin", "role", "TRUSTED_PERSON", "detail", "06 12 34 56 78")).ok();
        add("WISH", Map.of("name", "Don d'organes", "comment", "J'accepte le don de mes organes.")).ok();
        add("CARE_HISTORY", Map.of("name", "Appendicectomie", "startYear", "1998")).ok();
        assertError(add("RADIO", Map.of("name", "x")), 400, "INVALID_FIELD", "section");

        // measurements: units, bounds, BMI computed from the latest weight and height, never typed
        assertNull(profile().get("bmi"));
        add("MEASUREMENT", Map.of("measure", "WEIGHT", "value", "70", "date", "2026-10-01")).ok();
        assertNull(profile().get("bmi"), "no BMI without a height");
        Answer height = add("MEASUREMENT", Map.of("measure", "HEIGHT", "value", "1,75", "unit", "m")).ok();
        assertEquals("m", height.get("unit"));
        assertEquals("1.75", height.get("value"));
        @SuppressWarnings("unchecked")
        Map<String, Object> bmi = (Map<String, Object>) profile().get("bmi");
        assertEquals(22.9, ((Number) bmi.get("value")).doubleValue());
        assertEquals("kg/m²", bmi.get("unit"));
        assertError(add("MEASUREMENT", Map.of("measure", "WEIGHT", "value", "abc")), 400, "INVALID_FIELD", "value");
        Answer tooHeavy = add("MEASUREMENT", Map.of("measure", "WEIGHT", "value", "900"));
        assertError(tooHeavy, 400, "INVALID_FIELD", "value");
        assertTrue(tooHeavy.get("message").contains("hors limites"), tooHeavy.text());
        assertError(add("MEASUREMENT", Map.of("measure", "WEIGHT", "value", "150", "unit", "lb")), 400,
                "INVALID_FIELD", "unit");
        assertError(add("MEASUREMENT", Map.of("measure", "BMI", "value", "22")), 400, "INVALID_FIELD", "measure");
        assertError(add("MEASUREMENT", Map.of("measure", "BLOOD_PRESSURE", "value", "80", "value2", "120")), 400,
                "INVALID_FIELD", "value2");
        Answer pressure = add("MEASUREMENT", Map.of("measure", "BLOOD_PRESSURE", "value", "120", "value2", "80")).ok();
        assertEquals("mmHg", pressure.get("unit"));
        add("MEASUREMENT", Map.of("measure", "WEIGHT", "value", "80", "date", "2026-11-01")).ok();
        @SuppressWarnings("unchecked")
        Map<String, Object> newer = (Map<String, Object>) profile().get("bmi");
        assertEquals(26.1, ((Number) newer.get("value")).doubleValue(), "the latest weight counts");

        // replace and remove
        String id = illness.get("id");
        Answer changed = portal.put("/me/profile/entries/" + id, Map.of("name", "Asthme allergique", "startYear",
                "2011"), token).ok();
        assertEquals("Asthme allergique", changed.get("name"));
        assertEquals(id, changed.get("id"));
        assertError(portal.put("/me/profile/entries/" + id, Map.of("name", "Asthme"), token), 400, "INVALID_FIELD",
                "startYear");
        List<Map<String, Object>> illnesses = section(profile(), "ILLNESS");
        assertEquals(1, illnesses.size());
        assertEquals(2011, illnesses.get(0).get("startYear"));
        assertEquals(204, portal.delete("/me/profile/entries/" + id, token).status());
        assertTrue(section(profile(), "ILLNESS").isEmpty());
        assertError(portal.delete("/me/profile/entries/" + id, token), 404, "UNKNOWN_DOCUMENT", "id");
        assertError(portal.get("/me/profile", null), 401, "UNAUTHENTICATED", "Authorization");

        List<String> history = historyDetails(token);
        assertTrue(history.contains("medical profile: illness " + id + " added by the patient"), history::toString);
        assertTrue(history.contains("medical profile: illness " + id + " changed by the patient"), history::toString);
        assertTrue(history.contains("medical profile: illness " + id + " removed by the patient"), history::toString);
    }

    @Test
    void professionalsReadVaccinationsCareHistoryContactsAndWishesAddAVaccinationAndAreRefusedOnceBlocked() {
        add("VACCINATION", Map.of("name", "DTP", "date", "2020-05-04", "detail", "LOT-42")).ok();
        add("CARE_HISTORY", Map.of("name", "Appendicectomie", "startYear", "1998")).ok();
        add("CONTACT", Map.of("name", "Marie Martin", "role", "EMERGENCY_CONTACT", "detail", "0612345678")).ok();
        add("WISH", Map.of("name", "Directives anticipées", "comment", "Pas d'acharnement thérapeutique.")).ok();
        add("ILLNESS", Map.of("name", "Asthme", "startYear", "2010")).ok();
        int validated = FhirAnswerValidator.validatedCount();

        IGenericClient fhir = FhirClient.as(port, petit);
        List<Immunization> vaccinations = search(fhir, Immunization.class);
        assertEquals(1, vaccinations.size());
        assertEquals("DTP", vaccinations.get(0).getVaccineCode().getText());
        assertEquals("LOT-42", vaccinations.get(0).getLotNumber());
        assertEquals("2020-05-04", vaccinations.get(0).getOccurrenceDateTimeType().getValueAsString());
        assertEquals("Appendicectomie", search(fhir, Procedure.class).get(0).getCode().getText());
        RelatedPerson contact = search(fhir, RelatedPerson.class).get(0);
        assertEquals("Marie Martin", contact.getNameFirstRep().getText());
        assertEquals("EMERGENCY_CONTACT", contact.getRelationshipFirstRep().getCodingFirstRep().getCode());
        Consent wish = search(fhir, Consent.class).get(0);
        assertEquals("Directives anticipées", wish.getSourceAttachment().getTitle());
        assertEquals("Pas d'acharnement thérapeutique.",
                new String(wish.getSourceAttachment().getData(), StandardCharsets.UTF_8));
        assertTrue(FhirAnswerValidator.validatedCount() >= validated + 4, "every answer validated");

        // a vaccination added by the professional: in the patient's profile, by him
        Immunization flu = vaccination("Grippe saisonnière", "2026-10-15", "FLU-2026");
        var created = fhir.create().resource(flu).execute();
        assertTrue(created.getCreated());
        Immunization stored = (Immunization) created.getResource();
        assertEquals("FLU-2026", stored.getLotNumber());
        Map<String, Object> added = section(profile(), "VACCINATION").stream()
                .filter(v -> "Grippe saisonnière".equals(v.get("name"))).findFirst().orElseThrow();
        assertEquals(Vihf.OTHER_DOCTOR, added.get("author"));
        assertEquals(created.getId().getIdPart(), added.get("id"));
        assertEquals(2, search(fhir, Immunization.class).size());

        BaseServerResponseException tooLong = assertThrows(BaseServerResponseException.class,
                () -> fhir.create().resource(vaccination("Grippe", "2026-10-15", "L".repeat(101))).execute());
        assertTrue(tooLong.getStatusCode() == 400 || tooLong.getStatusCode() == 422, tooLong::getMessage);
        assertTrue(tooLong.getMessage().contains("lotNumber"), tooLong::getMessage);

        // the patient's own sections stay closed to professionals: no provider for them
        assertThrows(BaseServerResponseException.class, () -> fhir.search().forResource("Condition")
                .where(new TokenClientParam("patient.identifier").exactly()
                        .systemAndCode("urn:oid:" + SampleSubmissions.INS_OID, ins))
                .returnBundle(Bundle.class).execute());

        // blocked: refused over FHIR, read and write
        portal.post("/me/professionals/" + Vihf.OTHER_DOCTOR + "/block", Map.of(), token).ok();
        fhirRefused("PS_BLOCKED", 403, () -> search(fhir, Immunization.class));
        fhirRefused("PS_BLOCKED", 403, () -> search(fhir, RelatedPerson.class));
        fhirRefused("PS_BLOCKED", 403, () -> fhir.create().resource(vaccination("ROR", "2026-10-16", null)).execute());
        // not authorised: refused too
        Vihf stranger = durant.as("810009999999", "MARTIN, Paul", Vihf.MEDECIN, Vihf.MEDECINE_GENERALE);
        fhirRefused("PS_NOT_AUTHORIZED", 403, () -> search(FhirClient.as(port, stranger), Immunization.class));
        // emergency modes: the patient's switches, as for documents
        IGenericClient breakGlass = FhirClient.as(port, stranger.withMode(AccessMode.BREAK_GLASS)
                .withJustification(EMERGENCY));
        assertEquals(2, search(breakGlass, Immunization.class).size(), "break-glass reads the vaccinations");
        portal.put("/me/emergency-access", Map.of("breakGlassAccess", false), token).ok();
        fhirRefused("BREAK_GLASS_DISABLED", 403, () -> search(breakGlass, Immunization.class));

        List<String> history = historyDetails(token);
        assertTrue(history.contains("medical profile: VACCINATION read (1 Immunization)"), history::toString);
        assertTrue(history.contains("medical profile: CONTACT read (1 RelatedPerson)"), history::toString);
        assertTrue(history.contains("medical profile: vaccination " + added.get("id") + " added (Immunization)"),
                history::toString);
    }

    @Test
    void thePdfSummaryHoldsTheProfile() throws IOException {
        add("ILLNESS", Map.of("name", "Asthme", "startYear", "2010", "comment", "Crises à l'effort")).ok();
        add("VACCINATION", Map.of("name", "DTP", "date", "2020-05-04", "detail", "LOT-42")).ok();
        add("MEASUREMENT", Map.of("measure", "WEIGHT", "value", "70")).ok();
        add("MEASUREMENT", Map.of("measure", "HEIGHT", "value", "1.75")).ok();
        add("MEASUREMENT", Map.of("measure", "TEMPERATURE", "value", "37.5")).ok();
        add("CONTACT", Map.of("name", "Marie Martin", "role", "TRUSTED_PERSON")).ok();

        HttpResponse<byte[]> pdf = portal.bytes("/me/profile/summary.pdf", token);
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(pdf.headers().firstValue("Content-Disposition").orElseThrow().contains("profil-medical.pdf"));
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertEquals("Profil médical - synthèse", document.getDocumentInformation().getTitle());
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("Profil médical - synthèse"), text);
            assertTrue(text.contains("Patient (INS) : " + ins), text);
            assertTrue(text.contains("Asthme, depuis 2010 - Crises à l'effort"), text);
            assertTrue(text.contains("DTP, lot LOT-42, le 04/05/2020"), text);
            assertTrue(text.contains("IMC : 22,9 kg/m²"), text);
            assertTrue(text.contains("Température : 37,5 °C"), text);
            assertTrue(text.contains("Marie Martin (Personne de confiance)"), text);
            assertTrue(text.contains("Allergies") && text.contains("Aucune information."), text);
        }
    }

    @Test
    void aPatientsAppSendsAMeasureAsTheAnsHealthMeasuresFeed() throws IOException {
        HttpResponse<String> answer = feed(bundle("71"), token);
        assertEquals(200, answer.statusCode(), answer::body);
        FhirAnswerValidator.assertValid(answer);
        Bundle response = (Bundle) parse(answer.body());
        assertEquals(Bundle.BundleType.TRANSACTIONRESPONSE, response.getType());
        assertEquals("201 Created", response.getEntry().get(0).getResponse().getStatus());
        assertEquals("200 OK", response.getEntry().get(1).getResponse().getStatus(), "the Device entry's answer");
        String location = response.getEntry().get(0).getResponse().getLocation();
        Map<String, Object> weight = section(profile(), "MEASUREMENT").get(0);
        assertEquals("Observation/" + weight.get("id"), location);
        assertEquals("WEIGHT", weight.get("measure"));
        assertEquals(71, ((Number) weight.get("value")).intValue());
        assertEquals("kg", weight.get("unit"));
        assertEquals("2026-11-20", weight.get("date"));
        assertTrue(historyDetails(token).contains("medical profile: measurement " + weight.get("id")
                + " (WEIGHT) sent by the patient's app (urn:oid:1.2.250.1.999.1)"));

        HttpResponse<String> tooHeavy = feed(bundle("900"), token);
        assertEquals(422, tooHeavy.statusCode(), tooHeavy::body);
        FhirAnswerValidator.assertValid(tooHeavy);
        OperationOutcome.OperationOutcomeIssueComponent issue = ((OperationOutcome) parse(tooHeavy.body()))
                .getIssueFirstRep();
        assertEquals("Observation.valueQuantity.value", issue.getExpression().get(0).getValue());
        assertTrue(issue.getDiagnostics().contains("hors limites"), issue::getDiagnostics);

        HttpResponse<String> batch = feed(bundle("71").replace("\"transaction\"", "\"batch\""), token);
        assertEquals(422, batch.statusCode(), batch::body);
        FhirAnswerValidator.assertValid(batch);
        assertEquals("Bundle.type", ((OperationOutcome) parse(batch.body())).getIssueFirstRep().getExpression().get(0)
                .getValue());

        HttpResponse<String> someoneElse = feed(bundle("71").replace(ins, "279035121518989"), token);
        assertEquals(422, someoneElse.statusCode(), someoneElse::body);
        assertEquals("Observation.subject", ((OperationOutcome) parse(someoneElse.body())).getIssueFirstRep()
                .getExpression().get(0).getValue());

        assertEquals(401, feed(bundle("71"), null).statusCode());
        assertEquals(1, section(profile(), "MEASUREMENT").size(), "only the accepted measure is stored");
    }

    // ------------------------------------------------------------------ helpers

    <T extends IBaseResource> List<T> search(IGenericClient fhir, Class<T> type) {
        Bundle bundle = fhir.search().forResource(type)
                .where(new TokenClientParam("patient.identifier").exactly()
                        .systemAndCode("urn:oid:" + SampleSubmissions.INS_OID, ins))
                .returnBundle(Bundle.class).execute();
        return bundle.getEntry().stream().map(e -> type.cast(e.getResource())).toList();
    }

    Immunization vaccination(String name, String date, String lot) {
        Immunization i = new Immunization().setStatus(Immunization.ImmunizationStatus.COMPLETED)
                .setPatient(new Reference().setIdentifier(new org.hl7.fhir.r4.model.Identifier()
                        .setSystem("urn:oid:" + SampleSubmissions.INS_OID).setValue(ins)))
                .setOccurrence(new DateTimeType(date))
                .setLotNumber(lot);
        i.getVaccineCode().setText(name);
        return i;
    }

    String bundle(String value) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/profile/measure-bundle-weight.json")) {
            Map<String, String> values = new HashMap<>(Map.of("{{INS}}", ins, "{{INS_OID}}", SampleSubmissions.INS_OID,
                    "{{VALUE}}", value));
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> v : values.entrySet()) {
                text = text.replace(v.getKey(), v.getValue());
            }
            return text;
        }
    }

    HttpResponse<String> feed(String bundle, String bearer) {
        return portal.postText("/me/fhir", "application/fhir+json", bundle, bearer);
    }

    static IBaseResource parse(String json) {
        return FhirClient.context().newJsonParser().parseResource(json);
    }
}
