package org.dmpgateway.core.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.apache.camel.Message;
import org.apache.camel.component.mail.MailConstants;
import org.dmpgateway.config.DmpProperties;
import org.dmpgateway.model.trail.Notification;
import org.dmpgateway.model.trail.NotificationKind;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.util.Properties;
import java.util.Set;

/**
 * Turns an outbox message into the mail component's input: a plain-text UTF-8 body and the
 * Subject, To, From and Content-Type headers. Every other header is dropped so that nothing of
 * the route leaks into the e-mail, and line breaks in the subject (which may quote a document
 * title chosen by its author) become spaces so that they cannot add headers such as Bcc.
 */
@Component
public class NotificationMail {
    static final String CONTENT_TYPE = "text/plain; charset=UTF-8";
    /**
     * The automatic reports sent with the envelope sender {@code dmp.messaging.report-envelope-sender},
     * by default the null reverse-path {@code <>} so that no report answers them: the delivery status
     * notification (RFC 3464 section 2, RFC 5321 section 4.5.5) and the read receipt (RFC 8098
     * section 3: its envelope sender SHOULD be null).
     */
    static final Set<NotificationKind> REPORT_KINDS = Set.of(NotificationKind.MESSAGE_BOUNCE,
            NotificationKind.READ_RECEIPT);

    private final String from;
    /** The reports' envelope sender; {@code <>} when built without Spring. */
    private String reportSender = "<>";

    public NotificationMail(NotificationSettings settings) {
        this.from = settings.from();
    }

    /** {@code dmp.messaging.report-envelope-sender} of the configuration tree. */
    @Autowired(required = false)
    void messaging(DmpProperties.Messaging messaging) {
        this.reportSender = messaging.reportEnvelopeSender();
    }

    public void compose(Message message) throws MessagingException {
        Notification notification = message.getBody(Notification.class);
        message.removeHeaders("*");
        if (notification.mime() != null) {
            // a complete MIME message (secure messaging: bounce, read receipt, patient's reply), sent as it
            // is to its one recipient
            singleAddress(notification.recipient());
            KeptIdMessage mime = new KeptIdMessage(notification.mime());
            if (REPORT_KINDS.contains(notification.kind())) {
                mime.setEnvelopeFrom(reportSender);
            }
            message.setBody(mime);
            return;
        }
        message.setHeader(MailConstants.MAIL_TO, singleAddress(notification.recipient()));
        message.setHeader(MailConstants.MAIL_FROM, from);
        message.setHeader(MailConstants.MAIL_SUBJECT, oneLine(notification.subject()));
        message.setHeader("Content-Type", CONTENT_TYPE);
        message.setBody(notification.body());
    }

    /**
     * A stored MIME message whose Message-ID survives {@code saveChanges} (replies are threaded on it);
     * an Angus {@link SMTPMessage} so that its envelope sender can be set.
     */
    static final class KeptIdMessage extends SMTPMessage {
        KeptIdMessage(byte[] bytes) throws MessagingException {
            super(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes));
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            if (getHeader("Message-ID") == null) {
                super.updateMessageID();
            }
        }
    }

    static String oneLine(String subject) {
        return subject == null ? "" : subject.replaceAll("[\\r\\n]+", " ").strip();
    }

    /**
     * The recipient must be exactly one valid address: the mail component would otherwise split a
     * list ("a@x, b@y") and send a patient's notification to several people. An invalid address
     * fails the attempt like an SMTP error does, with the reason in the outbox.
     */
    static String singleAddress(String recipient) throws AddressException {
        if (recipient == null || recipient.isBlank()) {
            throw new AddressException("the notification has no recipient");
        }
        InternetAddress[] parsed = InternetAddress.parse(recipient.trim(), true);
        if (parsed.length != 1 || recipient.contains(";")) {
            throw new AddressException("the recipient must be exactly one address");
        }
        parsed[0].validate();
        return parsed[0].getAddress();
    }
}
