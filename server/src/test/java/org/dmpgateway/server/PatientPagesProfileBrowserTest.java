package org.dmpgateway.server;

import ca.uhn.fhir.rest.gclient.TokenClientParam;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dmpgateway.server.support.FhirAnswerValidator;
import org.dmpgateway.server.support.FhirClient;
import org.dmpgateway.server.support.SampleSubmissions;
import org.dmpgateway.server.support.Vihf;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Immunization;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The medical profile's pages in a real browser (issue 16, docs/patient-pages.md and
 * docs/medical-profile.md), on the same Spring configuration as {@link PatientPagesBrowserTest}:
 * measures and the BMI the core computed, the core's refusal next to its field, an entry edited and
 * one removed, a vaccination added on the page then found by a professional's FHIR Immunization
 * search (validated by {@link FhirAnswerValidator}), and the PDF summary downloaded with the
 * browser's session cookie and read back with PDFBox. Screenshots under target/screenshots/.
 */
class PatientPagesProfileBrowserTest extends PatientPagesBrowserSupport {
    static final String PROFILE = "/patient/espace/profil-medical";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void measuresAndTheBmiARefusedValueAVaccinationSeenOverFhirAndThePdfSummary() throws Exception {
        String identifier = activatedThroughTheApi();
        signIn(identifier, email);
        browser.follow("Profil médical");
        assertEquals(PROFILE, browser.path());
        assertEquals("Mon profil médical", browser.heading());
        assertTrue(browser.text().contains("Vaccinations"), browser.text());
        assertTrue(browser.elements(By.id("imc")).isEmpty(), "no BMI without weight and height");
        browser.shot("profil-vide");

        // measures: a refused weight, the core's French message next to the field, then weight and height
        browser.follow("Gérer : Mesures");
        assertEquals("Mesures", browser.heading());
        browser.select("measure", "WEIGHT").type("value", "900").press("Ajouter");
        assertTrue(browser.title().startsWith("Erreur : "), browser.title());
        WebElement summary = browser.element(By.cssSelector(".error-summary"));
        assertTrue(summary.getText().contains("Valeur : la valeur (Poids) est en kg et va de 0.5 à 500 ; « 900 » est "
                + "hors limites."), summary.getText());
        assertEquals("#value", summary.findElement(By.tagName("a")).getDomAttribute("href"));
        assertEquals("true", browser.element(By.id("value")).getDomAttribute("aria-invalid"));
        assertTrue(browser.element(By.id("value")).getDomAttribute("aria-describedby").contains("value-error"));
        assertTrue(browser.element(By.id("value-error")).getText().contains("hors limites"));
        assertEquals("900", browser.value("value"), "what was typed is shown again");
        assertEquals(1, browser.elements(By.id("value")).size(), "one input per field");
        assertEquals("WEIGHT", browser.value("measure"));
        browser.shot("poids-refuse");

        browser.type("value", "70").press("Ajouter");
        assertEquals(PROFILE + "/mesures", browser.path(), "post-redirect-get");
        assertTrue(browser.element(By.cssSelector(".notice")).getText().contains("Poids : 70 kg"), browser.text());
        browser.select("measure", "HEIGHT").type("value", "1,75").type("unit", "m").press("Ajouter");
        assertEquals("Indice de masse corporelle (IMC) : 22,9 kg/m², calculé à partir de mon dernier poids et de ma "
                + "dernière taille.", browser.element(By.id("imc")).getText());
        browser.shot("imc");

        // edit the weight: a refusal on the edit page, then the new value and the BMI the core computes again
        clickInRow("Poids : 70 kg", "Modifier");
        assertEquals("Modifier : Mesures", browser.heading());
        assertEquals("70", browser.value("value"));
        browser.type("value", "abc").press("Enregistrer");
        assertEquals("true", browser.element(By.id("value")).getDomAttribute("aria-invalid"), browser.text());
        browser.shot("modification-refusee");
        browser.type("value", "80").press("Enregistrer");
        assertEquals(PROFILE + "/mesures", browser.path());
        assertTrue(browser.element(By.id("imc")).getText().contains("26,1 kg/m²"), browser.text());
        assertFalse(browser.text().contains("Poids : 70 kg"), "the weight was replaced");

        // an allergy: the mandatory start year refused, then added, then removed
        browser.go(PROFILE + "/allergies").type("name", "Pollen").press("Ajouter");
        assertTrue(browser.element(By.id("startYear-error")).getText().contains("obligatoire"), browser.text());
        assertTrue(browser.element(By.cssSelector(".error-summary a[href='#startYear']")).getText()
                .startsWith("Année de début : "), browser.text());
        browser.type("startYear", "2001").press("Ajouter");
        assertTrue(browser.text().contains("Pollen, depuis 2001"), browser.text());
        clickInRow("Pollen, depuis 2001", "Supprimer");
        assertTrue(browser.element(By.cssSelector(".notice")).getText().contains("supprimée"), browser.text());
        assertTrue(browser.text().contains("Aucune information."), browser.text());

        // a contact: the role chosen among radio buttons grouped under their legend
        browser.go(PROFILE + "/entourage").type("name", "Marie Martin").choose("role-TRUSTED_PERSON")
                .type("detail", "06 12 34 56 78").press("Ajouter");
        assertEquals("Rôle", browser.element(By.cssSelector("fieldset fieldset legend")).getText());
        assertTrue(browser.text().contains("Marie Martin (Personne de confiance), tél. "), browser.text());

        // a vaccination added on the page, then read by an authorised professional over FHIR
        browser.go(PROFILE + "/vaccinations").type("name", "DTP").type("date", "2020-05-04").type("detail", "LOT-42")
                .press("Ajouter");
        assertTrue(browser.text().contains("DTP, lot LOT-42, le 04/05/2020"), browser.text());
        browser.shot("vaccination");
        int validated = FhirAnswerValidator.validatedCount();
        Bundle found = FhirClient.as(port, Vihf.doctor(ins)).search().forResource(Immunization.class)
                .where(new TokenClientParam("patient.identifier").exactly()
                        .systemAndCode("urn:oid:" + SampleSubmissions.INS_OID, ins))
                .returnBundle(Bundle.class).execute();
        assertTrue(FhirAnswerValidator.validatedCount() > validated, "the FHIR answer was validated");
        assertEquals(1, found.getEntry().size());
        Immunization vaccination = (Immunization) found.getEntryFirstRep().getResource();
        assertEquals("DTP", vaccination.getVaccineCode().getText());
        assertEquals("LOT-42", vaccination.getLotNumber());
        assertEquals("2020-05-04", vaccination.getOccurrenceDateTimeType().getValueAsString());

        // the PDF summary: the page's link fetched with the browser's session cookie, read with PDFBox
        browser.go(PROFILE);
        assertTrue(browser.text().contains("DTP, lot LOT-42, le 04/05/2020"), browser.text());
        browser.shot("profil");
        String href = browser.element(By.partialLinkText("Télécharger la synthèse")).getDomAttribute("href");
        assertEquals(PROFILE + "/synthese.pdf", href);
        HttpResponse<byte[]> pdf = download(href, browser.cookie("JSESSIONID"));
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(pdf.headers().firstValue("Content-Disposition").orElseThrow().contains("profil-medical.pdf"));
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("Patient (INS) : " + ins), text);
            assertTrue(text.contains("DTP, lot LOT-42, le 04/05/2020"), text);
            assertTrue(text.contains("Poids : 80 kg"), text);
            assertTrue(text.contains("Taille : 1,75 m"), text);
            assertTrue(text.contains("IMC : 26,1 kg/m²"), text);
            assertTrue(text.contains("Marie Martin (Personne de confiance)"), text);
            assertFalse(text.contains("Pollen"), text);
        }
        assertEquals(302, download(href, null).statusCode(), "without the session: sent to the login page");
    }

    /** Follows the link or presses the button {@code action} of the row whose entry reads {@code entry}. */
    void clickInRow(String entry, String action) {
        WebElement row = browser.elements(By.cssSelector("tr[data-entry-id]")).stream()
                .filter(r -> r.findElement(By.tagName("th")).getText().startsWith(entry)).findFirst()
                .orElseThrow(() -> new AssertionError("no entry '" + entry + "' in: " + browser.text()));
        List<WebElement> targets = row.findElements(By.cssSelector("a, button"));
        browser.clickAndWait(targets.stream().filter(t -> t.getText().strip().startsWith(action)).findFirst()
                .orElseThrow(() -> new AssertionError("no '" + action + "' for " + entry)));
    }

    HttpResponse<byte[]> download(String path, String session) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (session != null) {
            request.header("Cookie", "JSESSIONID=" + session);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
