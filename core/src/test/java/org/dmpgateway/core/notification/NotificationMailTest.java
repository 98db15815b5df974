package org.dmpgateway.core.notification;

import jakarta.mail.internet.AddressException;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultMessage;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.trail.Notification;
import org.dmpgateway.model.trail.NotificationKind;
import org.junit.jupiter.api.Test;

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
