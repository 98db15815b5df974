package org.dmpgateway.server;

import ca.uhn.hl7v2.model.Message;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dmpgateway.config.DmpProperties;
import org.dmpgateway.model.PatientRecordState;
import org.dmpgateway.server.support.AdminClient;
import org.dmpgateway.server.support.FhirClient;
import org.dmpgateway.server.support.Hl7v2Messages;
import org.dmpgateway.server.support.MailServer;
import org.dmpgateway.server.support.PatientPortalClient;
import org.dmpgateway.server.support.SampleSubmissions;
import org.dmpgateway.server.support.TestPatients;
import org.dmpgateway.server.support.TestRecord;
import org.dmpgateway.server.support.Vihf;
import org.dmpgateway.server.support.XdsClient;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssociationType;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AvailabilityStatus;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Code;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetDocumentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetRelatedDocumentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.responses.QueryResponse;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.dmpgateway.server.support.Hl7v2Messages.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HL7v2 over MLLP end to end (issue 18, docs/hl7v2.md): HAPI HL7v2's MLLP client sends the ANS guide's
 * example messages (creation T02, replacement T10, deletion T04) or messages built from them by the guide's
 * rules to the running server; each acknowledgement is checked, then what the DMP holds is read back over
 * ITI-18 (IPF's XDS client) and ITI-67 (HAPI FHIR client, every answer validated), the MSSanté destinations
 * through GreenMail (professionals) and the patient API (Mon espace santé mailbox). The leaves choose the
 * database (H2, PostgreSQL).
 */
@SpringBootTest(classes = DmpGatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "dmp.hl7v2.enabled=true",
                "dmp.hl7v2.host=127.0.0.1",
                "dmp.hl7v2.senders[0].application=" + Hl7v2Messages.APPLICATION,
                "dmp.hl7v2.senders[0].facility=" + Hl7v2Messages.FACILITY,
                "dmp.hl7v2.senders[0].structure-id=1120456789",
                "dmp.hl7v2.senders[0].activity-sector=SA01^1.2.250.1.71.4.2.4",
                "dmp.hl7v2.senders[0].role=10^1.2.250.1.71.1.2.7",
                "dmp.hl7v2.senders[0].specialty=SM26^1.2.250.1.71.4.2.5",
                "dmp.hl7v2.senders[0].software-name=PFI-Y 2.1",
                "dmp.hl7v2.senders[0].software-homologation=HOMOL-PFI-Y",
                "dmp.hl7v2.senders[0].mailbox=" + Hl7v2EndToEndTestBase.PFI_MAILBOX})
@DirtiesContext
abstract class Hl7v2EndToEndTestBase extends PatientPortalEndToEndSupport {
    /** The declared sender's applicative MSSanté mailbox (the guide's FROM). */
    static final String PFI_MAILBOX = "pfi-y@hopital-y.mssante.fr";
    /** The professional of the guide's example (PRT RCT, PRT-15.4). */
    static final String HODA = "adam.hoda@test-ci-sis.mssante.fr";
    private static final String INS_SYSTEM = "urn:oid:" + SampleSubmissions.INS_OID;
    /** A free port for the MLLP listener of each server this suite starts. */
    @DynamicPropertySource
    static void mllpPort(DynamicPropertyRegistry registry) {
        int free = freePort();
        registry.add("dmp.hl7v2.port", () -> free);
    }

    @Autowired
    DmpProperties.Hl7v2 hl7v2;

    XdsClient xds;

    @BeforeEach
    void client() {
        xds = new XdsClient(producer, port);
    }

    /** Dr Eric Thomas, the guide's sender, as a VIHF for the reads. */
    static Vihf thomas(String ins) {
        return Vihf.doctor(ins).as(Hl7v2Messages.SENDER, "Eric, Thomas", Vihf.MEDECIN, null);
    }

    /** The patient authorises the guide's sender (and Dr DURANT). */
    TestRecord authorisesSender(String ins) {
        return TestRecord.seeded(port, ins).authorise(thomas(ins));
    }

