package org.dmpgateway.core.messaging;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.eclipse.angus.mail.dsn.DeliveryStatus;
import org.eclipse.angus.mail.dsn.DispositionNotification;
import org.eclipse.angus.mail.dsn.MessageHeaders;
import org.eclipse.angus.mail.dsn.MultipartReport;
import org.dmpgateway.model.messaging.MailAttachment;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * The MIME messages the secure messaging sends, composed with Jakarta Mail and Angus Mail's report
 * classes (no hand-written MIME): the delivery status notification of an undelivered message
 * (RFC 3464, multipart/report; report-type=delivery-status), the read receipt (RFC 8098,
 * multipart/report; report-type=disposition-notification) and the patient's reply (multipart/mixed,
 * threaded by In-Reply-To and References, RFC 5322 section 3.6.4). Each is written to bytes, kept
 * in the outbox and sent as it is.
 */
final class MessagingMime {
    private static final Session SESSION = Session.getInstance(new Properties());
    private static final String UTF8 = "UTF-8";

    private MessagingMime() {
    }

    /** A new Message-ID in the patients' domain. */
    static String newMessageId(String domain) {
        return "<" + UUID.randomUUID() + "@" + domain + ">";
    }

    /**
     * RFC 3464 DSN: a human-readable part ({@code text}), then per-message fields (Reporting-MTA,
     * Arrival-Date) and the recipient's (Final-Recipient, Action failed, Status 5.2.1 "mailbox
     * disabled" of RFC 3463, Diagnostic-Code), then the original message's header section as a
     * {@code text/rfc822-headers} part (RFC 3464 section 2, RFC 6522: the headers only, not the
     * content, which may carry health data) read from {@code original} (the message as received,
     * read by Jakarta Mail's {@link InternetHeaders} up to the blank line); none when it is null.
     */
    static Composed bounce(String from, String to, String reportingHost, String recipient, String originalMessageId,
                           String subject, String text, Instant arrival, String domain, byte[] original) {
        try {
            DeliveryStatus status = new DeliveryStatus();
            InternetHeaders perMessage = new InternetHeaders();
            perMessage.addHeader("Reporting-MTA", "dns; " + reportingHost);
            perMessage.addHeader("Arrival-Date", rfc5322(arrival));
            status.setMessageDSN(perMessage);
            InternetHeaders perRecipient = new InternetHeaders();
            perRecipient.addHeader("Final-Recipient", "rfc822; " + recipient);
            perRecipient.addHeader("Action", "failed");
            perRecipient.addHeader("Status", "5.2.1");
            perRecipient.addHeader("Diagnostic-Code", "smtp; 550 5.2.1 mailbox disabled (Mon espace sante closed)");
            status.addRecipientDSN(perRecipient);
            MultipartReport report = new MultipartReport(text, status);
            if (original != null) {
                report.setReturnedMessage(new ReturnedHeaders(original));
            }
            return report(report, text, from, to, subject, originalMessageId, domain);
        } catch (MessagingException e) {
            throw new IllegalStateException("the delivery status notification could not be composed", e);
        }
    }

    /**
     * RFC 8098 MDN: the human-readable part, then Reporting-UA, Final-Recipient, Original-Message-ID
     * and Disposition {@code manual-action/MDN-sent-manually; displayed} (the patient opened it).
     */
    static Composed readReceipt(String from, String patientAddress, String to, String originalMessageId,
                                String subject, String text, String domain) {
        try {
            DispositionNotification notification = new DispositionNotification();
            InternetHeaders fields = new InternetHeaders();
            fields.addHeader("Reporting-UA", domain + "; DMP Gateway (Mon espace santé)");
            fields.addHeader("Final-Recipient", "rfc822; " + patientAddress);
            if (originalMessageId != null) {
                fields.addHeader("Original-Message-ID", originalMessageId);
            }
            fields.addHeader("Disposition", "manual-action/MDN-sent-manually; displayed");
            notification.setNotifications(fields);
            return report(new MultipartReport(text, notification), text, from, to, subject, originalMessageId,
                    domain);
        } catch (MessagingException e) {
            throw new IllegalStateException("the read receipt could not be composed", e);
        }
    }

