package org.dmpgateway.server;

import jakarta.mail.internet.MimeMessage;
import org.dmpgateway.model.PatientRecordState;
import org.dmpgateway.server.support.MailServer;
import org.dmpgateway.server.support.MssClient;
import org.dmpgateway.server.support.SampleSubmissions;
import org.dmpgateway.server.support.TestPatients;
import org.dmpgateway.server.support.Vihf;
import org.dmpgateway.server.support.XdsClient;
import org.dmpgateway.smtp.SmtpGateway;
import org.junit.jupiter.api.Test;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.requests.ProvideAndRegisterDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.responses.QueryResponse;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Response;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.dmpgateway.server.support.XdsAnswers.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The patient's pages in a real browser (issue 16, docs/patient-pages.md): headless Chromium driven
 * by Selenium against the running server, the codes read from the e-mails (GreenMail) and SMS
 * (WireMock) as the JSON end-to-end tests read them, and the professional's answers over SOAP
 * (IPF producers). The same Spring configuration as the patient API's end-to-end tests
 * ({@link PatientPortalEndToEndSupport}), on H2. Each test saves screenshots under
 * target/screenshots/&lt;test&gt;/.
 */
class PatientPagesBrowserTest extends PatientPagesBrowserSupport {
    @Autowired
    SmtpGateway smtpGateway;

    // ------------------------------------------------------------------ the activation journey (seed 002)

    @Test
    void theWholeActivationJourneyWithChangedContactsThenLogin() {
        admin.notifyRecord(ins, email, mobile, serial, "EMAIL");
        String code = code(mailTo(email, 1).get(0));

        browser.go("/patient/activer");
        assertEquals("J'identifie le profil", browser.heading());
        assertEquals("fr", browser.element(By.tagName("html")).getDomAttribute("lang"));
        browser.shot("code-et-carte-vitale");
        // nothing typed: the core's refusal, in French, in an error summary linking to the field
        browser.press("Continuer");
        assertTrue(browser.title().startsWith("Erreur : "), browser.title());
        WebElement summary = browser.element(By.cssSelector(".error-summary"));
        assertEquals("alert", summary.getDomAttribute("role"));
        WebElement link = summary.findElement(By.tagName("a"));
        String field = link.getDomAttribute("href").substring(1);
        assertEquals("true", browser.element(By.id(field)).getDomAttribute("aria-invalid"), field);
        assertTrue(browser.element(By.id(field)).getDomAttribute("aria-describedby").contains(field + "-error"));
        assertNotNull(browser.element(By.cssSelector("label[for='" + field + "']")));
        browser.shot("erreur-resumee");

        browser.type("code", code).choose("cardType").type("nir", spaced(ins)).type("serialNumber", serial)
                .press("Continuer");
        assertEquals("/patient/activer/decision", browser.path());
        assertEquals("Je prends ma décision", browser.heading());
        assertTrue(browser.text().contains("Bonjour Test !"), browser.text());
        browser.choose("decision").press("Confirmer la décision");
        assertTrue(browser.text().contains("Conditions Générales d'Utilisation : vous devez accepter"),
                browser.text());
        browser.shot("decision-sans-cgu");
        browser.choose("decision").choose("termsAccepted").press("Confirmer la décision");

        assertEquals("Je vérifie mes coordonnées de contact", browser.heading());
        assertEquals(email, browser.value("email"), "the contact on file is shown once the card is verified");
        assertEquals(mobile, browser.value("mobile"));
        browser.shot("coordonnees");
        String newEmail = "nouvelle." + email;
        String newMobile = "07" + mobile.substring(4);
        browser.type("email", newEmail).type("mobile", newMobile).press("Continuer");

        assertEquals("Je confirme mes nouvelles coordonnées", browser.heading());
        browser.shot("codes-a-usage-unique");
        String emailCode = oneTimeCode(mailTo(newEmail, 1).get(0).body());
        await().atMost(TIMEOUT).until(() -> !SMS.sentTo("+33" + newMobile.substring(1)).isEmpty());
        String smsCode = oneTimeCode(SMS.sentTo("+33" + newMobile.substring(1)).get(0).text());
        browser.type("emailCode", emailCode).type("smsCode", smsCode).press("Continuer");

        assertEquals("Je choisis mon identifiant et mon mot de passe", browser.heading());
        String identifier = "pages" + ins.substring(9);
        browser.type("identifier", identifier).type("password", PASSWORD).type("passwordConfirmation", PASSWORD + "x")
                .press("Valider");
        assertTrue(browser.element(By.cssSelector(".error-summary")).getText().contains("Confirmer le mot de passe"),
                browser.text());
        assertEquals(identifier, browser.value("identifier"), "the identifier typed is kept");
        assertEquals("", browser.value("password"), "a password is never shown again");
        browser.shot("mot-de-passe-different");
        browser.type("password", PASSWORD).type("passwordConfirmation", PASSWORD).press("Valider");

        assertEquals("Mon espace santé a bien été activé !", browser.heading());
        assertNotNull(browser.element(By.linkText("Gérer un autre profil rattaché")));
        browser.shot("active");
        assertEquals("ACTIVATED", state());

        browser.follow("Découvrir Mon espace santé");
        signIn(identifier, newEmail);
        assertEquals("Bonjour Test,", browser.heading());
        assertTrue(browser.text().contains(newEmail), "the confirmed e-mail replaced the insurer's");
        browser.shot("accueil");
    }