    @Test
    void theGuideExamplesCreateReplaceAndDeleteTheDocument() {
        String ins = Hl7v2Messages.PATIENT;
        authorisesSender(ins);

        Hl7v2Messages creation = Hl7v2Messages.example(Hl7v2Messages.CREATION);
        Message ack = creation.send(hl7v2.port());
        assertEquals("AA", field(ack, "/MSA-1"), () -> Hl7v2Messages.encode(ack));
        assertEquals(creation.controlId(), field(ack, "/MSA-2"));
        assertEquals("ACK", field(ack, "/MSH-9-1"));
        assertEquals("T02", field(ack, "/MSH-9-2"));
        assertEquals(Hl7v2Messages.APPLICATION, field(ack, "/MSH-5-1"), "the acknowledgement goes back to the sender");
        // the example asks for MSSanté too (DESTMSSANTEPS=Y, Dr Hoda's address): sent, nothing to warn about
        assertNull(field(ack, "/ERR-4"), () -> Hl7v2Messages.encode(ack));
        await().atMost(TIMEOUT).until(() -> MAIL.receivedBy(HODA).stream().anyMatch(m -> "Radio de hanche"
                .equals(m.subject())));

        DocumentEntry v1 = document(ins, Hl7v2Messages.DOCUMENT_V1);
        assertEquals(AvailabilityStatus.APPROVED, v1.getAvailabilityStatus());
        assertEquals("18748-4", v1.getTypeCode().getCode());
        assertEquals("31", v1.getClassCode().getCode(), "ASS_X16: CR d'imagerie médicale -> Imagerie médicale");
        assertEquals("urn:ihe:iti:xds-sd:pdf:2008", v1.getFormatCode().getCode());
        assertEquals("text/xml", v1.getMimeType());
        assertEquals("Radio de hanche", v1.getTitle().getValue());
        // the example's metas INVISIBLE_PATIENT=Y and INVISIBLE_REP_LEGAUX=Y, after the CDA's N
        assertEquals(List.of("N", "INVISIBLE_PATIENT", "INVISIBLE_REPRESENTANTS_LEGAUX"),
                v1.getConfidentialityCodes().stream().map(Code::getCode).toList());
        assertEquals(Hl7v2Messages.SENDER, v1.getAuthors().get(0).getAuthorPerson().getId().getId());

        List<DocumentReference> found = iti67Current(ins, Hl7v2Messages.DOCUMENT_V1);
        assertEquals(1, found.size(), "ITI-67 finds the document");
        assertTrue(found.get(0).getSecurityLabel().stream().flatMap(l -> l.getCoding().stream())
                .anyMatch(c -> "INVISIBLE_PATIENT".equals(c.getCode())), "the meta as a security label over FHIR");

        Hl7v2Messages replacement = Hl7v2Messages.example(Hl7v2Messages.REPLACEMENT);
        Message replaced = replacement.send(hl7v2.port());
        assertEquals("AA", field(replaced, "/MSA-1"), () -> Hl7v2Messages.encode(replaced));
        assertEquals("T10", field(replaced, "/MSH-9-2"));
        Message expected = Hl7v2Messages.expectedReplacementAck(); // the guide's ACK of this example
        for (String path : List.of("/MSH-3-1", "/MSH-4-1", "/MSH-5-1", "/MSH-6-1", "/MSH-9-1", "/MSH-9-2", "/MSH-9-3",
                "/MSH-11", "/MSH-12", "/MSH-17", "/MSH-18", "/MSA-1")) {
            assertEquals(field(expected, path), field(replaced, path), path);
        }
        assertEquals(AvailabilityStatus.DEPRECATED, document(ins, Hl7v2Messages.DOCUMENT_V1).getAvailabilityStatus());
        DocumentEntry v2 = document(ins, Hl7v2Messages.DOCUMENT_V2);
        assertEquals(AvailabilityStatus.APPROVED, v2.getAvailabilityStatus());
        assertEquals(List.of("N"), v2.getConfidentialityCodes().stream().map(Code::getCode).toList(),
                "the replacement's metas are all N");
        GetRelatedDocumentsQuery related = new GetRelatedDocumentsQuery();
        related.setUuid(v2.getEntryUuid());
        related.setAssociationTypes(List.of(AssociationType.REPLACE));
        QueryResponse rplc = xds.as(Vihf.doctor(ins)).forPatient(ins).query(related);
        assertTrue(rplc.getAssociations().stream().anyMatch(a -> "urn:ihe:iti:2007:AssociationType:RPLC"
                .equals(a.getAssociationType().getOpcode30()) && v1.getEntryUuid().equals(a.getTargetUuid())),
                () -> "RPLC v2 -> v1: " + rplc.getAssociations());

        Message deleted = Hl7v2Messages.example(Hl7v2Messages.DELETION).send(hl7v2.port());
        assertEquals("AA", field(deleted, "/MSA-1"), () -> Hl7v2Messages.encode(deleted));
        assertEquals("T04", field(deleted, "/MSH-9-2"));
        assertTrue(documents(ins, Hl7v2Messages.DOCUMENT_V2).stream()
                .noneMatch(e -> e.getAvailabilityStatus() == AvailabilityStatus.APPROVED), "v2 is no longer current");
        assertTrue(iti67Current(ins, Hl7v2Messages.DOCUMENT_V2).isEmpty(), "ITI-67 no longer finds the deleted document");
    }

