package org.dmpgateway.smtp;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.dmpgateway.model.messaging.InboundMail;
import org.dmpgateway.model.messaging.MailAttachment;
import org.dmpgateway.model.messaging.MailRefusal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Translates a received MIME message (RFC 5322, RFC 2045-2049) into the model's {@link InboundMail},
 * with Jakarta Mail (Angus Mail) only: the headers the rules read (Subject, From, Message-ID,
 * In-Reply-To, References, Disposition-Notification-To of RFC 8098, the MSSanté headers X-MSS-MES,
 * X-MSS-CODECDA, X-MSS-INS, X-MSS-NIL of Référentiel #2), the text (the first text/plain part, else
 * the first text/html) and the attachments (parts with a file name or an attachment disposition).
 * It decides nothing.
 */
final class MimeReader {
    private static final Session SESSION = Session.getInstance(new Properties());
    private static final int MAX_DEPTH = 10;

    private MimeReader() {
    }

    static InboundMail read(String envelopeSender, List<String> recipients, byte[] raw) {
        try {
            MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
            Content content = new Content();
            collect(message, content, 0);
            return new InboundMail(envelopeSender, recipients, firstAddress(message.getFrom()), message.getSubject(),
                    header(message, "Message-ID"), header(message, "In-Reply-To"), ids(header(message, "References")),
                    address(header(message, "Disposition-Notification-To")), header(message, "X-MSS-MES"),
                    values(message, "X-MSS-CODECDA"), header(message, "X-MSS-INS"), header(message, "X-MSS-NIL"),
                    content.text != null ? content.text : content.html, content.attachments, raw);
        } catch (MessagingException | IOException e) {
            throw new MailRefusal(MailRefusal.Reason.UNREADABLE, "the message is not a readable MIME message: "
                    + e.getMessage());
        }
    }

    private static void collect(Part part, Content content, int depth) throws MessagingException, IOException {
        if (depth > MAX_DEPTH) {
            return;
        }
        String fileName = fileName(part);
        boolean attachment = fileName != null || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
        if (part.isMimeType("multipart/*") && !attachment) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, content, depth + 1);
            }
            return;
        }
        if (!attachment && part.isMimeType("text/plain") && content.text == null) {
            content.text = withoutFinalLineBreaks(String.valueOf(part.getContent()));
            return;
        }
        if (!attachment && part.isMimeType("text/html") && content.html == null) {
            content.html = withoutFinalLineBreaks(String.valueOf(part.getContent()));
            return;
        }
        try (InputStream in = part.getInputStream()) {
            content.attachments.add(new MailAttachment(fileName, baseType(part.getContentType()), in.readAllBytes()));
        }
    }

    /** The line breaks that end a text part (the last line's CRLF) are not part of the text. */
    private static String withoutFinalLineBreaks(String text) {
        return text.replaceAll("[\\r\\n]+$", "");
    }

    private static String fileName(Part part) throws MessagingException {
        String name = part.getFileName();
        if (name == null) {
            return null;
        }
        try {
            return MimeUtility.decodeText(name);
        } catch (UnsupportedEncodingException e) {
            return name;
        }
    }

    private static String baseType(String contentType) {
        if (contentType == null) {
            return null;
        }
        try {
            return new ContentType(contentType).getBaseType().toLowerCase(Locale.ROOT);
        } catch (jakarta.mail.internet.ParseException e) {
            return "application/octet-stream";
        }
    }

    private static String header(MimeMessage message, String name) throws MessagingException {
        String value = message.getHeader(name, ",");
        return value == null ? null : MimeUtility.unfold(value).trim();
    }

    private static List<String> values(MimeMessage message, String name) throws MessagingException {
        String[] values = message.getHeader(name);
        return values == null ? List.of() : Arrays.stream(values).flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::trim).filter(v -> !v.isEmpty()).toList();
    }

    private static List<String> ids(String references) {
        return references == null ? List.of() : Arrays.stream(references.split("\\s+"))
                .filter(v -> !v.isEmpty()).toList();
    }

    private static String address(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            InternetAddress[] parsed = InternetAddress.parseHeader(header, false);
            return parsed.length == 0 ? null : parsed[0].getAddress();
        } catch (AddressException e) {
            return null;
        }
    }

    private static String firstAddress(Address[] addresses) {
        return addresses == null || addresses.length == 0 || !(addresses[0] instanceof InternetAddress a)
                ? null : a.getAddress();
    }

    /** What the walk over the parts found. */
    private static final class Content {
        private String text;
        private String html;
        private final List<MailAttachment> attachments = new ArrayList<>();
    }
}
