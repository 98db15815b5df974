package org.dmpgateway.server;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.gclient.TokenClientParam;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.ProducerTemplate;
import org.dmpgateway.mappings.fhir.error.FhirErrorMapper;
import org.dmpgateway.model.PatientRecordState;
import org.dmpgateway.server.support.AdminClient;
import org.dmpgateway.server.support.FhirClient;
import org.dmpgateway.server.support.MailServer;
import org.dmpgateway.server.support.MovableClock;
import org.dmpgateway.server.support.PatientPortalClient;
import org.dmpgateway.server.support.PatientPortalClient.Answer;
import org.dmpgateway.server.support.SampleSubmissions;
import org.dmpgateway.server.support.SmsProvider;
import org.dmpgateway.server.support.TestPatients;
import org.dmpgateway.server.support.Vihf;
import org.dmpgateway.server.support.XdsClient;
import org.hl7.fhir.instance.model.api.IBaseOperationOutcome;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AvailabilityStatus;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.FindDocumentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Response;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.dmpgateway.server.support.XdsAnswers.describe;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Mon espace santé accounts end to end (issue 15): a running server, the insurer's notice through
 * /admin, the patient's journey over the patient API (plain HTTP + JSON), the codes received by a
 * real SMTP server (GreenMail) or by the SMS provider (WireMock), the clock moved to run the
 * opposition period, and after each step the professional's answer over SOAP (IPF producers, VIHF)
 * and FHIR (HAPI client). Subclasses choose the database.
 */
@SpringBootTest(classes = DmpGatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"dmp.notifications.poll-interval=100",
        "dmp.accounts.creation.poll-interval=200",
        // the machine running the tests may be loaded: the stubbed provider gets time to answer
        "dmp.sms.timeout=30s"})
@Import(PatientAccountEndToEndTestBase.Clocks.class)
@DirtiesContext
abstract class PatientAccountEndToEndTestBase {
    static final Duration TIMEOUT = Duration.ofSeconds(20);
    static final MailServer MAIL = MailServer.startOnFreePort();
    static final SmsProvider SMS = SmsProvider.start();
    static final Pattern PROVISIONAL_CODE = Pattern.compile("code provisoire à 12 caractères : (\\S{12}) ");
    static final Pattern ONE_TIME_CODE = Pattern.compile("code à usage unique est (\\d{6})");
    static final String PASSWORD = "Santé-2026!";
    static final ObjectMapper JSON = new ObjectMapper();

    @TestConfiguration
    static class Clocks {
        @Bean
        MovableClock clock() {
            return new MovableClock();
        }
    }

    @DynamicPropertySource
    static void outside(DynamicPropertyRegistry registry) {
        MAIL.registerSmtpProperties(registry);
        SMS.registerProperties(registry);
    }

