package org.dmpgateway.core.notification;

import jakarta.mail.internet.AddressException;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultMessage;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.trail.Notification;
import org.dmpgateway.model.trail.NotificationKind;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class NotificationMailTest {
    private static final String FROM = "Mon espace santé (bac à sable) <no-reply@dmp-gateway.local>";

    @Test
    void theMessageBecomesAPlainTextUtf8MailWithOnlyTheMailHeaders() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            Message message = new DefaultMessage(camel);
            message.setHeader("CamelTimerFiredTime", "ignored");
            message.setHeader("X-Internal", "must not leak");
            message.setBody(notification("marie.dupont@example.org", "Nouveau document : compte rendu\r\nBcc: x@evil.example",
                    "Un document a été ajouté."));

            mail().compose(message);

            assertEquals(Map.of("To", "marie.dupont@example.org", "From", FROM,
                    "Subject", "Nouveau document : compte rendu Bcc: x@evil.example",
                    "Content-Type", "text/plain; charset=UTF-8"), message.getHeaders());
            assertEquals("Un document a été ajouté.", message.getBody());
        }
    }

    @Test
    void reportsLeaveWithTheNullReversePathOtherMimeMessagesWithTheirFrom() throws Exception {
        byte[] mime = ("From: mailer-daemon@patient.mssante.fr\r\nTo: dr@hopital.mssante.fr\r\nMessage-ID: <r@p>\r\n"
                + "Subject: x\r\n\r\ntexte\r\n").getBytes(StandardCharsets.US_ASCII);
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            for (NotificationKind kind : NotificationKind.values()) {
                Message message = new DefaultMessage(camel);
                message.setBody(Notification.mime(new PatientRef("279035121518989", "1.2.250.1.213.1.4.10"),
                        "dr@hopital.mssante.fr", kind, "x", "x", mime, Instant.now()));
                mail().compose(message);
                SMTPMessage sent = message.getBody(SMTPMessage.class);
                boolean report = kind == NotificationKind.MESSAGE_BOUNCE || kind == NotificationKind.READ_RECEIPT;
                // Angus SMTPTransport sends MAIL FROM:<envelopeFrom>; null: the message's From
                assertEquals(report ? "<>" : null, sent.getEnvelopeFrom(), kind::name);
                assertEquals("<r@p>", sent.getMessageID(), "the stored Message-ID is kept");
            }
        }
    }

    @Test
    void oneAddressIsAccepted() throws AddressException {
        assertEquals("marie.dupont@example.org", NotificationMail.singleAddress("marie.dupont@example.org"));
        assertEquals("marie.dupont@example.org", NotificationMail.singleAddress("  marie.dupont@example.org "));
        assertEquals("marie.dupont@example.org", NotificationMail.singleAddress("Marie Dupont <marie.dupont@example.org>"));
    }

    @Test
    void aListOfRecipientsFailsTheComposition() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            Message message = new DefaultMessage(camel);
            message.setBody(notification("a@example.org, b@example.org", "Sujet", "Texte"));
            assertThrows(AddressException.class, () -> mail().compose(message));
        }
    }

    @Test
    void listsAndInvalidAddressesAreRefused() {
        assertThrows(AddressException.class, () -> NotificationMail.singleAddress("a@example.org, b@example.org"));
        assertThrows(AddressException.class, () -> NotificationMail.singleAddress("a@example.org; b@example.org"));
        assertThrows(AddressException.class, () -> NotificationMail.singleAddress("not an address"));
        assertThrows(AddressException.class, () -> NotificationMail.singleAddress(""));
        assertThrows(AddressException.class, () -> NotificationMail.singleAddress(null));
    }

    private static NotificationMail mail() {
        return new NotificationMail(new NotificationSettings(true, "localhost", 25, "", "", Duration.ofSeconds(10),
                FROM, 2000, 20, Duration.ofSeconds(5), Duration.ofMinutes(10), 10, Duration.ofMinutes(15)));
    }

    private static Notification notification(String recipient, String subject, String body) {
        return Notification.create(new PatientRef("279035121518989", "1.2.250.1.213.1.4.10"), recipient,
                NotificationKind.DOCUMENT_ADDED, subject, body, Instant.now());
    }
}
