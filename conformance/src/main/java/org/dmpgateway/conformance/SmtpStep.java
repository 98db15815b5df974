package org.dmpgateway.conformance;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * An SMTP step (samples/FORMAT.md, "SMTP and MLLP steps"): the scenario's message, as a professional's
 * MSSanté mail client sends it, with Jakarta Mail (Angus) to the server's SMTP port, STARTTLS required.
 * The server's certificate is trusted for the SMTP host named ({@code mail.smtp.ssl.trust}): the sandbox's
 * is self-signed. The outcome is the server's reply code: 250 when the message was accepted, else the code
 * of the refusal (at MAIL FROM, RCPT TO or DATA).
 */
final class SmtpStep {
    private final RunnerOptions options;

    SmtpStep(RunnerOptions options) {
        this.options = options;
    }

    /** What the server answered: its reply code and text. */
    record Reply(int code, String text) {
    }

    Reply send(String from, List<String> to, byte[] message, Path transcript) throws IOException {
        Properties p = new Properties();
        p.put("mail.smtp.host", options.smtpHost());
        p.put("mail.smtp.port", String.valueOf(options.smtpPort()));
        p.put("mail.smtp.from", from);
        p.put("mail.smtp.starttls.enable", "true");
        p.put("mail.smtp.starttls.required", "true");
        p.put("mail.smtp.ssl.trust", options.smtpHost());
        String millis = String.valueOf(options.timeout().toMillis());
        p.put("mail.smtp.connectiontimeout", millis);
        p.put("mail.smtp.timeout", millis);
        p.put("mail.smtp.writetimeout", millis);
        Session session = Session.getInstance(p);
        writeRequest(transcript, from, to, message);
        Reply reply;
        try {
            MimeMessage mime = new MimeMessage(session, new ByteArrayInputStream(message));
            List<Address> recipients = new ArrayList<>();
            for (String r : to) {
                recipients.add(new InternetAddress(r, false));
            }
            SMTPTransport transport = (SMTPTransport) session.getTransport("smtp");
            try {
                transport.connect();
                transport.sendMessage(mime, recipients.toArray(Address[]::new));
                reply = new Reply(transport.getLastReturnCode(), transport.getLastServerResponse());
            } finally {
                transport.close();
            }
        } catch (MessagingException e) {
            reply = refusal(e);
        }
        Files.writeString(transcript.resolveSibling(transcript.getFileName() + ".response.txt"),
                (reply.text().startsWith(String.valueOf(reply.code())) ? "" : reply.code() + " ") + reply.text() + "\r\n",
                StandardCharsets.UTF_8);
        return reply;
    }

    /** The server's refusal in a Jakarta Mail exception: the first SMTP reply code found in its chain. */
    private static Reply refusal(MessagingException e) throws IOException {
        for (Exception x = e; x != null; x = x instanceof MessagingException m ? m.getNextException() : null) {
            if (x instanceof SMTPAddressFailedException a) {
                return new Reply(a.getReturnCode(), a.getMessage().trim());
            }
            if (x instanceof SMTPSendFailedException s) {
                return new Reply(s.getReturnCode(), s.getMessage().trim());
            }
        }
        // no reply from an SMTP server: a connection, TLS or protocol failure
        throw new IOException("SMTP exchange with " + e.getMessage(), e);
    }

    private static void writeRequest(Path transcript, String from, List<String> to, byte[] message) throws IOException {
        StringBuilder envelope = new StringBuilder("MAIL FROM:<").append(from).append(">\r\n");
        to.forEach(r -> envelope.append("RCPT TO:<").append(r).append(">\r\n"));
        Files.createDirectories(transcript.getParent());
        Files.writeString(transcript.resolveSibling(transcript.getFileName() + ".envelope.txt"), envelope, StandardCharsets.UTF_8);
        Files.write(transcript.resolveSibling(transcript.getFileName() + ".request.eml"), message);
    }
}
