package org.dmpgateway.server;

import org.apache.camel.ProducerTemplate;
import org.dmpgateway.model.access.AccessMode;
import org.dmpgateway.model.PatientRecordState;
import org.dmpgateway.server.support.TestRecord;
import org.dmpgateway.server.support.AdminClient;
import org.dmpgateway.server.support.MailServer;
import org.dmpgateway.server.support.MailServer.ReceivedMail;
import org.dmpgateway.server.support.TestPatients;
import org.dmpgateway.server.support.Vihf;
import org.dmpgateway.server.support.XdsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AvailabilityStatus;
import org.openehealth.ipf.commons.ihe.xds.core.requests.ProvideAndRegisterDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.FindDocumentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Response;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.dmpgateway.server.support.SampleSubmissions.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The patient's e-mails caused by real requests, received by a real SMTP server (GreenMail): first
 * access of a professional, each document added, emergency access; none for a refused request or
 * a record without e-mail; and an e-mail written while the SMTP server is down is delivered once it
 * is back.
 */
@SpringBootTest(classes = DmpGatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:dmp-notifications;DB_CLOSE_DELAY=-1",
        "dmp.notifications.poll-interval=100",
        "dmp.notifications.retry-base-delay=200ms",
        "dmp.notifications.retry-max-delay=1s",
        "dmp.notifications.smtp.timeout=2s"})
@DirtiesContext
class DmpNotificationsEndToEndTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final MailServer MAIL = MailServer.startOnFreePort();
    private static final String OTHER_DOCTOR = "810002222222";

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
    ProducerTemplate producer;
    @Autowired
    JdbcTemplate jdbc;

    XdsClient xds;
    AdminClient admin;
    String ins;
    String email;

    @BeforeEach
    void newRecordWithEmail() {
        MAIL.start();
        xds = new XdsClient(producer, port);
        admin = new AdminClient(port);
        ins = TestPatients.newIns();
        email = "patient." + ins + "@example.org";
        admin.createPatient(ins, PatientRecordState.ACTIVATED);
        admin.settings(ins, "{\"email\":\"" + email + "\"}");
        admin.authorise(ins, Vihf.doctor(ins), false);
    }

    ProvideAndRegisterDocumentSet report(String title) {
        ProvideAndRegisterDocumentSet pnr = single(ins, text(title));
        pnr.getDocuments().get(0).getDocumentEntry().getTitle().setValue(title);
        return pnr;
    }

    FindDocumentsQuery find() {
        FindDocumentsQuery q = new FindDocumentsQuery();
        q.setPatientId(patient(ins));
        q.setStatus(List.of(AvailabilityStatus.APPROVED));
        return q;
    }

    List<ReceivedMail> mails(int expected) {
        await("e-mails to " + email).atMost(TIMEOUT).until(() -> MAIL.receivedBy(email).size() >= expected);
        return MAIL.receivedBy(email);
    }

    int outboxRows() {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM notification_outbox WHERE patient_id = ?", Integer.class, ins);
        return n == null ? 0 : n;
    }

    @Test
    void theFirstAccessAndEachDocumentAddedAreMailed() {
        assertEquals(Status.SUCCESS, xds.submit(report("Compte rendu de consultation cardiologique")).getStatus());
        List<ReceivedMail> first = mails(2);
        assertEquals(2, first.size(), () -> "first access + document added: " + first);
        ReceivedMail access = first.stream().filter(m -> m.subject().contains("a accédé")).findFirst().orElseThrow();
        assertTrue(access.body().contains("DURANT, Romuald (Médecin) a accédé pour la première fois"), access.body());
        ReceivedMail added = first.stream().filter(m -> m.subject().contains("nouveau document")).findFirst().orElseThrow();
        assertTrue(added.body().contains("Compte rendu de consultation cardiologique"), added.body());

        assertEquals(Status.SUCCESS, xds.query(find()).getStatus());
        assertEquals(Status.SUCCESS, xds.submit(report("Ordonnance")).getStatus());
        List<ReceivedMail> all = mails(3);
        assertEquals(3, all.size(), () -> "no second first-access e-mail: " + all);
        assertTrue(all.get(2).subject().contains("nouveau document") && all.get(2).body().contains("Ordonnance"),
                all.get(2).toString());
        assertEquals(3, outboxRows());
    }

    @Test
    void anEmergencyAccessIsMailedWithItsJustification() {
        Vihf breakGlass = Vihf.doctor(ins).as(OTHER_DOCTOR, "PETIT, Louis", Vihf.MEDECIN, Vihf.MEDECINE_GENERALE)
                .withMode(AccessMode.BREAK_GLASS).withJustification("patient inconscient, accident de la route");
        assertEquals(Status.SUCCESS, xds.as(breakGlass).query(find()).getStatus());
        List<ReceivedMail> received = mails(2);
        ReceivedMail emergency = received.stream().filter(m -> m.subject().contains("urgence")).findFirst().orElseThrow();
        assertTrue(emergency.body().contains("PETIT, Louis") && emergency.body().contains("bris de glace")
                && emergency.body().contains("patient inconscient, accident de la route"), emergency.body());
    }

    @Test
    void refusedRequestsAndRecordsWithoutEmailSendNothing() {
        Vihf stranger = Vihf.doctor(ins).as(OTHER_DOCTOR, "PETIT, Louis", Vihf.MEDECIN, null);
        Response refused = xds.as(stranger).submit(report("refusé"));
        assertEquals(Status.FAILURE, refused.getStatus());
        admin.setState(ins, PatientRecordState.CLOSED);
        assertEquals(Status.FAILURE, xds.submit(report("dossier fermé")).getStatus());
        assertEquals(0, outboxRows(), "a refused request writes no e-mail");

        String silent = TestRecord.create(admin).ins();
        assertEquals(Status.SUCCESS, xds.submit(single(silent, text("sans e-mail"))).getStatus());
        Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM notification_outbox WHERE patient_id = ?",
                Integer.class, silent);
        assertEquals(0, rows, "no e-mail address, no e-mail");
    }

    @Test
    void anEmailWrittenWhileTheSmtpServerIsDownIsDeliveredWhenItIsBack() {
        MAIL.stop();
        assertEquals(Status.SUCCESS, xds.submit(report("Résultats de biologie")).getStatus(),
                "the action does not depend on the mail server");
        await("failed attempts recorded").atMost(TIMEOUT).until(() -> {
            List<Map<String, Object>> rows = jdbc.queryForList(
                    "SELECT attempts, last_error, sent_ms FROM notification_outbox WHERE patient_id = ?", ins);
            return rows.size() == 2 && rows.stream().allMatch(r -> ((Number) r.get("ATTEMPTS")).intValue() >= 1
                    && r.get("LAST_ERROR") != null && r.get("SENT_MS") == null);
        });
        assertTrue(MAIL.receivedBy(email).isEmpty());

        MAIL.start();
        List<ReceivedMail> delivered = mails(2);
        assertEquals(2, delivered.size());
        assertTrue(delivered.stream().anyMatch(m -> m.body().contains("Résultats de biologie")));
        await("all marked sent").atMost(TIMEOUT).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM notification_outbox WHERE patient_id = ? AND sent_ms IS NOT NULL", Integer.class,
                ins) == 2);
    }
}