    /**
     * A report (DSN or MDN) as an automatic answer (RFC 3834 Auto-Submitted) to the message it is
     * about, its text part in UTF-8.
     */
    private static Composed report(MultipartReport report, String text, String from, String to, String subject,
                                   String originalMessageId, String domain) throws MessagingException {
        report.setTextBodyPart(textPart(text));
        MimeMessage message = message(from, to, subject, domain);
        if (originalMessageId != null) {
            message.setHeader("In-Reply-To", originalMessageId);
            message.setHeader("References", originalMessageId);
        }
        message.setHeader("Auto-Submitted", "auto-replied");
        message.setContent(report);
        return write(message);
    }

    /** The patient's reply: text and attachments, threaded to the message it answers. */
    static Composed reply(String from, String to, String subject, String text, List<MailAttachment> attachments,
                          String inReplyTo, List<String> references, String domain) {
        try {
            MimeMessage message = message(from, to, subject, domain);
            if (inReplyTo != null) {
                message.setHeader("In-Reply-To", inReplyTo);
            }
            if (!references.isEmpty()) {
                message.setHeader("References", String.join(" ", references));
            }
            MimeMultipart mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(textPart(text));
            for (MailAttachment a : attachments) {
                mixed.addBodyPart(attachment(a));
            }
            message.setContent(mixed);
            return write(message);
        } catch (MessagingException e) {
            throw new IllegalStateException("the reply could not be composed", e);
        }
    }

    /**
     * A clinical document sent by MSSanté (HL7v2 request, docs/hl7v2.md): the text, the document attached,
     * Reply-To the author's address, {@code X-MSS-CODECDA} the document's type code (Référentiel #2 ECO.2.4.1)
     * and {@code X-MSS-MES: FIN} when the patient may not reply (ECO.2.2.8).
     */
    static Composed document(String from, String to, String replyTo, String subject, String text,
                             MailAttachment document, String codeCda, boolean endOfExchange, String domain) {
        try {
            MimeMessage message = message(from, to, subject, domain);
            if (replyTo != null && !replyTo.isBlank()) {
                message.setReplyTo(new InternetAddress[] {new InternetAddress(replyTo, true)});
            }
            if (codeCda != null) {
                message.setHeader("X-MSS-CODECDA", codeCda);
            }
            if (endOfExchange) {
                message.setHeader("X-MSS-MES", "FIN");
            }
            MimeMultipart mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(textPart(text));
            mixed.addBodyPart(attachment(document));
            message.setContent(mixed);
            return write(message);
        } catch (MessagingException e) {
            throw new IllegalStateException("the document mail could not be composed", e);
        }
    }

    private static MimeBodyPart attachment(MailAttachment a) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(a.content(), a.contentType())));
        if (a.fileName() != null) {
            part.setFileName(a.fileName());
        }
        part.setDisposition(MimeBodyPart.ATTACHMENT);
        return part;
    }

    private static MimeMessage message(String from, String to, String subject, String domain)
            throws MessagingException {
        MimeMessage message = new MimeMessage(SESSION);
        message.setFrom(new InternetAddress(from, false));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to, true));
        message.setSubject(subject.replaceAll("[\\r\\n]+", " "), UTF8);
        message.setSentDate(new Date());
        message.setHeader("Message-ID", newMessageId(domain));
        return message;
    }

    private static MimeBodyPart textPart(String text) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(text == null ? "" : text, UTF8);
        return part;
    }

    private static String rfc5322(Instant when) {
        return new jakarta.mail.internet.MailDateFormat().format(Date.from(when));
    }

    /** Writes the message without letting {@code saveChanges} replace its Message-ID. */
    private static Composed write(MimeMessage message) throws MessagingException {
        String id = message.getMessageID();
        message.saveChanges();
        message.setHeader("Message-ID", id);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            message.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Composed(id, out.toByteArray());
    }

    /**
     * The original message's header section as received, returned in a DSN: Angus' {@link MessageHeaders}
     * (written as {@code text/rfc822-headers}) whose Message-ID is kept when the report is saved (a
     * plain MessageHeaders would be given a new one; Jakarta Mail adds MIME-Version, and Date when
     * there is none).
     */
    static final class ReturnedHeaders extends MessageHeaders {
        ReturnedHeaders(byte[] original) throws MessagingException {
            super(new InternetHeaders(new ByteArrayInputStream(original)));
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            if (getHeader("Message-ID") == null) {
                super.updateMessageID();
            }
        }
    }

    /** A composed message: its Message-ID and its bytes. */
    record Composed(String messageId, byte[] bytes) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
