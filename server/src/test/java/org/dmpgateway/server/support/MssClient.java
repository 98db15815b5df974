package org.dmpgateway.server.support;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import java.util.Properties;

/**
 * A professional's MSSanté mail client for end-to-end tests: Jakarta Mail's SMTP transport to the
 * gateway's SMTP port, STARTTLS required (the sandbox certificate trusted for 127.0.0.1), the
 * envelope sender given. Messages are built with Jakarta Mail too.
 */
public final class MssClient {
    private final int port;

    public MssClient(int port) {
        this.port = port;
    }

    /** A text message from {@code from} to {@code to}. */
    public MimeMessage message(String from, String to, String subject, String text) {
        try {
            MimeMessage m = new MimeMessage(session(from, true));
            m.setFrom(new InternetAddress(from));
            m.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(to));
            m.setSubject(subject, "UTF-8");
            m.setText(text, "UTF-8");
            return m;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A message with a text part and one attachment. */
    public MimeMessage withAttachment(String from, String to, String subject, String text, String fileName,
                                      String contentType, byte[] content) {
        try {
            MimeMessage m = message(from, to, subject, text);
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart body = new MimeBodyPart();
            body.setText(text, "UTF-8");
            mixed.addBodyPart(body);
            MimeBodyPart file = new MimeBodyPart();
            file.setDataHandler(new DataHandler(new ByteArrayDataSource(content, contentType)));
            file.setFileName(fileName);
            file.setDisposition(MimeBodyPart.ATTACHMENT);
            mixed.addBodyPart(file);
            m.setContent(mixed);
            return m;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends over STARTTLS with the envelope sender {@code envelopeFrom}; the SMTP refusal as an exception. */
    public void send(MimeMessage message, String envelopeFrom) throws MessagingException {
        send(message, envelopeFrom, true);
    }

    /** Sends, with or without STARTTLS. */
    public void send(MimeMessage message, String envelopeFrom, boolean startTls) throws MessagingException {
        message.saveChanges();
        Session session = session(envelopeFrom, startTls);
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    private Session session(String envelopeFrom, boolean startTls) {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", String.valueOf(port));
        p.put("mail.smtp.from", envelopeFrom);
        p.put("mail.smtp.starttls.enable", String.valueOf(startTls));
        p.put("mail.smtp.starttls.required", String.valueOf(startTls));
        p.put("mail.smtp.ssl.trust", "127.0.0.1");
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "30000");
        return Session.getInstance(p);
    }
}
