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
import org.junit.jupiter.api.function.Executable;
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
 * The patient side end to end (issue 15), shared by the account suite and the record suite: a
 * running server, the insurer's notice through /admin, the patient API over plain HTTP + JSON, the
 * codes received by a real SMTP server (GreenMail) or by the SMS provider (WireMock), a clock the
 * tests move, and the professional's answers over SOAP (IPF producers, VIHF) and FHIR (HAPI
 * client). Subclasses hold the scenarios; their subclasses choose the database.
 */
@SpringBootTest(classes = DmpGatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"dmp.notifications.poll-interval=100",
        "dmp.accounts.creation.poll-interval=200",
        // the machine running the tests may be loaded: the stubbed provider gets time to answer
        "dmp.sms.timeout=30s"})
@Import(PatientPortalEndToEndSupport.Clocks.class)
@DirtiesContext
abstract class PatientPortalEndToEndSupport {
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

    /** Another adult activates their own account through the journey (e-mail kept). */
    void activateAnother(String nir, String cardSerial, String address, String code, String identifier) {
        activateAnother(nir, cardSerial, address, "+33611223344", code, identifier);
    }

    /** The same with the mobile on file. */
    void activateAnother(String nir, String cardSerial, String address, String mobileOnFile, String code,
                         String identifier) {
        String journey = portal.post("/activation", Map.of("code", code, "cardType", "WITHOUT_PHOTO", "nir", nir,
                "serialNumber", cardSerial)).ok().get("journey");
        portal.post("/activation/decision", Map.of("journey", journey, "decision", "ACTIVATE", "termsAccepted", true))
                .ok();
        portal.post("/activation/contact", Map.of("journey", journey, "email", address, "mobile", mobileOnFile)).ok();
        assertEquals("ACTIVATED", credentials(journey, identifier).ok().get("state"));
    }

    /**
     * The insurer's notice, the activation journey with the e-mailed code, then the login with a
     * one-time code by e-mail: the signed-in patient's bearer token.
     */
    String activatedAndSignedIn() {
        admin.notifyRecord(ins, email, mobile, serial, "EMAIL");
        String identifier = "dossier" + ins.substring(9);
        activate(start(code(mailTo(email, 1).get(0)), "WITHOUT_PHOTO", serial).ok().get("journey"), identifier);
        return login(identifier, "EMAIL");
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
        return fhirSearch(Vihf.doctor(ins));
    }

    /** The patient's current DocumentReferences as {@code who} searches them over FHIR. */
    Bundle fhirSearch(Vihf who) {
        IGenericClient fhir = FhirClient.as(port, who);
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
        fhirRefuses(Vihf.doctor(ins), dmpCode, httpStatus);
    }

    /** {@code who}'s FHIR search is refused with {@code httpStatus} and an OperationOutcome naming {@code dmpCode}. */
    void fhirRefuses(Vihf who, String dmpCode, int httpStatus) {
        fhirRefused(dmpCode, httpStatus, () -> fhirSearch(who));
    }

    /** A FHIR call refused with {@code httpStatus} and an OperationOutcome carrying exactly {@code dmpCode}. */
    static void fhirRefused(String dmpCode, int httpStatus, Executable call) {
        BaseServerResponseException e = assertThrows(BaseServerResponseException.class, call);
        assertEquals(httpStatus, e.getStatusCode(), e::getMessage);
        IBaseOperationOutcome outcome = e.getOperationOutcome();
        assertNotNull(outcome, "an OperationOutcome is expected with " + dmpCode);
        List<String> codes = ((OperationOutcome) outcome).getIssue().stream()
                .flatMap(i -> i.getDetails().getCoding().stream())
                .filter(c -> FhirErrorMapper.CODE_SYSTEM.equals(c.getSystem())).map(Coding::getCode).toList();
        assertEquals(List.of(dmpCode), codes, e::getMessage);
    }

}
