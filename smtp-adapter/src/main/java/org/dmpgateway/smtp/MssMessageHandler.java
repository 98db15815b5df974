package org.dmpgateway.smtp;

import org.dmpgateway.model.messaging.DeliveryOutcome;
import org.dmpgateway.model.messaging.InboundMail;
import org.dmpgateway.model.messaging.MailRefusal;
import org.dmpgateway.model.messaging.SecureMessaging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.TooMuchDataException;

import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One SMTP transaction: MAIL FROM, RCPT TO and DATA each handed to {@link SecureMessaging} (the core
 * decides), its refusals answered with the SMTP reply code of their reason (RFC 5321 section 4.2,
 * enhanced status codes of RFC 3463) and the core's text. An unexpected failure is answered 451
 * (try again later) with a reference logged beside the error, never a stack trace.
 */
final class MssMessageHandler implements MessageHandler {
    private static final Logger LOG = LoggerFactory.getLogger(MssMessageHandler.class);

    private final SecureMessaging messaging;
    private final List<String> recipients = new ArrayList<>();
    private String sender;

    MssMessageHandler(SecureMessaging messaging) {
        this.messaging = messaging;
    }

    @Override
    public void from(String from) throws RejectException {
        call(() -> messaging.checkSender(from));
        this.sender = from;
    }

    @Override
    public void recipient(String recipient) throws RejectException {
        call(() -> messaging.checkRecipient(recipient));
        recipients.add(recipient);
    }

    @Override
    public String data(InputStream data) throws RejectException, TooMuchDataException, IOException {
        byte[] raw = data.readAllBytes();
        List<DeliveryOutcome> outcomes = new ArrayList<>();
        call(() -> {
            InboundMail mail = MimeReader.read(sender, recipients, raw);
            outcomes.addAll(messaging.receive(mail));
        });
        LOG.debug("Secure message from {} received: {}", sender, outcomes);
        return null;
    }

    @Override
    public void done() {
        // nothing held
    }

    private static void call(Runnable step) throws RejectException {
        try {
            step.run();
        } catch (MailRefusal refusal) {
            throw reject(refusal);
        } catch (RuntimeException e) {
            String reference = UUID.randomUUID().toString();
            LOG.error("Secure messaging: SMTP step failed (reference {})", reference, e);
            throw new RejectException(451, "4.3.0 temporary failure, try again later (reference " + reference + ")");
        }
    }

    static RejectException reject(MailRefusal refusal) {
        // an SMTP reply is one line of US-ASCII (RFC 5321 section 4.2): accents dropped, anything else '?'
        String text = Normalizer.normalize(refusal.getMessage(), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("[\\r\\n]+", " ").replaceAll("[^\\x20-\\x7E]", "?");
        return switch (refusal.reason()) {
            case BAD_RECIPIENT -> new RejectException(550, "5.1.1 " + text);
            case UNTRUSTED_SENDER -> new RejectException(550, "5.7.1 " + text);
            case TOO_LARGE -> new RejectException(552, "5.3.4 " + text);
            case UNREADABLE -> new RejectException(554, "5.6.0 " + text);
        };
    }
}