    @Test
    void opposition() {
        admin.notifyRecord(ins, email, mobile, serial, "EMAIL");
        browser.go("/patient/activer").type("code", code(mailTo(email, 1).get(0))).choose("cardType-photo")
                .type("nir", ins).type("serialNumber", serial.substring(serial.length() - 11)).press("Continuer");
        browser.choose("decision-oppose").choose("termsAccepted");
        browser.shot("decision-opposition");
        browser.press("Confirmer la décision");
        assertEquals("Mon opposition est enregistrée", browser.heading());
        assertTrue(browser.text().contains("il ne sera pas créé"), browser.text());
        browser.shot("opposition-enregistree");
        assertEquals("OPPOSED", state());
        professionalGets("DMP_OPPOSED", 410);
        // the journey is over: its pages send back to the start
        browser.go("/patient/activer/coordonnees");
        assertEquals("/patient/activer", browser.path());
    }

    // ------------------------------------------------------------------ login

    @Test
    void loginThenTheLockoutAfterFiveWrongPasswords() {
        String identifier = activatedThroughTheApi();
        browser.go("/patient/espace/documents");
        assertEquals("/patient/connexion", browser.path(), "a page of the space needs a session");
        signIn(identifier, email);
        assertEquals("/patient/espace", browser.path());
        browser.press("Se déconnecter");
        assertTrue(browser.text().contains("Vous êtes déconnecté(e)."), browser.text());
        browser.go("/patient/espace");
        assertEquals("/patient/connexion", browser.path(), "the session ended with the logout");

        for (int i = 1; i <= 4; i++) {
            browser.type("identifier", identifier).type("password", PASSWORD + i).press("Continuer");
            assertTrue(browser.text().contains("Mon mot de passe"), browser.text());
        }
        browser.shot("mot-de-passe-errone");
        browser.type("identifier", identifier).type("password", PASSWORD + "5").press("Continuer");
        String locked = browser.element(By.cssSelector(".error-summary")).getText();
        assertTrue(locked.contains("bloqué"), locked);
        browser.shot("connexion-bloquee");
        // locked even with the right password
        browser.type("identifier", identifier).type("password", PASSWORD).press("Continuer");
        assertEquals("/patient/connexion", browser.path());
        assertTrue(browser.element(By.cssSelector(".error-summary")).getText().contains("bloqué"), browser.text());
    }

    // ------------------------------------------------------------------ documents

