package org.dmpgateway.server;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import jakarta.xml.bind.JAXBContext;
import org.dmpgateway.model.PatientRecordState;
import org.dmpgateway.server.support.MailServer;
import org.dmpgateway.server.support.MssClient;
import org.dmpgateway.server.support.PatientPortalClient.Answer;
import org.dmpgateway.server.support.SampleSubmissions;
import org.dmpgateway.server.support.TestPatients;
import org.dmpgateway.smtp.SmtpGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLFactory30;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.requests.ProvideAndRegisterDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.requests.RegisterDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.responses.QueryResponse;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Response;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.lcm.SubmitObjectsRequest;
import org.openehealth.ipf.commons.ihe.xds.core.transform.requests.RegisterDocumentSetTransformer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.awaitility.Awaitility.await;
import static org.dmpgateway.server.support.XdsAnswers.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The secure messaging end to end (issue 17, docs/messaging.md): a professional's mail client
 * (Jakarta Mail, STARTTLS) sends to the gateway's SMTP port ({@code <matricule>@patient.mssante.fr});
 * the patient reads and replies through the patient API; a real SMTP server (GreenMail) receives the
 * patient's notifications, the bounces (RFC 3464), the read receipts (RFC 8098) and the replies.
 * Each account state, {@code [FIN]} and {@code X-MSS-MES: FIN}, the refusals at MAIL FROM and RCPT
 * and of size. Subclasses choose the database.
 */
// the reports' envelope sender is an address in the server's tests (src/test/resources/application.properties:
// GreenMail refuses RCPT after MAIL FROM:<>); the default <> is checked in NotificationMailTest
@TestPropertySource(properties = {"dmp.messaging.max-message-size=1MB", "dmp.messaging.reply-attachments-size=200KB"})
abstract class SecureMessagingEndToEndTestBase extends PatientPortalEndToEndSupport {
    /** Seed 004, word for word. */
    static final String BOUNCE = "Le message que vous avez envoyé à \"%s@patient.mssante.fr\" n'a pas pu être "
            + "distribué car la messagerie Mon espace Santé de votre destinataire est clôturée";
    static final String NEW_MESSAGE = "Mon espace santé : vous avez reçu un nouveau message";
    /** The reports' envelope sender in these tests (see the class's property). */
    /** {@code dmp.messaging.report-envelope-sender} of the server's tests (application.properties). */
    static final String REPORT_SENDER = "reports@patient.mssante.fr";

    @Autowired
    SmtpGateway smtpGateway;

    MssClient mss;
    String professional;

    @BeforeEach
    void mailClient() {
        mss = new MssClient(smtpGateway.port());
        professional = "dr.durant." + ins + "@hopital.mssante.fr";
    }

    String patientAddress() {
        return ins + "@patient.mssante.fr";
    }

    /** Notified, activated (e-mail {@link #email}) and signed in: the bearer token. */
    String activatedAndSignedIn() {
        admin.notifyRecord(ins, email, mobile, serial, "EMAIL");
        String identifier = "messagerie" + ins.substring(7);
        activate(start(code(mailTo(email, 1).get(0)), "WITHOUT_PHOTO", serial).ok().get("journey"), identifier);
        return login(identifier, "EMAIL");
    }

    MimeMessage fromProfessional(String subject, String text) {
        return mss.message(professional, patientAddress(), subject, text);
    }

    // ------------------------------------------------------------------ ACTIVATED