    static {
        // shared by the H2 and PostgreSQL subclasses (each test uses addresses of its own): stopped with the JVM
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            MAIL.close();
            SMS.close();
        }));
    }

    @LocalServerPort
    int port;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    MovableClock clock;

    AdminClient admin;
    PatientPortalClient portal;
    String ins;
    String email;
    String mobile;
    String serial;

    @BeforeEach
    void notifiedRecord() {
        admin = new AdminClient(port);
        portal = new PatientPortalClient(port);
        ins = TestPatients.newIns();
        email = "patient." + ins + "@example.org";
        mobile = "+336" + ins.substring(7, 15);
        serial = "01024576124" + ins.substring(13);
        admin.createPatient(ins, PatientRecordState.NOTIFIED);
        admin.authorise(ins, Vihf.DURANT, "DURANT Romuald", false);
    }

    // ------------------------------------------------------------------ scenarios

    @Test
    void activationWithTheCodeReceivedByEmailThenLoginWithAnEmailedOneTimeCode() {
        admin.notifyRecord(ins, email, mobile, serial, "EMAIL");
        MailServer.ReceivedMail notice = mailTo(email, 1).get(0);
        assertEquals("Mon espace santé : votre code provisoire", notice.subject());
        assertTrue(notice.body().contains("automatiquement créé (loi OTSS de juillet 2019)"), notice.body());
        assertTrue(notice.body().contains("Au bout de 6 semaines"), notice.body());
        professionalGets("DMP_UNKNOWN", 404);

        String journey = start(code(notice), "WITHOUT_PHOTO", serial).ok().get("journey");
        Answer decided = portal.post("/activation/decision", Map.of("journey", journey, "decision", "ACTIVATE",
                "termsAccepted", true)).ok();
        assertEquals("DECIDED", decided.get("step"));
        assertEquals(email, decided.get("email"), "the contact on file is shown once the card is verified");
        assertEquals("CONTACT_CONFIRMED", portal.post("/activation/contact", Map.of("journey", journey,
                "email", email, "mobile", mobile)).ok().get("step"));
        Answer activated = credentials(journey, "patient" + ins.substring(9)).ok();
        assertEquals("ACTIVATED", activated.get("state"));
        assertEquals("ACTIVATED", state());

        professionalIsServed();
        String token = login("patient" + ins.substring(9), "EMAIL");
        Answer me = portal.get("/me", token).ok();
        assertEquals("ACTIVATED", me.get("state"));
        assertEquals(ins, me.get("ins"));
        assertNotNull(me.get("activatedAt"));
        List<String> steps = historyDetails(token);
        assertTrue(steps.stream().anyMatch(d -> d.startsWith("Mon espace santé activated (state NOTIFIED -> ACTIVATED)")),
                steps::toString);
        assertTrue(steps.stream().anyMatch(d -> d.startsWith("record notified")), steps::toString);
    }

    @Test
    void oppositionBeforeCreationThenChangeOfMindWithACodeReissuedBySms() {
        admin.notifyRecord(ins, email, mobile, serial, "EMAIL");
        String code = code(mailTo(email, 1).get(0));
        String journey = start(code, "WITHOUT_PHOTO", serial).ok().get("journey");
        Answer opposed = portal.post("/activation/decision", Map.of("journey", journey, "decision", "OPPOSE",
                "termsAccepted", true)).ok();
        assertEquals("OPPOSED", opposed.get("state"));
        assertEquals("OPPOSED", state());
        professionalGets("DMP_OPPOSED", 410);

        Answer used = start(code, "WITHOUT_PHOTO", serial);
        assertError(used, 410, "CODE_USED", "code");

        // the card with a photo: its last 11 digits
        Answer sent = portal.post("/provisional-code", Map.of("nir", spaced(ins), "cardType", "WITH_PHOTO",
                "serialNumber", serial.substring(serial.length() - 11), "channel", "SMS"));
        assertEquals(202, sent.status(), sent.text());
        assertTrue(sent.get("sentTo").endsWith(mobile.substring(mobile.length() - 2)), sent.text());
        List<SmsProvider.Sms> smsList = SMS.sentTo(mobile);
        assertEquals(1, smsList.size());
        Matcher m = PROVISIONAL_CODE.matcher(smsList.get(0).text());
        assertTrue(m.find(), smsList.get(0).text());
        String again = start(m.group(1), "WITH_PHOTO", serial.substring(serial.length() - 11)).ok().get("journey");
        activate(again, "reprise" + ins.substring(9));
        assertEquals("ACTIVATED", state());
        professionalIsServed();
        assertTrue(adminTraceDetails().stream().anyMatch(d -> d.startsWith("Mon espace santé reactivated (state "
                + "OPPOSED -> ACTIVATED)")));
    }

    @Test
    void automaticCreationAfterTheOppositionPeriodThenOppositionAsClosure() {
        admin.notifyRecord(ins, email, mobile, serial, "EMAIL");
        String code = code(mailTo(email, 1).get(0));
        clock.advance(Duration.ofDays(41));
        assertEquals("NOTIFIED", state(), "the period has not ended yet");
        clock.advance(Duration.ofDays(2));
        await().atMost(TIMEOUT).until(() -> "CREATED".equals(state()));
        MailServer.ReceivedMail created = mailTo(email, 2).get(1);
        assertEquals("Votre profil Mon espace santé a été créé", created.subject());
        assertTrue(created.body().contains("activez Mon espace santé"), created.body());
        professionalIsServed();

        String journey = start(code, "WITHOUT_PHOTO", serial).ok().get("journey");
        assertEquals("CLOSED", portal.post("/activation/decision", Map.of("journey", journey, "decision", "OPPOSE",
                "termsAccepted", true)).ok().get("state"));
        professionalGets("DMP_CLOSED", 410);
        List<String> details = adminTraceDetails();
        assertTrue(details.stream().anyMatch(d -> d.startsWith("record created automatically (state NOTIFIED -> "
                + "CREATED)")), details::toString);
        assertTrue(details.stream().anyMatch(d -> d.equals("Mon espace santé closed (state CREATED -> CLOSED), "
                + "reason: opposition du patient")), details::toString);
    }

    @Test
    void wrongAttemptsLockTheCodeUntilANewOneIsSentByEmail() {
        admin.notifyRecord(ins, email, mobile, serial, "SMS");
        String code = codeFromSms(0);
        String wrong = (code.charAt(0) == 'A' ? "B" : "A") + code.substring(1);
        for (int left = 4; left >= 1; left--) {
            Answer a = start(wrong, "WITHOUT_PHOTO", serial);
            assertError(a, 401, "WRONG_CREDENTIALS", "code");
            assertTrue(a.get("message").contains("Il vous reste " + left), a.text());
        }
        Answer locked = start(wrong, "WITHOUT_PHOTO", serial);
        assertError(locked, 423, "CODE_LOCKED", "code");
        assertTrue(locked.get("message").contains("bloqué après 5 essais erronés"), locked.text());
        assertError(start(code, "WITHOUT_PHOTO", serial), 423, "CODE_LOCKED", "code");

        Answer sent = portal.post("/provisional-code", Map.of("nir", ins, "cardType", "WITHOUT_PHOTO",
                "serialNumber", serial, "channel", "EMAIL"));
        assertEquals(202, sent.status(), sent.text());
        String fresh = code(mailTo(email, 1).get(0));
        assertNotEquals(code, fresh);
        assertError(start(code, "WITHOUT_PHOTO", serial), 401, "WRONG_CREDENTIALS", "code");
        activate(start(fresh, "WITHOUT_PHOTO", serial).ok().get("journey"), "verrou" + ins.substring(9));
        assertEquals("ACTIVATED", state());
        assertTrue(adminTraceOutcomes().contains("CODE_LOCKED"), "the lock is in the history");
    }

    @Test
    void expiredCodeIsRefused() {
        admin.notifyRecord(ins, email, mobile, serial, "EMAIL");
        String code = code(mailTo(email, 1).get(0));
        clock.advance(Duration.ofDays(91));
        assertError(start(code, "WITHOUT_PHOTO", serial), 410, "CODE_EXPIRED", "code");
    }

    @Test
    void closureAndReactivation() {
        admin.notifyRecord(ins, email, mobile, serial, "EMAIL");
        activate(start(code(mailTo(email, 1).get(0)), "WITHOUT_PHOTO", serial).ok().get("journey"),
                "cloture" + ins.substring(9));
        String token = login("cloture" + ins.substring(9), "SMS");
        assertError(portal.post("/me/closure", Map.of("reason", ""), token), 400, "INVALID_FIELD", "reason");
        Answer closed = portal.post("/me/closure", Map.of("reason", "Je n'utilise plus le service"), token).ok();
        assertEquals("CLOSED", closed.get("state"));
        assertEquals("Je n'utilise plus le service", closed.get("closeReason"));
        assertNotNull(closed.get("closedAt"));
        assertError(portal.get("/me", token), 401, "UNAUTHENTICATED", "Authorization");
        professionalGets("DMP_CLOSED", 410);

        portal.post("/provisional-code", Map.of("nir", ins, "cardType", "WITHOUT_PHOTO", "serialNumber", serial))
                .ok();
        activate(start(code(mailTo(email, 2).get(1)), "WITHOUT_PHOTO", serial).ok().get("journey"),
                "cloture" + ins.substring(9));
        assertEquals("ACTIVATED", state());
        professionalIsServed();
        assertTrue(adminTraceDetails().stream().anyMatch(d -> d.startsWith("Mon espace santé reactivated (state "
                + "CLOSED -> ACTIVATED)")));
    }

    @Test
    void changedContactIsConfirmedWithOneTimeCodesSentToTheNewEmailAndMobile() {
        admin.notifyRecord(ins, email, null, serial, "EMAIL");
        String journey = start(code(mailTo(email, 1).get(0)), "WITHOUT_PHOTO", serial).ok().get("journey");
        portal.post("/activation/decision", Map.of("journey", journey, "decision", "ACTIVATE", "termsAccepted", true))
                .ok();
        String newEmail = "nouvelle." + ins + "@example.org";
        Answer pending = portal.post("/activation/contact", Map.of("journey", journey, "email", newEmail,
                "mobile", "06 " + mobile.substring(4))).ok();
        assertEquals("CONTACT_PENDING", pending.get("step"));
        String emailCode = oneTimeCode(mailTo(newEmail, 1).get(0).body());
        Matcher sms = ONE_TIME_CODE.matcher(SMS.sentTo(mobile).get(0).text());
        assertTrue(sms.find());
        assertError(portal.post("/activation/credentials", Map.of("journey", journey, "identifier", "abcdefgh1",
                "password", PASSWORD, "passwordConfirmation", PASSWORD)), 409, "STEP_OUT_OF_ORDER", null);
        String wrong = emailCode.equals("000000") ? "111111" : "000000";
        assertError(portal.post("/activation/contact/confirmation", Map.of("journey", journey, "emailCode", wrong,
                "smsCode", sms.group(1))), 401, "WRONG_ONE_TIME_CODE", "emailCode");
        assertEquals("CONTACT_CONFIRMED", portal.post("/activation/contact/confirmation", Map.of("journey", journey,
                "emailCode", emailCode, "smsCode", sms.group(1))).ok().get("step"));
        credentials(journey, "contact" + ins.substring(9)).ok();
        assertTrue(admin.record(ins).contains("\"email\":\"" + newEmail + "\""), "the confirmed e-mail receives the "
                + "record's notifications");
    }

    @Test
    void eachFieldIsValidatedWithAFrenchMessageNamingIt() {
        admin.notifyRecord(ins, email, mobile, serial, "EMAIL");
        String code = code(mailTo(email, 1).get(0));
        assertError(start(code.substring(1), "WITHOUT_PHOTO", serial), 400, "INVALID_FIELD", "code");
        assertError(start(code, "SANS_PHOTO", serial), 400, "INVALID_FIELD", "cardType");
        Answer badNir = portal.post("/activation", Map.of("code", code, "cardType", "WITHOUT_PHOTO",
                "nir", ins.substring(0, 13) + (ins.endsWith("01") ? "02" : "01"), "serialNumber", serial));
        assertError(badNir, 400, "INVALID_FIELD", "nir");
        assertTrue(badNir.get("message").contains("clé"), badNir.text());
        assertError(start(code, "WITH_PHOTO", serial.substring(0, 10)), 400, "INVALID_FIELD", "serialNumber");
        assertError(start(code, "WITHOUT_PHOTO", "1234567"), 400, "INVALID_FIELD", "serialNumber");
        assertError(portal.post("/activation/decision", Map.of("journey", "nope", "decision", "ACTIVATE",
                "termsAccepted", true)), 404, "JOURNEY_UNKNOWN", "journey");

        String journey = start(code, "WITHOUT_PHOTO", serial).ok().get("journey");
        assertError(portal.post("/activation/decision", Map.of("journey", journey, "decision", "ACTIVATE",
                "termsAccepted", false)), 400, "INVALID_FIELD", "termsAccepted");
        portal.post("/activation/decision", Map.of("journey", journey, "decision", "ACTIVATE", "termsAccepted", true))
                .ok();
        assertError(portal.post("/activation/contact", Map.of("journey", journey, "email", "pas-une-adresse")),
                400, "INVALID_FIELD", "email");
        assertError(portal.post("/activation/contact", Map.of("journey", journey, "email", email, "mobile", "0123")),
                400, "INVALID_FIELD", "mobile");
        portal.post("/activation/contact", Map.of("journey", journey, "email", email)).ok();
        Map<String, String> rules = Map.of("court", "identifier", "moi@example.org", "identifier");
        rules.forEach((id, field) -> assertError(portal.post("/activation/credentials", Map.of("journey", journey,
                "identifier", id, "password", PASSWORD, "passwordConfirmation", PASSWORD)), 400, "INVALID_FIELD", field));
        Answer weak = portal.post("/activation/credentials", Map.of("journey", journey, "identifier", "valide123",
                "password", "motdepasse", "passwordConfirmation", "motdepasse"));
        assertError(weak, 400, "INVALID_FIELD", "password");
        assertTrue(weak.get("message").contains("1 majuscule, 1 chiffre, 1 caractère spécial"), weak.text());
        assertError(portal.post("/activation/credentials", Map.of("journey", journey, "identifier", "valide123",
                "password", PASSWORD, "passwordConfirmation", PASSWORD + "x")), 400, "INVALID_FIELD",
                "passwordConfirmation");
        assertEquals("NOTIFIED", state(), "nothing changed");
    }

    // ------------------------------------------------------------------ patient side helpers

    Answer start(String code, String cardType, String serialNumber) {
        return portal.post("/activation", Map.of("code", code, "cardType", cardType, "nir", ins,
                "serialNumber", serialNumber));
    }

    Answer credentials(String journey, String identifier) {
        return portal.post("/activation/credentials", Map.of("journey", journey, "identifier", identifier,
                "password", PASSWORD, "passwordConfirmation", PASSWORD));
    }

    void activate(String journey, String identifier) {
        portal.post("/activation/decision", Map.of("journey", journey, "decision", "ACTIVATE", "termsAccepted", true))
                .ok();
        portal.post("/activation/contact", Map.of("journey", journey, "email", email, "mobile", mobile)).ok();
        assertEquals("ACTIVATED", credentials(journey, identifier).ok().get("state"));
    }

    /** Identifier, password, then the one-time code received by {@code channel}: the bearer token. */
    String login(String identifier, String channel) {
        int mails = oneTimeCodeMails().size();
        int sms = SMS.sentTo(mobile).size();
        assertError(portal.post("/login", Map.of("identifier", identifier, "password", PASSWORD + "x")), 401,
                "WRONG_CREDENTIALS", "password");
        Answer challenge = portal.post("/login", Map.of("identifier", identifier, "password", PASSWORD,
                "channel", channel)).ok();
        String code = "SMS".equals(channel) ? oneTimeCode(SMS.sentTo(mobile).get(sms).text())
                : oneTimeCode(awaitOneTimeCodeMail(mails).body());
        return portal.post("/login/confirmation", Map.of("challenge", challenge.get("challenge"), "code", code)).ok()
                .get("token");
    }

    /** The one-time code e-mails to the patient (other e-mails, such as "document added", may arrive meanwhile). */
    List<MailServer.ReceivedMail> oneTimeCodeMails() {
        return MAIL.receivedBy(email).stream()
                .filter(m -> "Mon espace santé : votre code à usage unique".equals(m.subject())).toList();
    }

    MailServer.ReceivedMail awaitOneTimeCodeMail(int seenBefore) {
        await().atMost(TIMEOUT).until(() -> oneTimeCodeMails().size() > seenBefore);
        return oneTimeCodeMails().get(seenBefore);
    }

    List<String> historyDetails(String token) {
        try {
            List<Map<String, Object>> lines = JSON.readValue(portal.get("/me/history", token).ok().text(),
                    new TypeReference<>() {
                    });
            return lines.stream().map(l -> String.valueOf(l.get("detail"))).toList();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    static String spaced(String nir) {
        return nir.charAt(0) + " " + nir.substring(1, 3) + " " + nir.substring(3, 5) + " " + nir.substring(5, 7) + " "
                + nir.substring(7, 10) + " " + nir.substring(10, 13) + " " + nir.substring(13);
    }

    static String code(MailServer.ReceivedMail mail) {
        Matcher m = PROVISIONAL_CODE.matcher(mail.body());
        assertTrue(m.find(), mail.body());
        return m.group(1);
    }

    static String oneTimeCode(String text) {
        Matcher m = ONE_TIME_CODE.matcher(text);
        assertTrue(m.find(), text);
        return m.group(1);
    }

    String codeFromSms(int index) {
        List<SmsProvider.Sms> list = SMS.sentTo(mobile);
        Matcher m = PROVISIONAL_CODE.matcher(list.get(index).text());
        assertTrue(m.find(), list.get(index).text());
        assertEquals("MonEspSante", list.get(index).from());
        return m.group(1);
    }

    static List<MailServer.ReceivedMail> mailTo(String address, int count) {
        await().atMost(TIMEOUT).until(() -> MAIL.receivedBy(address).size() >= count);
        return MAIL.receivedBy(address);
    }

    static void assertError(Answer a, int status, String code, String field) {
        assertEquals(status, a.status(), a.text());
        assertEquals(code, a.get("code"), a.text());
        assertEquals(field, a.get("field"), a.text());
        assertNotNull(a.get("message"), a.text());
    }

    String state() {
        try {
            return String.valueOf(JSON.readValue(admin.record(ins), Map.class).get("state"));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    List<Map<String, Object>> adminTraces() {
        try {
            return JSON.readValue(admin.traces(ins), new TypeReference<>() {
            });
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    List<String> adminTraceDetails() {
        return adminTraces().stream().filter(t -> "ACCOUNT".equals(t.get("action")))
                .map(t -> String.valueOf(t.get("detail"))).toList();
    }

    List<String> adminTraceOutcomes() {
        return adminTraces().stream().filter(t -> "ACCOUNT".equals(t.get("action")))
                .map(t -> String.valueOf(t.get("outcome"))).toList();
    }

    // ------------------------------------------------------------------ the professional's side

    XdsClient xds() {
        return new XdsClient(producer, port).forPatient(ins);
    }

    FindDocumentsQuery find() {
        FindDocumentsQuery q = new FindDocumentsQuery();
        q.setPatientId(SampleSubmissions.patient(ins));
        q.setStatus(List.of(AvailabilityStatus.APPROVED));
        return q;
    }

    Bundle fhirSearch() {
        IGenericClient fhir = FhirClient.as(port, Vihf.doctor(ins));
        return fhir.search().forResource(DocumentReference.class)
                .where(new TokenClientParam("patient.identifier").exactly()
                        .systemAndCode("urn:oid:" + SampleSubmissions.INS_OID, ins))
                .and(DocumentReference.STATUS.exactly().code("current"))
                .returnBundle(Bundle.class).execute();
    }

    /** The professional's submission is stored and found over SOAP and FHIR. */
    void professionalIsServed() {
        var pnr = SampleSubmissions.single(ins, SampleSubmissions.text("Compte rendu pour " + ins));
        String uniqueId = pnr.getDocuments().get(0).getDocumentEntry().getUniqueId();
        Response submitted = xds().submit(pnr);
        assertEquals(Status.SUCCESS, submitted.getStatus(), () -> describe(submitted.getErrors()));
        var queried = xds().query(find());
        assertEquals(Status.SUCCESS, queried.getStatus(), () -> describe(queried.getErrors()));
        assertTrue(queried.getDocumentEntries().stream().anyMatch(e -> uniqueId.equals(e.getUniqueId())));
        assertTrue(fhirSearch().getEntry().stream().map(e -> (DocumentReference) e.getResource())
                .anyMatch(d -> d.getMasterIdentifier().getValue().equals("urn:oid:" + uniqueId)));
    }

    /** The professional is refused with {@code dmpCode} over SOAP (submit, query) and FHIR (search). */
    void professionalGets(String dmpCode, int httpStatus) {
        var pnr = SampleSubmissions.single(ins, SampleSubmissions.text("Refusé pour " + ins));
        for (Response r : List.of(xds().submit(pnr), xds().query(find()))) {
            assertEquals(Status.FAILURE, r.getStatus());
            assertTrue(r.getErrors().stream().anyMatch(e -> e.getCodeContext() != null
                    && e.getCodeContext().startsWith(dmpCode + ":")), () -> describe(r.getErrors()));
        }
        BaseServerResponseException e = assertThrows(BaseServerResponseException.class, this::fhirSearch);
        assertEquals(httpStatus, e.getStatusCode(), e::getMessage);
        IBaseOperationOutcome outcome = e.getOperationOutcome();
        assertNotNull(outcome, "an OperationOutcome is expected with " + dmpCode);
        List<String> codes = ((OperationOutcome) outcome).getIssue().stream()
                .flatMap(i -> i.getDetails().getCoding().stream())
                .filter(c -> FhirErrorMapper.CODE_SYSTEM.equals(c.getSystem())).map(Coding::getCode).toList();
        assertEquals(List.of(dmpCode), codes, e::getMessage);
    }

}