    @Test
    void hidingADocumentHidesItFromAProfessionalsIti18() {
        String identifier = activatedThroughTheApi();
        Vihf petit = Vihf.doctor(ins).asOtherDoctor();
        admin.authorise(ins, petit, false);
        ProvideAndRegisterDocumentSet pnr = SampleSubmissions.twoDocumentsAndFolder(ins,
                SampleSubmissions.text("Compte rendu de consultation " + ins), SampleSubmissions.text("Ordonnance"));
        String report = pnr.getDocuments().get(0).getDocumentEntry().getUniqueId();
        String prescription = pnr.getDocuments().get(1).getDocumentEntry().getUniqueId();
        Response submitted = xds().submit(pnr);
        assertEquals(Status.SUCCESS, submitted.getStatus(), () -> describe(submitted.getErrors()));
        assertEquals(Set.of(report, prescription), iti18(petit));

        signIn(identifier, email);
        browser.follow("Documents");
        assertEquals("Mes documents", browser.heading());
        assertTrue(browser.text().contains("Comptes rendus"), browser.text());
        assertTrue(browser.text().contains("Ordonnances et soins"), browser.text());
        assertEquals("Visible par les professionnels", visibility(report));
        browser.shot("documents");

        browser.pressInRow("data-unique-id", report, "Masquer aux professionnels");
        assertEquals("/patient/espace/documents", browser.path(), "post-redirect-get");
        assertTrue(browser.element(By.cssSelector(".notice")).getText().contains("masqué aux professionnels"));
        assertEquals("Masqué aux professionnels", visibility(report));
        browser.shot("document-masque");
        assertEquals(Set.of(prescription), iti18(petit), "the hidden document is no longer found by ITI-18");

        // the category filter, then the document read in the browser
        browser.go("/patient/espace/documents?categorie=COMPTES_RENDUS");
        assertTrue(browser.rows("data-unique-id", prescription).isEmpty());
        browser.clickAndWait(browser.row("data-unique-id", report).findElement(By.partialLinkText("Consulter")));
        assertTrue(browser.text().contains("Compte rendu de consultation " + ins), browser.text());

        browser.go("/patient/espace/documents");
        browser.pressInRow("data-unique-id", report, "Rendre visible aux professionnels");
        assertEquals("Visible par les professionnels", visibility(report));
        assertEquals(Set.of(report, prescription), iti18(petit));
        browser.go("/patient/espace/documents?categorie=RADIO");
        assertTrue(browser.element(By.cssSelector(".error-summary")).getText().contains("catégorie")
                || browser.text().contains("category"), browser.text());
    }

    // ------------------------------------------------------------------ professionals and history

    @Test
    void blockingAProfessionalThenTheHistoryShowsHisRefusedAttempt() {
        String identifier = activatedThroughTheApi();
        Vihf petit = Vihf.doctor(ins).asOtherDoctor();
        admin.authorise(ins, petit, false);
        assertEquals(Status.SUCCESS, new XdsClient(producer, port).as(petit).query(find()).getStatus());

        signIn(identifier, email);
        browser.follow("Professionnels de santé");
        assertFalse(browser.rows("data-actor", Vihf.OTHER_DOCTOR).isEmpty(), browser.text());
        assertTrue(browser.text().contains("Aucun professionnel bloqué."), browser.text());
        browser.shot("professionnels");
        browser.pressInRow("data-actor", Vihf.OTHER_DOCTOR, "Bloquer");
        assertTrue(browser.element(By.cssSelector(".notice")).getText().contains("est bloqué"), browser.text());
        WebElement blocked = browser.element(By.id("blocked")).findElement(By.xpath("ancestor::section"));
        assertTrue(blocked.getText().contains(Vihf.OTHER_DOCTOR), blocked.getText());
        browser.shot("professionnel-bloque");

        QueryResponse refused = new XdsClient(producer, port).as(petit).query(find());
        assertEquals(Status.FAILURE, refused.getStatus());
        assertTrue(refused.getErrors().stream().anyMatch(e -> e.getCodeContext() != null
                && e.getCodeContext().startsWith("PS_BLOCKED:")), () -> describe(refused.getErrors()));

        browser.follow("Historique d'activité");
        List<WebElement> attempts = browser.elements(By.cssSelector("tr[data-actor='" + Vihf.OTHER_DOCTOR
                + "'][data-outcome='PS_BLOCKED']"));
        assertFalse(attempts.isEmpty(), browser.text());
        assertTrue(attempts.get(0).getText().contains("Refusé (PS_BLOCKED)"), attempts.get(0).getText());
        assertTrue(attempts.get(0).getText().contains("Recherche de documents"), attempts.get(0).getText());
        browser.shot("historique-tentative-refusee");

        // unblocked: off the lists, and the admin doctor is only one of the authorised
        browser.follow("Professionnels de santé");
        browser.pressInRow("data-actor", Vihf.OTHER_DOCTOR, "Débloquer");
        assertTrue(browser.text().contains("Aucun professionnel bloqué."), browser.text());
        browser.type("actorId", "x-1").press("Bloquer ce professionnel");
        assertTrue(browser.element(By.cssSelector(".error-summary a[href='#actorId']")).isDisplayed());
        browser.shot("identifiant-professionnel-invalide");
    }