    @Test
    void activatedPatientIsNotifiedReadsWithReadReceiptAndRepliesThreaded() throws Exception {
        String token = activatedAndSignedIn();
        byte[] archive = xdmArchive();
        MimeMessage sent = mss.withAttachment(professional, patientAddress(), "Vos résultats", "Bonjour, voici vos "
                + "résultats d'analyse.", "IHE_XDM.ZIP", "application/zip", archive);
        sent.setHeader("Disposition-Notification-To", professional);
        sent.setHeader("X-MSS-CODECDA", "11502-2");
        sent.setHeader("X-MSS-INS", "O");
        sent.setHeader("X-MSS-NIL", "DMP-Gateway-Tests");
        mss.send(sent, professional);
        String originalId = sent.getMessageID();

        MailServer.ReceivedMail notice = awaitMail(email, NEW_MESSAGE);
        assertTrue(notice.body().contains("Vous avez reçu un nouveau message de " + professional), notice.body());
        assertTrue(notice.body().contains("connectez-vous à Mon espace santé"), notice.body());
        assertFalse(notice.rawHeader("Return-Path").contains(REPORT_SENDER), "not a report");

        List<Map<String, Object>> conversations = portal.list("/me/conversations", token);
        assertEquals(1, conversations.size(), conversations::toString);
        Map<String, Object> conversation = conversations.get(0);
        assertEquals(professional, conversation.get("professional"));
        assertEquals("Vos résultats", conversation.get("subject"));
        assertEquals(false, conversation.get("closed"));
        assertEquals(1, conversation.get("unread"));
        String conversationId = (String) conversation.get("id");
        Answer detail = portal.get("/me/conversations/" + conversationId, token).ok();
        List<Map<String, Object>> messages = listOf(detail.body().get("messages"));
        assertEquals(1, messages.size());
        assertNull(messages.get(0).get("text"), "a listing does not open the message");
        long messageId = ((Number) messages.get(0).get("id")).longValue();

        Answer read = portal.get("/me/messages/" + messageId, token).ok();
        assertEquals("Bonjour, voici vos résultats d'analyse.", read.get("text"));
        assertNotNull(read.get("readAt"));
        assertEquals(List.of("IHE_XDM/SUBSET01/DOC0001.XML"), read.body().get("xdmDocuments"));
        Map<String, Object> attachment = listOf(read.body().get("attachments")).get(0);
        assertEquals("IHE_XDM.ZIP", attachment.get("fileName"));
        byte[] zip = portal.bytes("/me/messages/" + messageId + "/attachments/0", token).body();
        assertTrue(Arrays.equals(archive, zip), "the attachment is served as received");
        assertEquals(0, ((Number) portal.list("/me/conversations", token).get(0).get("unread")).intValue());

        MailServer.ReceivedMail receipt = awaitMail(professional, "Accusé de lecture : Vos résultats");
        assertTrue(receipt.contentType().startsWith("multipart/report"), receipt.contentType());
        assertTrue(receipt.contentType().contains("disposition-notification"), receipt.contentType());
        String report = part(receipt.message(), 1);
        assertTrue(report.contains("Disposition: manual-action/MDN-sent-manually; displayed"), report);
        assertTrue(report.contains("Original-Message-ID: " + originalId), report);
        assertTrue(report.contains("Final-Recipient: rfc822; " + patientAddress()), report);
        assertEquals("<" + REPORT_SENDER + ">", receipt.rawHeader("Return-Path"), "the reports' envelope sender");
        portal.get("/me/messages/" + messageId, token).ok();
        assertEquals(1, mailsTo(professional, "Accusé de lecture : Vos résultats").size(), "one read receipt only");

        Answer reply = portal.post("/me/conversations/" + conversationId + "/replies", Map.of("subject",
                "RE: Vos résultats", "text", "Merci docteur, bien reçu.", "attachments", List.of(Map.of("fileName",
                        "question.txt", "contentType", "text/plain", "content",
                        Base64.getEncoder().encodeToString("Une question ?".getBytes(StandardCharsets.UTF_8))))),
                token);
        assertEquals(201, reply.status(), reply.text());
        assertEquals("true", reply.get("fromPatient"));
        MailServer.ReceivedMail answer = awaitMail(professional, "RE: Vos résultats");
        assertEquals(patientAddress(), answer.fromAddress());
        assertEquals(originalId, answer.rawHeader("In-Reply-To"));
        assertTrue(answer.rawHeader("References").contains(originalId), answer.rawHeader("References"));
        Multipart mixed = (Multipart) answer.message().getContent();
        assertEquals("Merci docteur, bien reçu.", mixed.getBodyPart(0).getContent());
        assertEquals("question.txt", mixed.getBodyPart(1).getFileName());

        // the professional answers the reply: the same conversation
        MimeMessage again = fromProfessional("RE: RE: Vos résultats", "Je vous rappelle demain.");
        again.setHeader("In-Reply-To", answer.message().getMessageID());
        again.setHeader("References", originalId + " " + answer.message().getMessageID());
        mss.send(again, professional);
        await().atMost(TIMEOUT).until(() -> listOf(portal.get("/me/conversations/" + conversationId, token).ok().body()
                .get("messages")).size() == 3);
        assertEquals(1, portal.list("/me/conversations", token).size(), "threaded: no new conversation");

        List<String> history = historyDetails(token);
        assertTrue(history.stream().anyMatch(d -> d.contains("from " + professional + " delivered with 1 attachment(s), "
                + "read receipt asked")), history::toString);
        assertTrue(history.stream().anyMatch(d -> d.contains("read by the patient")), history::toString);
        assertTrue(history.stream().anyMatch(d -> d.contains("read receipt of message " + messageId)), history::toString);
        assertTrue(history.stream().anyMatch(d -> d.contains("of the patient sent to " + professional)),
                history::toString);
    }

