package org.dmpgateway.smtp;

import org.dmpgateway.model.messaging.InboundMail;
import org.dmpgateway.model.messaging.MailRefusal;
import org.junit.jupiter.api.Test;
import org.subethamail.smtp.RejectException;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A professional's message as the adapter reads it, and the SMTP codes of the core's refusals. */
class MimeReaderTest {
    private static final String MESSAGE = String.join("\r\n",
            "From: Dr Durant <dr.durant@hopital.mssante.fr>",
            "To: 279035121518989@patient.mssante.fr",
            "Subject: =?UTF-8?Q?R=C3=A9sultats?=",
            "Message-ID: <m2@hopital.mssante.fr>",
            "In-Reply-To: <m1@patient.mssante.fr>",
            "References: <m0@hopital.mssante.fr>\r\n <m1@patient.mssante.fr>",
            "Disposition-Notification-To: Dr Durant <dr.durant@hopital.mssante.fr>",
            "X-MSS-MES: FIN",
            "X-MSS-CODECDA: 11502-2, 34133-9",
            "X-MSS-INS: O",
            "X-MSS-NIL: LPS-42",
            "MIME-Version: 1.0",
            "Content-Type: multipart/mixed; boundary=\"b\"",
            "",
            "--b",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: 8bit",
            "",
            "Bonjour, voici vos résultats.",
            "--b",
            "Content-Type: application/zip",
            "Content-Disposition: attachment; filename=\"IHE_XDM.ZIP\"",
            "Content-Transfer-Encoding: base64",
            "",
            "UEsDBA==",
            "--b--",
            "");

    @Test
    void theHeadersTextAndAttachmentsAreRead() {
        byte[] raw = MESSAGE.getBytes(StandardCharsets.UTF_8);
        InboundMail mail = MimeReader.read("dr.durant@hopital.mssante.fr",
                List.of("279035121518989@patient.mssante.fr"), raw);
        assertEquals("dr.durant@hopital.mssante.fr", mail.from());
        assertEquals("Résultats", mail.subject());
        assertEquals("<m2@hopital.mssante.fr>", mail.messageId());
        assertEquals("<m1@patient.mssante.fr>", mail.inReplyTo());
        assertEquals(List.of("<m0@hopital.mssante.fr>", "<m1@patient.mssante.fr>"), mail.references());
        assertEquals("dr.durant@hopital.mssante.fr", mail.dispositionNotificationTo());
        assertEquals("FIN", mail.endOfExchange());
        assertEquals(List.of("11502-2", "34133-9"), mail.codeCda());
        assertEquals("O", mail.insPresent());
        assertEquals("LPS-42", mail.nil());
        assertEquals("Bonjour, voici vos résultats.", mail.text());
        assertEquals(1, mail.attachments().size());
        assertTrue(mail.attachments().get(0).isXdmArchive());
        assertEquals("application/zip", mail.attachments().get(0).contentType());
        assertEquals(4, mail.attachments().get(0).size());
        assertEquals(raw.length, mail.raw().length);
    }

    @Test
    void aPlainMessageHasNoOptionalHeaders() {
        InboundMail mail = MimeReader.read("a@b.mssante.fr", List.of(), ("Subject: x\r\n\r\nTexte\r\n")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals("Texte", mail.text());
        assertNull(mail.dispositionNotificationTo());
        assertNull(mail.endOfExchange());
        assertEquals(List.of(), mail.attachments());
    }

    @Test
    void eachRefusalHasItsSmtpCodeAndAnAsciiText() {
        RejectException recipient = MssMessageHandler.reject(new MailRefusal(MailRefusal.Reason.BAD_RECIPIENT,
                "recipient <x>: malformed"));
        assertEquals(550, recipient.getCode());
        assertTrue(recipient.getErrorResponse().startsWith("550 5.1.1 recipient <x>"), recipient.getErrorResponse());
        RejectException sender = MssMessageHandler.reject(new MailRefusal(MailRefusal.Reason.UNTRUSTED_SENDER,
                "domaine MSSanté\r\nnon reconnu"));
        assertEquals("550 5.7.1 domaine MSSante non reconnu", sender.getErrorResponse());
        assertEquals(552, MssMessageHandler.reject(new MailRefusal(MailRefusal.Reason.TOO_LARGE, "big")).getCode());
        assertEquals(554, MssMessageHandler.reject(new MailRefusal(MailRefusal.Reason.UNREADABLE, "bad")).getCode());
    }
}
