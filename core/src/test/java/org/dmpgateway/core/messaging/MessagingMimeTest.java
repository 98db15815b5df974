package org.dmpgateway.core.messaging;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.dmpgateway.model.PatientRecordState;
import org.dmpgateway.model.messaging.MailAttachment;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The composed messages read back with Jakarta Mail: DSN (RFC 3464), MDN (RFC 8098), the threaded reply. */
class MessagingMimeTest {
    private static final String DOMAIN = "patient.mssante.fr";

    private static MimeMessage parse(byte[] bytes) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes));
    }

    private static String part(MimeMessage m, int i) throws Exception {
        return new String(((Multipart) m.getContent()).getBodyPart(i).getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
    }

    @Test
    void theBounceIsADeliveryStatusNotificationWithTheSeedText() throws Exception {
        String text = MessagingTexts.bounce("279035121518989@" + DOMAIN);
        assertEquals("Le message que vous avez envoyé à \"279035121518989@patient.mssante.fr\" n'a pas pu être "
                + "distribué car la messagerie Mon espace Santé de votre destinataire est clôturée", text);
        MessagingMime.Composed dsn = MessagingMime.bounce("mailer-daemon@" + DOMAIN, "dr@hopital.mssante.fr",
                "mss.example", "279035121518989@" + DOMAIN, "<orig@hopital.mssante.fr>", "Message non distribué",
                text, Instant.parse("2026-12-02T08:00:00Z"), DOMAIN, ("Message-ID: <orig@hopital.mssante.fr>\r\n"
                + "Subject: Resultats\r\nX-MSS-INS: O\r\n\r\nle contenu medical\r\n").getBytes(StandardCharsets.UTF_8));
        MimeMessage m = parse(dsn.bytes());
        assertTrue(m.getContentType().startsWith("multipart/report"), m.getContentType());
        assertTrue(m.getContentType().contains("report-type=delivery-status"), m.getContentType());
        assertEquals(dsn.messageId(), m.getMessageID());
        assertEquals("<orig@hopital.mssante.fr>", m.getHeader("In-Reply-To", null));
        assertEquals(text, String.valueOf(((Multipart) m.getContent()).getBodyPart(0).getContent()).strip());
        String status = part(m, 1);
        assertTrue(status.contains("Reporting-MTA: dns; mss.example"), status);
        assertTrue(status.contains("Final-Recipient: rfc822; 279035121518989@patient.mssante.fr"), status);
        assertTrue(status.contains("Action: failed") && status.contains("Status: 5.2.1"), status);
        BodyPart returned = ((Multipart) m.getContent()).getBodyPart(2);
        assertTrue(returned.isMimeType("text/rfc822-headers"), returned.getContentType());
        String headers = part(m, 2);
        assertTrue(headers.contains("Message-ID: <orig@hopital.mssante.fr>") && headers.contains("X-MSS-INS: O"),
                headers);
        assertFalse(headers.contains("le contenu medical"), "the headers only, not the content");
    }

    @Test
    void aDocumentSentByMssanteCarriesTheDocumentAndTheMssanteHeaders() throws Exception {
        byte[] cda = "<ClinicalDocument xmlns=\"urn:hl7-org:v3\"/>".getBytes(StandardCharsets.UTF_8);
        MessagingMime.Composed mail = MessagingMime.document("pfi@hopital-y.mssante.fr", "279035121518989@" + DOMAIN,
                "eric.thomas@hopital-y.mssante.fr", "Radio de hanche", "Bonjour, voici votre CR.",
                new MailAttachment("DOC0001.XML", "text/xml", cda), "18748-4", true, DOMAIN);
        MimeMessage m = parse(mail.bytes());
        assertEquals("Radio de hanche", m.getSubject());
        assertEquals("eric.thomas@hopital-y.mssante.fr", m.getReplyTo()[0].toString());
        assertEquals("FIN", m.getHeader("X-MSS-MES", null));
        assertEquals("18748-4", m.getHeader("X-MSS-CODECDA", null));
        assertEquals("Bonjour, voici votre CR.", part(m, 0));
        assertEquals("DOC0001.XML", ((Multipart) m.getContent()).getBodyPart(1).getFileName());
        assertEquals(new String(cda, StandardCharsets.UTF_8), part(m, 1));
    }

    @Test
    void theReadReceiptIsADispositionNotification() throws Exception {
        MessagingMime.Composed mdn = MessagingMime.readReceipt("mailer-daemon@" + DOMAIN, "279035121518989@" + DOMAIN,
                "dr@hopital.mssante.fr", "<orig@hopital.mssante.fr>", "Accusé de lecture : Résultats",
                MessagingTexts.readReceipt("279035121518989@" + DOMAIN, "Résultats"), DOMAIN);
        MimeMessage m = parse(mdn.bytes());
        assertTrue(m.getContentType().contains("report-type=disposition-notification"), m.getContentType());
        assertEquals("Accusé de lecture : Résultats", m.getSubject());
        String fields = part(m, 1);
        assertTrue(fields.contains("Original-Message-ID: <orig@hopital.mssante.fr>"), fields);
        assertTrue(fields.contains("Disposition: manual-action/MDN-sent-manually; displayed"), fields);
    }

    @Test
    void theReplyIsThreadedAndCarriesItsAttachments() throws Exception {
        MessagingMime.Composed reply = MessagingMime.reply("279035121518989@" + DOMAIN, "dr@hopital.mssante.fr",
                "RE: Résultats", "Merci", List.of(new MailAttachment("note.txt", "text/plain",
                        "note".getBytes(StandardCharsets.UTF_8))), "<b@h>", List.of("<a@h>", "<b@h>"), DOMAIN);
        MimeMessage m = parse(reply.bytes());
        assertEquals(reply.messageId(), m.getMessageID());
        assertTrue(reply.messageId().endsWith("@" + DOMAIN + ">"));
        assertEquals("<b@h>", m.getHeader("In-Reply-To", null));
        assertEquals("<a@h> <b@h>", m.getHeader("References", null));
        Multipart mixed = (Multipart) m.getContent();
        assertEquals("Merci", mixed.getBodyPart(0).getContent());
        assertEquals("note.txt", mixed.getBodyPart(1).getFileName());
    }

    @Test
    void theNotificationSaysHowToReadTheMessageByAccountState() {
        assertTrue(MessagingTexts.newMessage("dr@h", PatientRecordState.ACTIVATED).contains("connectez-vous"));
        assertTrue(MessagingTexts.newMessage("dr@h", PatientRecordState.CREATED).contains("activez Mon espace santé"));
    }

    @Test
    void theDocumentsOfAnXdmArchiveAreListed() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            for (String name : List.of("INDEX.HTM", "IHE_XDM/SUBSET01/METADATA.XML", "IHE_XDM/SUBSET01/DOC0001.XML",
                    "IHE_XDM/SUBSET01/DOC0002.PDF")) {
                zip.putNextEntry(new java.util.zip.ZipEntry(name));
                zip.write(1);
                zip.closeEntry();
            }
        }
        assertEquals(List.of("IHE_XDM/SUBSET01/DOC0001.XML", "IHE_XDM/SUBSET01/DOC0002.PDF"),
                PatientMessaging.xdmDocuments(out.toByteArray()));
        assertEquals(List.of(), PatientMessaging.xdmDocuments(new byte[] {1, 2, 3}));
    }
}