    @Test
    void theEmergencySwitchesAndClosingTheAccount() {
        String identifier = activatedThroughTheApi();
        signIn(identifier, email);
        browser.follow("Accès en cas d'urgence");
        assertTrue(browser.element(By.id("samuAccess")).isSelected());
        browser.choose("breakGlassAccess-no").press("Enregistrer mes choix");
        assertTrue(browser.element(By.id("breakGlassAccess-no")).isSelected(), "saved and shown again");
        assertTrue(browser.element(By.id("samuAccess")).isSelected());
        browser.shot("urgence");
        assertTrue(adminTraceDetails().contains("emergency switches changed by the patient: break-glass access "
                + "forbidden"), adminTraceDetails()::toString);

        browser.follow("Clôturer Mon espace santé");
        browser.press("Clôturer Mon espace santé");
        assertTrue(browser.element(By.cssSelector(".error-summary a[href='#reason']")).isDisplayed(), browser.text());
        browser.type("reason", "Je n'en ai plus besoin").press("Clôturer Mon espace santé");
        assertEquals("/patient/connexion?cloture", browser.path());
        browser.shot("cloture");
        assertEquals("CLOSED", state());
        browser.go("/patient/espace");
        assertEquals("/patient/connexion", browser.path());
    }

    // ------------------------------------------------------------------ children's profiles (seed 002)