    @Test
    void aMessageSentAgainGetsTheSameAcknowledgementAndIsStoredOnce() {
        TestRecord record = freshRecord();
        Hl7v2Messages creation = fresh(record.ins(), Hl7v2Messages.CREATION);
        Message first = creation.send(hl7v2.port());
        Message again = creation.send(hl7v2.port());
        assertEquals("AA", field(first, "/MSA-1"), () -> Hl7v2Messages.encode(first));
        assertEquals(Hl7v2Messages.encode(first), Hl7v2Messages.encode(again), "the first acknowledgement, unchanged");
        assertEquals(1, documents(record.ins(), creation.get("/TXA-12-1")).size(), "stored once");

        // traced as usual: one submission, by the message's sender, with the declared software
        List<Map<String, Object>> submissions = traces(record.ins()).stream()
                .filter(t -> "SUBMIT".equals(t.get("action")) && "SUCCESS".equals(t.get("outcome"))).toList();
        assertEquals(1, submissions.size(), submissions::toString);
        assertEquals(Hl7v2Messages.SENDER, submissions.get(0).get("actorId"));
        Map<?, ?> software = (Map<?, ?>) submissions.get(0).get("software");
        assertEquals("PFI-Y 2.1", software.get("name"), submissions::toString);
        assertEquals("HOMOL-PFI-Y", software.get("homologationDmp"));
    }

