package org.dmpgateway.server;

import org.dmpgateway.core.notification.OutboxSecrets;
import org.dmpgateway.model.PatientRecordState;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.repository.NotificationOutbox;
import org.dmpgateway.server.support.AdminClient;
import org.dmpgateway.server.support.MailServer;
import org.dmpgateway.server.support.SampleSubmissions;
import org.dmpgateway.server.support.TestKeys;
import org.dmpgateway.server.support.TestPatients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Outside sandbox mode the codes e-mailed to patients do not stay in the notification outbox, and
 * no /admin listing shows them (docs/security.md, "Secrets in the outbox"): the server in
 * production mode with an admin token of its own and a real SMTP server (GreenMail); the insurer's
 * notice sends the provisional code, which the patient receives; once sent, the outbox holds the
 * erased text, and {@code GET /admin/.../outbox} answers 404 even with the admin token.
 */
@SpringBootTest(classes = DmpGatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"dmp.sandbox=false",
                "spring.datasource.url=jdbc:h2:mem:production-mode-outbox;DB_CLOSE_DELAY=-1",
                "dmp.admin.token=" + ProductionModeOutboxEndToEndTest.ADMIN_TOKEN,
                "dmp.fhir.token.secret=" + ProductionModeEndToEndTest.FHIR_SECRET,
                "dmp.vihf.trust-store=" + TestKeys.TRUST_STORE, "dmp.vihf.trust-store-password=" + TestKeys.PASSWORD,
                "dmp.notifications.poll-interval=100"})
@DirtiesContext
class ProductionModeOutboxEndToEndTest {
    static final String ADMIN_TOKEN = "an-admin-token-of-this-test-only";
    static final MailServer MAIL = MailServer.startOnFreePort();
    static final Pattern PROVISIONAL_CODE = Pattern.compile("code provisoire à 12 caractères : (\\S{12}) ");

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        MAIL.registerSmtpProperties(registry);
    }

    @AfterAll
    static void stopMail() {
        MAIL.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    NotificationOutbox outbox;

    @Test
    void theProvisionalCodeIsErasedOnceSentAndNoListingShowsIt() throws Exception {
        String ins = TestPatients.newIns();
        String email = "patient." + ins + "@example.org";
        AdminClient admin = new AdminClient(port, SampleSubmissions.INS_OID, ADMIN_TOKEN);
        admin.createPatient(ins, PatientRecordState.NOTIFIED);
        admin.notifyRecord(ins, email, null, "01024576124" + ins.substring(13), "EMAIL");

        await().atMost(Duration.ofSeconds(20)).until(() -> !MAIL.receivedBy(email).isEmpty());
        Matcher m = PROVISIONAL_CODE.matcher(MAIL.receivedBy(email).get(0).body());
        assertTrue(m.find(), "the patient received the code");
        String code = m.group(1);
        PatientRef patient = new PatientRef(ins, SampleSubmissions.INS_OID);
        await().atMost(Duration.ofSeconds(20)).until(() -> outbox.findByPatient(patient, 10).stream()
                .allMatch(x -> x.status() == NotificationOutbox.Status.SENT));
        List<NotificationOutbox.Message> messages = outbox.findByPatient(patient, 10);
        assertEquals(1, messages.size());
        assertEquals(OutboxSecrets.ERASED, messages.get(0).notification().body());
        assertFalse(messages.get(0).notification().body().contains(code));

        for (String path : new String[] {"/outbox", "/outbox?kind=PROVISIONAL_CODE"}) {
            HttpResponse<String> listing = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                            "http://localhost:" + port + "/admin/patients/" + SampleSubmissions.INS_OID + "/" + ins + path))
                    .header("Authorization", "Bearer " + ADMIN_TOKEN).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(404, listing.statusCode(), listing.body());
            assertTrue(listing.body().contains("\"code\":\"SANDBOX_ONLY\""), listing.body());
            assertFalse(listing.body().contains(code));
        }
    }
}