    @Test
    void aChildsProfileActivatedByARepresentativeSharedAndItsDocumentsShown() throws Exception {
        String identifier = activatedThroughTheApi();
        String parent = ins;
        String child = TestPatients.newIns();
        admin.createPatient(child, PatientRecordState.NOTIFIED, "MICHEL", "Lola",
                LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Paris")).minusYears(8).toString());
        String childAddress = "enfant." + child + "@example.org";
        admin.notifyRecord(child, childAddress, "+33699887766", "02024576124" + child.substring(13), "EMAIL");
        String childCode = code(mailTo(childAddress, 1).get(0));

        signIn(identifier, email);
        browser.follow("Profils rattachés");
        assertEquals("Gérer un autre profil rattaché", browser.heading());
        assertTrue(browser.text().contains("Aucun profil n'est rattaché à votre compte."), browser.text());
        // the child's code, the representative's own card, without the certification: the core's refusal
        browser.type("code", childCode).choose("cardType").type("nir", parent).type("serialNumber", serial)
                .choose("termsAccepted").press("Valider");
        assertTrue(browser.title().startsWith("Erreur : "), browser.title());
        WebElement certify = browser.element(By.cssSelector(".error-summary a[href='#legalRepresentative']"));
        assertTrue(certify.getText().contains("représentant légal"), certify.getText());
        assertEquals(childCode, browser.value("code"), "what was typed is shown again");
        browser.shot("profil-enfant-sans-certification");
        browser.choose("legalRepresentative").choose("termsAccepted").press("Valider");
        assertEquals(PROFILES, browser.path(), "post-redirect-get");
        assertTrue(browser.element(By.cssSelector(".notice")).getText().contains("Lola MICHEL est activé"),
                browser.text());
        assertEquals("Actif", browser.row("data-profile", child).findElement(By.cssSelector(".status")).getText());
        browser.shot("profil-enfant-active");
        assertEquals("ACTIVATED", JSON.readValue(admin.record(child), Map.class).get("state"));

        // a professional feeds the child's record
        admin.authorise(child, Vihf.DURANT, "DURANT Romuald", false);
        Response submitted = new XdsClient(producer, port).forPatient(child).submit(SampleSubmissions.single(child,
                SampleSubmissions.text("Carnet de vaccination de Lola")));
        assertEquals(Status.SUCCESS, submitted.getStatus(), () -> describe(submitted.getErrors()));

        // the dashboard switched to the child's profile: every page acts on it
        browser.pressInRow("data-profile", child, "Consulter ce profil");
        assertEquals("/patient/espace", browser.path());
        assertEquals("Bonjour Lola,", browser.heading());
        assertTrue(banner().contains("Vous consultez le profil de Lola MICHEL"), browser.text());
        browser.follow("Documents");
        assertTrue(banner().contains("Lola MICHEL"), "the banner on every page");
        assertEquals(1, browser.elements(By.cssSelector("tr[data-unique-id]")).size(), browser.text());
        browser.shot("documents-de-l-enfant");
        browser.follow("Historique d'activité");
        assertTrue(browser.text().contains("(représentant légal)"), "the child's history, the representative acting");

        // sharing with the second representative, who accepts the invitation in their own space
        String second = TestPatients.newIns();
        String secondEmail = "second." + second + "@example.org";
        String secondSerial = "03024576124" + second.substring(13);
        admin.createPatient(second, PatientRecordState.NOTIFIED, "MICHEL", "Paul", "1982-03-04");
        admin.notifyRecord(second, secondEmail, "+33611223344", secondSerial, "EMAIL");
        String secondIdentifier = "second" + second.substring(9);
        activateAnother(second, secondSerial, secondEmail, code(mailTo(secondEmail, 1).get(0)), secondIdentifier);
        browser.follow("Profils rattachés");
        assertTrue(banner().contains("Lola MICHEL"), "the profiles page says which profile is shown");
        browser.clickAndWait(browser.row("data-profile", child).findElement(By.partialLinkText("Partager")));
        assertEquals("Partager le profil de Lola", browser.heading());
        browser.type("familyName", "Michel").type("givenName", "Paul").type("birthDate", "04/03/1982")
                .type("nir", second).choose("legalRepresentative").press("Envoyer l'invitation");
        assertEquals("true", browser.element(By.id("birthDate")).getDomAttribute("aria-invalid"), browser.text());
        browser.shot("partage-date-invalide");
        browser.type("birthDate", "1982-03-04").choose("legalRepresentative").press("Envoyer l'invitation");
        assertTrue(browser.element(By.cssSelector(".notice")).getText().contains("invitation"), browser.text());
        browser.press("Revenir à mon profil");
        assertEquals("Bonjour Test,", browser.heading());
        assertTrue(browser.elements(By.cssSelector(".profile-banner")).isEmpty(), "back on the representative's own");
        browser.press("Se déconnecter");

        signIn(secondIdentifier, secondEmail);
        browser.follow("Profils rattachés");
        assertTrue(browser.row("data-profile", child).getText().contains("à accepter"), browser.text());
        browser.shot("invitation-a-accepter");
        browser.pressInRow("data-profile", child, "Accepter l'invitation");
        assertEquals("Actif", browser.row("data-profile", child).findElement(By.cssSelector(".status")).getText());
        browser.pressInRow("data-profile", child, "Consulter ce profil");
        assertEquals("Bonjour Lola,", browser.heading());
    }

    // ------------------------------------------------------------------ messages (secure messaging, seed 004)

    @Test
    void aProfessionalsMessageReadAndRepliedThenTheClosedConversation() throws Exception {
        String identifier = activatedThroughTheApi();
        String professional = "dr.durant." + ins + "@hopital.mssante.fr";
        MssClient mss = new MssClient(smtpGateway.port());
        MimeMessage sent = mss.message(professional, ins + "@patient.mssante.fr", "Vos résultats",
                "Bonjour, vos résultats sont normaux.");
        sent.setHeader("Disposition-Notification-To", professional);
        mss.send(sent, professional);
        SecureMessagingEndToEndTestBase.awaitMail(email, SecureMessagingEndToEndTestBase.NEW_MESSAGE);

        signIn(identifier, email);
        browser.follow("Messagerie");
        assertEquals("Ma messagerie de santé", browser.heading());
        assertTrue(browser.text().contains(professional), browser.text());
        assertTrue(browser.text().contains("Ouverte"), browser.text());
        browser.shot("messagerie");
        browser.follow("Vos résultats");
        assertEquals("Non lu", browser.element(By.cssSelector("tr[data-message] td:last-child")).getText());
        browser.follow("Vos résultats");
        assertEquals("Bonjour, vos résultats sont normaux.", browser.element(By.cssSelector(".message-text")).getText());
        browser.shot("message-lu");
        SecureMessagingEndToEndTestBase.awaitMail(professional, "Accusé de lecture : Vos résultats");

        browser.follow("Répondre");
        browser.type("subject", "x".repeat(81)).type("text", "Merci docteur.").press("Envoyer");
        assertTrue(browser.element(By.cssSelector(".error-summary a[href='#subject']")).isDisplayed(), browser.text());
        assertEquals("Merci docteur.", browser.value("text"), "the text typed is kept");
        browser.shot("reponse-objet-trop-long");
        browser.type("subject", "").type("text", "Merci docteur, bien reçu.").press("Envoyer");
        assertTrue(browser.element(By.cssSelector(".notice")).getText().contains("RE: Vos résultats"), browser.text());
        MailServer.ReceivedMail reply = SecureMessagingEndToEndTestBase.awaitMail(professional, "RE: Vos résultats");
        assertEquals(ins + "@patient.mssante.fr", reply.fromAddress());
        assertEquals(sent.getMessageID(), reply.rawHeader("In-Reply-To"));
        String replied = SecureMessagingEndToEndTestBase.part(reply.message(), 0);
        assertTrue(replied.contains("Merci docteur, bien reçu."), replied);
        browser.shot("reponse-envoyee");

        // the professional ends the exchange: shown closed, without the reply form
        MimeMessage last = mss.message(professional, ins + "@patient.mssante.fr", "Fin du suivi", "Bonne journée.");
        last.setHeader("In-Reply-To", reply.message().getMessageID());
        last.setHeader("X-MSS-MES", "FIN");
        mss.send(last, professional);
        String conversation = browser.path();
        await().atMost(TIMEOUT).until(() -> browser.go(conversation).text().contains("a clôturé cet échange"));
        assertTrue(browser.elements(By.id("text")).isEmpty(), "no reply form in a closed conversation");
        browser.shot("conversation-cloturee");
        browser.follow("Retour à la messagerie");
        assertTrue(browser.text().contains("Clôturée le"), browser.text());
    }

    // ------------------------------------------------------------------ helpers

    static final String PROFILES = "/patient/espace/profils";

    String banner() {
        return browser.element(By.cssSelector(".profile-banner")).getText();
    }

    String visibility(String uniqueId) {
        return browser.row("data-unique-id", uniqueId).findElement(By.cssSelector(".visibility")).getText();
    }

    /** The uniqueIds {@code who} finds with ITI-18 FindDocuments (Approved). */
    Set<String> iti18(Vihf who) {
        QueryResponse r = new XdsClient(producer, port).as(who).query(find());
        assertEquals(Status.SUCCESS, r.getStatus(), () -> describe(r.getErrors()));
        return r.getDocumentEntries().stream().map(DocumentEntry::getUniqueId).collect(Collectors.toSet());
    }
}