    @Test
    void theReplyRulesSubjectSizeAndRecordDocuments() throws Exception {
        String token = activatedAndSignedIn();
        var pnr = SampleSubmissions.single(ins, SampleSubmissions.text("Compte rendu pour " + ins));
        Response submitted = xds().submit(pnr);
        assertEquals(Status.SUCCESS, submitted.getStatus(), () -> describe(submitted.getErrors()));
        String documentId = (String) portal.list("/me/documents", token).get(0).get("id");
        mss.send(fromProfessional("Compte rendu", "Votre compte rendu est dans votre dossier."), professional);
        String conversationId = awaitConversation(token);
        String replies = "/me/conversations/" + conversationId + "/replies";

        assertError(portal.post(replies, Map.of("subject", "x".repeat(81), "text", "Bonjour"), token), 400,
                "INVALID_FIELD", "subject");
        assertError(portal.post(replies, Map.of("text", "Trop lourd", "attachments", List.of(Map.of("fileName",
                "photo.jpg", "contentType", "image/jpeg", "content",
                Base64.getEncoder().encodeToString(new byte[210 * 1024])))), token), 400, "INVALID_FIELD", "attachments");
        assertError(portal.post(replies, Map.of("text", " "), token), 400, "INVALID_FIELD", "text");
        assertError(portal.post("/me/conversations/inconnue/replies", Map.of("text", "Bonjour"), token), 404,
                "UNKNOWN_MESSAGE", "conversationId");

        Answer reply = portal.post(replies, Map.of("text", "Voici le document de mon dossier.", "documentIds",
                List.of(documentId)), token);
        assertEquals(201, reply.status(), reply.text());
        MailServer.ReceivedMail answer = awaitMail(professional, "RE: Compte rendu");
        Multipart mixed = (Multipart) answer.message().getContent();
        assertEquals(2, mixed.getCount());
        assertTrue(new String(mixed.getBodyPart(1).getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .contains("Compte rendu pour " + ins));

        // the PDF summary of the medical profile attached (dmp-rules.md section 4)
        Answer withSummary = portal.post(replies, Map.of("subject", "Mon profil", "text", "Voici mon profil médical.",
                "profileSummary", true), token);
        assertEquals(201, withSummary.status(), withSummary.text());
        MailServer.ReceivedMail summary = awaitMail(professional, "Mon profil");
        Multipart withPdf = (Multipart) summary.message().getContent();
        assertEquals(2, withPdf.getCount());
        assertEquals("profil-medical.pdf", withPdf.getBodyPart(1).getFileName());
        assertTrue(withPdf.getBodyPart(1).isMimeType("application/pdf"), withPdf.getBodyPart(1).getContentType());
        byte[] pdf = withPdf.getBodyPart(1).getInputStream().readAllBytes();
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
    }

    // ------------------------------------------------------------------ an XDM attachment saved into the record

    @Test
    void theDocumentsOfAnXdmAttachmentAreSavedIntoTheRecordByThePatientAndABadArchiveIsRefused() throws Exception {
        String token = activatedAndSignedIn();
        Xdm xdm = xdmArchiveFor(ins, SampleSubmissions.text("Compte rendu XDM pour " + ins));
        mss.send(mss.withAttachment(professional, patientAddress(), "Compte rendu XDM", "Bonjour, voici votre "
                + "compte rendu.", "IHE_XDM.ZIP", "application/zip", xdm.zip()), professional);
        mss.send(mss.withAttachment(professional, patientAddress(), "Archive abimee", "Bonjour.", "IHE_XDM.ZIP",
                "application/zip", xdmArchive()), professional);
        mss.send(mss.withAttachment(professional, patientAddress(), "Un PDF", "Bonjour.", "scan.pdf",
                "application/pdf", "%PDF-1.4".getBytes(StandardCharsets.UTF_8)), professional);
        await().atMost(TIMEOUT).until(() -> portal.list("/me/conversations", token).size() == 3);
        long good = messageOf(token, "Compte rendu XDM");
        long bad = messageOf(token, "Archive abimee");
        long pdf = messageOf(token, "Un PDF");
        assertTrue(xds().query(find()).getDocumentEntries().isEmpty(), "the message alone feeds nothing");

        Answer saved = portal.post("/me/messages/" + good + "/attachments/0/record", Map.of(), token);
        assertEquals(201, saved.status(), saved.text());
        List<Map<String, Object>> documents = portal.list("/me/documents", token);
        assertEquals(List.of(xdm.uniqueId()), documents.stream().map(d -> d.get("uniqueId")).toList());
        assertEquals("Document Document01", documents.get(0).get("title"));
        assertEquals(List.of("Romuald DURANT"), documents.get(0).get("authors"), "the author of the metadata");

        QueryResponse found = xds().query(find());
        assertEquals(Status.SUCCESS, found.getStatus(), () -> describe(found.getErrors()));
        assertEquals(1, found.getDocumentEntries().size());
        DocumentEntry entry = found.getDocumentEntries().get(0);
        assertEquals(xdm.uniqueId(), entry.getUniqueId());
        assertEquals("810002345678", entry.getAuthors().get(0).getAuthorPerson().getId().getId(),
                "the professional of METADATA.XML stays the author");
        var retrieved = xds().retrieve(entry.getRepositoryUniqueId(), entry.getUniqueId());
        assertEquals(1, retrieved.getDocuments().size());
        try (InputStream in = retrieved.getDocuments().get(0).getDataHandler().getInputStream()) {
            assertEquals("Compte rendu XDM pour " + ins, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }

        assertError(portal.post("/me/messages/" + good + "/attachments/0/record", Map.of(), token), 409,
                "STATE_CONFLICT", "attachment");
        Answer unreadable = portal.post("/me/messages/" + bad + "/attachments/0/record", Map.of(), token);
        assertError(unreadable, 400, "INVALID_FIELD", "attachment");
        assertTrue(unreadable.text().contains("SubmissionSet"), unreadable.text());
        assertError(portal.post("/me/messages/" + pdf + "/attachments/0/record", Map.of(), token), 400,
                "INVALID_FIELD", "attachment");
        assertError(portal.post("/me/messages/" + good + "/attachments/5/record", Map.of(), token), 404,
                "UNKNOWN_MESSAGE", "index");
        assertEquals("Bonjour.", portal.get("/me/messages/" + bad, token).ok().get("text"),
                "a bad archive does not stop the message");
        assertEquals(1, portal.list("/me/documents", token).size());
        assertTrue(historyDetails(token).stream().anyMatch(d -> d.contains("1 document(s) of the IHE_XDM.ZIP "
                + "attachment of message " + good + " saved into the record")), () -> historyDetails(token).toString());
    }

    @Test
    void anXdmArchiveAboutAnotherPatientIsRefused() throws Exception {
        String token = activatedAndSignedIn();
        mss.send(mss.withAttachment(professional, patientAddress(), "Mauvais patient", "Bonjour.", "IHE_XDM.ZIP",
                "application/zip", xdmArchiveFor(TestPatients.newIns(), SampleSubmissions.text("Autre")).zip()),
                professional);
        String conversation = awaitConversation(token);
        long id = ((Number) listOf(portal.get("/me/conversations/" + conversation, token).ok().body().get("messages"))
                .get(0).get("id")).longValue();
        Answer refused = portal.post("/me/messages/" + id + "/attachments/0/record", Map.of(), token);
        assertError(refused, 400, "INVALID_FIELD", "attachment");
        assertTrue(refused.text().contains("autre patient"), refused.text());
        assertTrue(portal.list("/me/documents", token).isEmpty());
    }

    // ------------------------------------------------------------------ end of the exchange

    @Test
    void subjectFinEndsTheExchangeIsNotDeliveredAndTheReplyIsRefused() throws Exception {
        String token = activatedAndSignedIn();
        mss.send(fromProfessional("Rendez-vous", "Votre rendez-vous est confirmé."), professional);
        String conversationId = awaitConversation(token);
        awaitMail(email, NEW_MESSAGE);

        mss.send(fromProfessional("[fin]", "Pas la bonne casse : un message ordinaire."), professional);
        await().atMost(TIMEOUT).until(() -> mailsTo(email, NEW_MESSAGE).size() == 2);
        mss.send(fromProfessional("[FIN]", ""), professional);
        await().atMost(TIMEOUT).until(() -> Boolean.TRUE.equals(portal.get("/me/conversations/" + conversationId,
                token).ok().body().get("closed")));

        List<Map<String, Object>> conversations = portal.list("/me/conversations", token);
        assertTrue(conversations.stream().allMatch(c -> Boolean.TRUE.equals(c.get("closed"))),
                "[FIN] ends every conversation with that professional: " + conversations);
        assertTrue(conversations.stream().noneMatch(c -> "[FIN]".equals(c.get("subject"))), conversations::toString);
        assertEquals(2, mailsTo(email, NEW_MESSAGE).size(), "[FIN] is not delivered: no notification");
        assertError(portal.post("/me/conversations/" + conversationId + "/replies", Map.of("text", "Merci"), token),
                409, "CONVERSATION_CLOSED", "conversationId");
        assertTrue(historyDetails(token).stream().anyMatch(d -> d.contains("subject [FIN], not delivered")));
    }

    @Test
    void headerXMssMesFinDeliversTheMessageAndEndsItsConversation() throws Exception {
        String token = activatedAndSignedIn();
        mss.send(fromProfessional("Suivi", "Comment allez-vous ?"), professional);
        String conversationId = awaitConversation(token);
        Answer beforeEnd = portal.post("/me/conversations/" + conversationId + "/replies", Map.of("text", "Bien."),
                token);
        assertEquals(201, beforeEnd.status(), "a reply is accepted while the exchange is open: " + beforeEnd.text());

        String replyId = awaitMail(professional, "RE: Suivi").message().getMessageID();
        MimeMessage last = fromProfessional("Fin du suivi", "Le suivi est terminé.");
        last.setHeader("In-Reply-To", replyId);
        last.setHeader("X-MSS-MES", "FIN");
        mss.send(last, professional);
        await().atMost(TIMEOUT).until(() -> Boolean.TRUE.equals(portal.get("/me/conversations/" + conversationId,
                token).ok().body().get("closed")));
        List<Map<String, Object>> messages = listOf(portal.get("/me/conversations/" + conversationId, token).ok()
                .body().get("messages"));
        assertEquals("Fin du suivi", messages.get(messages.size() - 1).get("subject"), "delivered");
        assertError(portal.post("/me/conversations/" + conversationId + "/replies", Map.of("text", "Merci"), token),
                409, "CONVERSATION_CLOSED", "conversationId");
    }

    // ------------------------------------------------------------------ CREATED, not activated

    @Test
    void createdAccountIsNotifiedAtTheInsurersAddressAndReadsAfterActivation() throws Exception {
        admin.notifyRecord(ins, email, mobile, serial, "EMAIL");
        String code = code(mailTo(email, 1).get(0));
        admin.setState(ins, PatientRecordState.CREATED);
        mss.send(fromProfessional("Bienvenue", "Un message avant l'activation."), professional);

        MailServer.ReceivedMail notice = awaitMail(email, NEW_MESSAGE);
        assertTrue(notice.body().contains("activez Mon espace santé"), notice.body());
        String identifier = "cree" + ins.substring(5);
        activate(start(code, "WITHOUT_PHOTO", serial).ok().get("journey"), identifier);
        String token = login(identifier, "EMAIL");
        String conversationId = awaitConversation(token);
        long id = ((Number) listOf(portal.get("/me/conversations/" + conversationId, token).ok().body()
                .get("messages")).get(0).get("id")).longValue();
        assertEquals("Un message avant l'activation.", portal.get("/me/messages/" + id, token).ok().get("text"));
    }

    @Test
    void createdAccountWithoutAddressIsRecordedForTheYearlyStatement() throws Exception {
        admin.createPatient(ins, PatientRecordState.CREATED);
        mss.send(fromProfessional("Sans adresse", "Bonjour."), professional);
        await().atMost(TIMEOUT).until(() -> adminTraces().stream().anyMatch(t -> String.valueOf(t.get("detail"))
                .contains("recorded for the yearly activity statement")));
        assertTrue(mailsTo(email, NEW_MESSAGE).isEmpty());
    }

    // ------------------------------------------------------------------ OPPOSED, CLOSED, no account

    @Test
    void opposedClosedAndUnknownMailboxesBounceWithTheSeedText() throws Exception {
        String opposed = ins;
        admin.setState(opposed, PatientRecordState.OPPOSED);
        String closed = TestPatients.newIns();
        admin.createPatient(closed, PatientRecordState.CLOSED);
        String unknown = TestPatients.newIns();
        String notified = TestPatients.newIns();
        admin.createPatient(notified, PatientRecordState.NOTIFIED);

        for (String matricule : List.of(opposed, closed, unknown, notified)) {
            MimeMessage m = mss.message(professional, matricule + "@patient.mssante.fr", "Résultats " + matricule,
                    "Bonjour.");
            mss.send(m, professional);
            MailServer.ReceivedMail dsn = awaitMail(professional, "Message non distribué : Résultats " + matricule);
            assertTrue(dsn.contentType().startsWith("multipart/report"), dsn.contentType());
            assertTrue(dsn.contentType().contains("delivery-status"), dsn.contentType());
            Multipart report = (Multipart) dsn.message().getContent();
            assertEquals(BOUNCE.formatted(matricule), String.valueOf(report.getBodyPart(0).getContent()).strip());
            String status = part(dsn.message(), 1);
            assertTrue(status.contains("Final-Recipient: rfc822; " + matricule + "@patient.mssante.fr"), status);
            assertTrue(status.contains("Action: failed"), status);
            assertTrue(status.contains("Status: 5.2.1"), status);
            assertEquals(m.getMessageID(), dsn.rawHeader("In-Reply-To"));
            // RFC 3464 section 2: the original's headers returned as text/rfc822-headers (not its content)
            BodyPart returned = report.getBodyPart(2);
            assertTrue(returned.isMimeType("text/rfc822-headers"), returned.getContentType());
            String headers = part(dsn.message(), 2);
            assertTrue(headers.contains("Message-ID: " + m.getMessageID()) && headers.contains("Subject:"), headers);
            assertFalse(headers.contains("Bonjour."), "the headers only");
            // the envelope sender of the reports (GreenMail writes the MAIL FROM it got into Return-Path)
            assertEquals("<" + REPORT_SENDER + ">", dsn.rawHeader("Return-Path"));
        }
        assertTrue(MAIL.receivedBy(email).stream().noneMatch(m -> NEW_MESSAGE.equals(m.subject())),
                "the patient is not told");
        assertTrue(adminTraces().stream().anyMatch(t -> "MESSAGING".equals(t.get("action"))
                && "NOT_DELIVERED".equals(t.get("outcome"))), adminTraces()::toString);
    }

    // ------------------------------------------------------------------ SMTP refusals

    @Test
    void malformedRecipientsUntrustedSendersPlainTextAndSizeAreRefusedWithSmtpCodes() {
        String badKey = ins.substring(0, 13) + String.format("%02d", (Integer.parseInt(ins.substring(13)) + 1) % 97);
        String refused = smtpError(() -> mss.send(mss.message(professional, badKey + "@patient.mssante.fr", "Clé",
                "x"), professional));
        assertTrue(refused.contains("550") && refused.contains("5.1.1") && refused.contains("INS key is"), refused);

        String shortOne = smtpError(() -> mss.send(mss.message(professional, "12345@patient.mssante.fr", "Court", "x"),
                professional));
        assertTrue(shortOne.contains("550") && shortOne.contains("15 characters"), shortOne);

        String otherDomain = smtpError(() -> mss.send(mss.message(professional, ins + "@example.org", "Domaine", "x"),
                professional));
        assertTrue(otherDomain.contains("550") && otherDomain.contains("not a patient mailbox"), otherDomain);

        String untrusted = smtpError(() -> mss.send(mss.message("someone@gmail.com", patientAddress(), "Pirate", "x"),
                "someone@gmail.com"));
        assertTrue(untrusted.contains("550") && untrusted.contains("5.7.1")
                && untrusted.contains("trusted MSSante domain"), untrusted);

        String plain = smtpError(() -> mss.send(fromProfessional("Sans TLS", "x"), professional, false));
        assertTrue(plain.contains("530"), plain);

        String tooLarge = smtpError(() -> mss.send(mss.withAttachment(professional, patientAddress(), "Trop gros",
                "x", "scan.pdf", "application/pdf", new byte[1100 * 1024]), professional));
        assertTrue(tooLarge.contains("552"), tooLarge);
        assertTrue(adminTraces().stream().noneMatch(t -> "MESSAGING".equals(t.get("action"))),
                "nothing refused at the SMTP level reaches the record");
    }

    // ------------------------------------------------------------------ helpers

    String awaitConversation(String token) {
        await().atMost(TIMEOUT).until(() -> !portal.list("/me/conversations", token).isEmpty());
        return (String) portal.list("/me/conversations", token).get(0).get("id");
    }

    static List<MailServer.ReceivedMail> mailsTo(String address, String subject) {
        return MAIL.receivedBy(address).stream().filter(m -> subject.equals(m.subject())).toList();
    }

    static MailServer.ReceivedMail awaitMail(String address, String subject) {
        await().atMost(TIMEOUT).until(() -> !mailsTo(address, subject).isEmpty());
        return mailsTo(address, subject).get(0);
    }

    /** The bytes of part {@code index} of a multipart message, as text. */
    static String part(MimeMessage message, int index) throws MessagingException, IOException {
        BodyPart part = ((Multipart) message.getContent()).getBodyPart(index);
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> listOf(Object value) {
        return (List<Map<String, Object>>) value;
    }

    /** The text of the SMTP refusal (the exception and its nested ones). */
    static String smtpError(SmtpStep step) {
        MessagingException e = assertThrows(MessagingException.class, step::run);
        StringBuilder text = new StringBuilder();
        for (Exception x = e; x != null; x = x instanceof MessagingException m ? m.getNextException() : null) {
            text.append(x.getMessage()).append(" | ");
        }
        assertFalse(text.isEmpty());
        return text.toString();
    }

    /** A send that is expected to fail. */
    @FunctionalInterface
    interface SmtpStep {
        void run() throws MessagingException;
    }

    /** The id of the (only) message of the conversation with {@code subject}. */
    long messageOf(String token, String subject) {
        String conversation = (String) portal.list("/me/conversations", token).stream()
                .filter(c -> subject.equals(c.get("subject"))).findFirst().orElseThrow().get("id");
        return ((Number) listOf(portal.get("/me/conversations/" + conversation, token).ok().body().get("messages"))
                .get(0).get("id")).longValue();
    }

    /** An IHE XDM archive and the uniqueId of its one document. */
    record Xdm(byte[] zip, String uniqueId) {
    }

    /**
     * An IHE XDM archive (IHE ITI TF-1 section 16) as a professional's software writes it: the
     * METADATA.XML of {@link SampleSubmissions#single} (ebXML 3.0 SubmitObjectsRequest, written with
     * IPF and JAXB), the document named by its URI slot, INDEX.HTM and README.TXT.
     */
    static Xdm xdmArchiveFor(String patientIns, byte[] content) throws Exception {
        ProvideAndRegisterDocumentSet pnr = SampleSubmissions.single(patientIns, content);
        DocumentEntry entry = pnr.getDocuments().get(0).getDocumentEntry();
        entry.setUri("DOC0001.TXT");
        RegisterDocumentSet set = new RegisterDocumentSet();
        set.setSubmissionSet(pnr.getSubmissionSet());
        set.getDocumentEntries().add(entry);
        set.getAssociations().addAll(pnr.getAssociations());
        SubmitObjectsRequest ebXml = new RegisterDocumentSetTransformer(new EbXMLFactory30()).toEbXML(set)
                .getInternal();
        ByteArrayOutputStream metadata = new ByteArrayOutputStream();
        JAXBContext.newInstance(SubmitObjectsRequest.class).createMarshaller().marshal(ebXml, metadata);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("INDEX.HTM"));
            zip.write("<html><body>Compte rendu</body></html>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("README.TXT"));
            zip.write("DMP Gateway tests".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("IHE_XDM/SUBSET01/METADATA.XML"));
            zip.write(metadata.toByteArray());
            zip.putNextEntry(new ZipEntry("IHE_XDM/SUBSET01/DOC0001.TXT"));
            zip.write(content);
            zip.closeEntry();
        }
        return new Xdm(out.toByteArray(), entry.getUniqueId());
    }

    /**
     * A minimal IHE XDM archive: one submission set with its METADATA.XML and one CDA document. The entries carry
     * a fixed time, so that two calls give the same bytes (a zip entry holds its time to two seconds).
     */
    static byte[] xdmArchive() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            putEntry(zip, "INDEX.HTM", "<html></html>");
            putEntry(zip, "IHE_XDM/SUBSET01/METADATA.XML", "<SubmitObjectsRequest/>");
            putEntry(zip, "IHE_XDM/SUBSET01/DOC0001.XML", "<ClinicalDocument/>");
        }
        return out.toByteArray();
    }

    private static void putEntry(ZipOutputStream zip, String name, String text) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(XDM_ENTRY_TIME);
        zip.putNextEntry(entry);
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** 2026-01-01T00:00:00Z, the time of every entry of {@link #xdmArchive()}. */
    private static final long XDM_ENTRY_TIME = 1_767_225_600_000L;
}
