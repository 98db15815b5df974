package org.dmpgateway.server;

import org.dmpgateway.server.support.Browser;
import org.dmpgateway.server.support.MailServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.springframework.test.context.TestPropertySource;

import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the patient's pages' browser tests share (docs/patient-pages.md): one Spring configuration
 * (the patient API's end-to-end one, {@link PatientPortalEndToEndSupport}, on its own H2 database;
 * that class is {@code @DirtiesContext}, so each test class starts its server), a headless Chromium
 * per test ({@link Browser}),
 * a record activated through the API and the login pages.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:dmp-patient-pages;DB_CLOSE_DELAY=-1")
abstract class PatientPagesBrowserSupport extends PatientPortalEndToEndSupport {
    Browser browser;

    @BeforeEach
    void browser(TestInfo test) {
        browser = Browser.open(port, test.getTestMethod().orElseThrow().getName());
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /** The record notified and activated through the JSON API (the journey's pages have their own test). */
    String activatedThroughTheApi() {
        admin.notifyRecord(ins, email, mobile, serial, "EMAIL");
        String identifier = "pages" + ins.substring(9);
        activate(start(code(mailTo(email, 1).get(0)), "WITHOUT_PHOTO", serial).ok().get("journey"), identifier);
        return identifier;
    }

    /** The login pages: identifier, password, e-mail channel, then the one-time code read from {@code address}. */
    void signIn(String identifier, String address) {
        int seen = oneTimeCodes(address).size();
        if (!browser.path().startsWith("/patient/connexion")) {
            browser.go("/patient/connexion");
        }
        browser.type("identifier", identifier).type("password", PASSWORD).choose("channel").press("Continuer");
        assertEquals("Je saisis mon code d'accès à usage unique", browser.heading(), browser.text());
        await().atMost(TIMEOUT).until(() -> oneTimeCodes(address).size() > seen);
        browser.type("code", oneTimeCode(oneTimeCodes(address).get(seen).body())).press("Se connecter");
        assertEquals("/patient/espace", browser.path(), browser.text());
    }

    static List<MailServer.ReceivedMail> oneTimeCodes(String address) {
        return MAIL.receivedBy(address).stream()
                .filter(m -> "Mon espace santé : votre code à usage unique".equals(m.subject())).toList();
    }
}