    List<Map<String, Object>> traces(String ins) {
        try {
            return new ObjectMapper().readValue(new AdminClient(port).traces(ins), new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void masqueToProfessionalsHidesTheDocumentFromAnotherProfessional() {
        TestRecord record = freshRecord();
        Hl7v2Messages creation = fresh(record.ins(), Hl7v2Messages.CREATION).meta("MASQUE_PS", true)
                .meta("INVISIBLE_PATIENT", false).meta("INVISIBLE_REP_LEGAUX", false);
        Message ack = creation.send(hl7v2.port());
        assertEquals("AA", field(ack, "/MSA-1"), () -> Hl7v2Messages.encode(ack));
        String uniqueId = creation.get("/TXA-12-1");
        DocumentEntry byAuthor = documents(record.ins(), uniqueId, thomas(record.ins())).get(0);
        assertEquals(List.of("N", "MASQUE_PS"), byAuthor.getConfidentialityCodes().stream().map(Code::getCode).toList());
        assertTrue(documents(record.ins(), uniqueId, record.durant()).isEmpty(), "masked from Dr DURANT");
    }

    @Test
    void aPatientWithoutRecordIs902() {
        Hl7v2Messages creation = fresh(TestPatients.newIns(), Hl7v2Messages.CREATION);
        assertRefused(creation.send(hl7v2.port()), "AE", "902");
    }

    @Test
    void aProfessionalTheSenderIsNotAuthorisedByThePatientIs901() {
        TestRecord record = TestRecord.create(port); // authorises Dr DURANT only
        assertRefused(fresh(record.ins(), Hl7v2Messages.CREATION).send(hl7v2.port()), "AE", "901");
    }

    @Test
    void aReplacementOfAnUnknownDocumentIs900() {
        TestRecord record = freshRecord();
        Hl7v2Messages replacement = fresh(record.ins(), Hl7v2Messages.REPLACEMENT);
        Message ack = replacement.send(hl7v2.port());
        assertRefused(ack, "AE", "900");
        assertEquals("TXA", field(ack, "/ERR-2-1"));
        assertEquals("13", field(ack, "/ERR-2-3"));
        assertTrue(documents(record.ins(), replacement.get("/TXA-12-1")).isEmpty(), "nothing stored");
    }

    @Test
    void aDeletionOfADocumentAlreadyDeletedIs900() {
        TestRecord record = freshRecord();
        String v1 = newOid();
        String v2 = newOid();
        assertEquals("AA", field(fresh(record.ins(), Hl7v2Messages.CREATION, v1, v2).send(hl7v2.port()), "/MSA-1"));
        Hl7v2Messages deletion = fresh(record.ins(), Hl7v2Messages.DELETION, v1, v2);
        // the guide's deletion names v2; here it names the document created above (v1)
        deletion.set("/TXA-12-1", v1).cda(c -> c.replace("<id root=\"" + v2 + "\"", "<id root=\"" + v1 + "\""));
        assertEquals("AA", field(deletion.send(hl7v2.port()), "/MSA-1"));
        assertRefused(deletion.controlId(UUID.randomUUID().toString().substring(0, 20)).send(hl7v2.port()), "AE", "900");
    }

    @Test
    void aDocumentWithoutInsIs903AndAnInsWithoutItsTraitsIs905() {
        TestRecord record = freshRecord();
        assertRefused(fresh(record.ins(), Hl7v2Messages.CREATION).cda(c -> c.replace("root=\"1.2.250.1.213.1.4.10\"",
                "root=\"1.2.250.1.999.2\"")).send(hl7v2.port()), "AE", "903");
        assertRefused(fresh(record.ins(), Hl7v2Messages.CREATION).cda(c -> c.replace(
                "<birthTime value=\"19790328\"></birthTime>", "")).send(hl7v2.port()), "AE", "905");
    }

    @Test
    void aMessageNamingAnotherInsThanItsDocumentIs904() {
        TestRecord record = freshRecord();
        Hl7v2Messages creation = fresh(record.ins(), Hl7v2Messages.CREATION).set("/PID-3-1", TestPatients.newIns());
        Message ack = creation.send(hl7v2.port());
        assertRefused(ack, "AE", "904");
        assertEquals("PID", field(ack, "/ERR-2-1"));
    }

    @Test
    void destMssantePsSendsTheDocumentToTheProfessionalsMailboxAndNothingToTheDmp() throws Exception {
        TestRecord record = freshRecord();
        String doctor = "dr.hoda." + record.ins() + "@test-ci-sis.mssante.fr";
        Hl7v2Messages creation = fresh(record.ins(), Hl7v2Messages.CREATION).meta("DESTDMP", false)
                .mailTo(doctor).mailBody("CORPSMAIL_PS", "Cher confrère, ci-joint le CR d'imagerie.", false);
        Message ack = creation.send(hl7v2.port());
        assertEquals("AA", field(ack, "/MSA-1"), () -> Hl7v2Messages.encode(ack));
        assertNull(field(ack, "/ERR-4"), () -> Hl7v2Messages.encode(ack));
        assertTrue(documents(record.ins(), creation.get("/TXA-12-1")).isEmpty(), "DESTDMP=N: nothing in the DMP");

        MailServer.ReceivedMail mail = SecureMessagingEndToEndTestBase.awaitMail(doctor, "Radio de hanche");
        assertEquals(PFI_MAILBOX, mail.fromAddress(), "FROM: the sender's applicative mailbox");
        assertTrue(mail.contentType().startsWith("multipart/mixed"), mail.contentType());
        assertEquals("18748-4", mail.rawHeader("X-MSS-CODECDA"));
        assertEquals("Cher confrère, ci-joint le CR d'imagerie.",
                SecureMessagingEndToEndTestBase.part(mail.message(), 0), "CORPSMAIL_PS as the body");
        BodyPart attachment = ((Multipart) mail.message().getContent()).getBodyPart(1);
        assertEquals("DOC0001.XML", attachment.getFileName());
        assertEquals(creation.cda(), SecureMessagingEndToEndTestBase.part(mail.message(), 1), "the CDA, unchanged");
    }

    @Test
    void destMssantePatDeliversToTheActivatedPatientsMailboxWhoIsNotified() {
        String token = activatedAndSignedIn();
        String author = "dr.thomas." + ins + "@hopital-y.mssante.fr";
        Hl7v2Messages sent = patientOnly(fresh(ins, Hl7v2Messages.CREATION))
                .mailBody("CORPSMAIL_PATIENT", "Bonjour, voici votre compte rendu de radiologie.", true)
                .replyTo(author);
        Message ack = sent.send(hl7v2.port());
        assertEquals("AA", field(ack, "/MSA-1"), () -> Hl7v2Messages.encode(ack));
        assertNull(field(ack, "/ERR-4"), () -> Hl7v2Messages.encode(ack));

        MailServer.ReceivedMail notice = SecureMessagingEndToEndTestBase.awaitMail(email,
                SecureMessagingEndToEndTestBase.NEW_MESSAGE);
        assertTrue(notice.body().contains("Vous avez reçu un nouveau message de " + author), notice.body());
        List<Map<String, Object>> conversations = portal.list("/me/conversations", token);
        assertEquals(1, conversations.size(), conversations::toString);
        assertEquals(author, conversations.get(0).get("professional"), "the author's address (REPLY TO)");
        assertEquals("Radio de hanche", conversations.get(0).get("subject"));
        assertEquals(true, conversations.get(0).get("closed"), "NTE-4 FIN: X-MSS-MES: FIN, the patient may not reply");
        List<Map<String, Object>> messages = SecureMessagingEndToEndTestBase.listOf(portal.get("/me/conversations/"
                + conversations.get(0).get("id"), token).ok().body().get("messages"));
        PatientPortalClient.Answer read = portal.get("/me/messages/" + messages.get(0).get("id"), token).ok();
        assertEquals("Bonjour, voici votre compte rendu de radiologie.", read.get("text"));
        assertEquals("DOC0001.XML", SecureMessagingEndToEndTestBase.listOf(read.body().get("attachments")).get(0)
                .get("fileName"));
        assertTrue(documents(ins, sent.get("/TXA-12-1")).isEmpty(), "DESTDMP=N: nothing in the DMP");
    }

    @Test
    void destMssantePatToAClosedRecordIsNotDeliveredAndAnswered906() {
        String closed = TestPatients.newIns();
        new AdminClient(port).createPatient(closed, PatientRecordState.CLOSED);
        Hl7v2Messages creation = patientOnly(fresh(closed, Hl7v2Messages.CREATION));
        Message ack = creation.send(hl7v2.port());
        assertRefused(ack, "AE", "906");
        assertTrue(field(ack, "/ERR-8").contains("non distribué à " + closed + "@patient.mssante.fr"),
                () -> Hl7v2Messages.encode(ack));
        assertTrue(field(ack, "/ERR-8").contains("SMTPERRORCODE 550"), () -> Hl7v2Messages.encode(ack));
        assertTrue(traces(closed).stream().anyMatch(t -> "NOT_DELIVERED".equals(t.get("outcome"))),
                () -> traces(closed).toString());
    }

    @Test
    void aDocumentInvisibleToThePatientIsNotMailedToThePatient() {
        TestRecord record = freshRecord();
        Hl7v2Messages creation = patientOnly(fresh(record.ins(), Hl7v2Messages.CREATION))
                .meta("INVISIBLE_PATIENT", true);
        Message ack = creation.send(hl7v2.port());
        assertRefused(ack, "AE", "906");
        assertTrue(field(ack, "/ERR-8").contains("INVISIBLE_PATIENT"), () -> Hl7v2Messages.encode(ack));
    }

    /** The guide's third case (page regles-gestion-mssante): the patient's mailbox only. */
    static Hl7v2Messages patientOnly(Hl7v2Messages m) {
        return m.meta("DESTDMP", false).meta("DESTMSSANTEPS", false).meta("DESTMSSANTEPAT", true)
                .meta("INVISIBLE_PATIENT", false).meta("INVISIBLE_REP_LEGAUX", false).meta("CONNEXION_SECRETE", false)
                .mailTo(m.get("/PID-3-1") + "@patient.mssante.fr");
    }

    @Test
    void anUndeclaredSendingApplicationIsRejected() {
        TestRecord record = freshRecord();
        Message ack = fresh(record.ins(), Hl7v2Messages.CREATION).set("/MSH-3-1", "UNKNOWN-APP").send(hl7v2.port());
        assertRefused(ack, "AR", "901");
    }

    @Test
    void anEventTheGuideDoesNotDefineIsRefusedByTheListener() {
        Message ack = Hl7v2Messages.example(Hl7v2Messages.CREATION).set("/MSH-9-2", "T01").send(hl7v2.port());
        assertEquals("AR", field(ack, "/MSA-1"), () -> Hl7v2Messages.encode(ack));
        assertEquals("201", field(ack, "/ERR-3-1"));
    }

    @Test
    void aWrongOrderControlIsAFieldError() {
        TestRecord record = freshRecord();
        Message ack = fresh(record.ins(), Hl7v2Messages.CREATION).set("/COMMON_ORDER/ORC-1", "RO").send(hl7v2.port());
        assertEquals("AE", field(ack, "/MSA-1"), () -> Hl7v2Messages.encode(ack));
        assertEquals("103", field(ack, "/ERR-3-1"));
        assertEquals("ORC", field(ack, "/ERR-2-1"));
        assertNull(field(ack, "/ERR-5-1"));
    }

    // ------------------------------------------------------------------ helpers

    /** ITI-67: the current DocumentReferences of the patient with this uniqueId, as Dr DURANT sees them (validated). */
    List<DocumentReference> iti67Current(String ins, String uniqueId) {
        Bundle found = FhirClient.as(port, Vihf.doctor(ins)).search().forResource(DocumentReference.class)
                .where(DocumentReference.PATIENT.hasChainedProperty(Patient.IDENTIFIER.exactly()
                        .systemAndIdentifier(INS_SYSTEM, ins)))
                .and(DocumentReference.IDENTIFIER.exactly().code("urn:oid:" + uniqueId))
                .and(DocumentReference.STATUS.exactly().code("current"))
                .returnBundle(Bundle.class).execute();
        return found.getEntry().stream().map(e -> (DocumentReference) e.getResource()).toList();
    }

    /** A fresh ACTIVATED record whose patient authorised the guide's sender. */
    TestRecord freshRecord() {
        AdminClient admin = new AdminClient(port);
        String ins = TestPatients.newIns();
        admin.createPatient(ins, PatientRecordState.ACTIVATED);
        return new TestRecord(admin, ins).authorise(Vihf.doctor(ins)).authorise(thomas(ins));
    }

    /** The example for another patient, with document ids of its own. */
    static Hl7v2Messages fresh(String ins, String example) {
        return fresh(ins, example, newOid(), newOid());
    }

    static Hl7v2Messages fresh(String ins, String example, String v1, String v2) {
        return Hl7v2Messages.example(example).patient(ins).documents(v1, v2);
    }

    static String newOid() {
        return "1.2.250.1.71.4.2.2.120456789." + Math.abs(UUID.randomUUID().getMostSignificantBits());
    }

    static void assertRefused(Message ack, String code, String applicationError) {
        String text = Hl7v2Messages.encode(ack);
        assertEquals(code, field(ack, "/MSA-1"), text);
        assertEquals("207", field(ack, "/ERR-3-1"), text);
        assertEquals("E", field(ack, "/ERR-4"), text);
        assertEquals(applicationError, field(ack, "/ERR-5-1"), text);
        assertEquals("applicationErrorCode", field(ack, "/ERR-5-3"), text);
    }

    DocumentEntry document(String ins, String uniqueId) {
        List<DocumentEntry> found = documents(ins, uniqueId);
        assertEquals(1, found.size(), () -> "one entry for " + uniqueId + ": " + found);
        return found.get(0);
    }

    List<DocumentEntry> documents(String ins, String uniqueId) {
        return documents(ins, uniqueId, Vihf.doctor(ins));
    }

    List<DocumentEntry> documents(String ins, String uniqueId, Vihf who) {
        GetDocumentsQuery q = new GetDocumentsQuery();
        q.setUniqueIds(List.of(uniqueId));
        QueryResponse r = xds.as(who).forPatient(ins).query(q);
        assertEquals(Status.SUCCESS, r.getStatus(), () -> "GetDocuments failed: " + r.getErrors());
        return r.getDocumentEntries();
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
