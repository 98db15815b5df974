package org.dmpgateway.core.messaging;

import org.dmpgateway.config.DmpProperties;
import org.dmpgateway.core.account.AccountClock;
import org.dmpgateway.core.account.PatientDocuments;
import org.dmpgateway.model.DocumentContent;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.account.AccountErrorCode;
import org.dmpgateway.model.account.AccountException;
import org.dmpgateway.model.messaging.Conversation;
import org.dmpgateway.model.messaging.MailAttachment;
import org.dmpgateway.model.messaging.PatientReply;
import org.dmpgateway.model.messaging.SecureMessage;
import org.dmpgateway.model.trail.Notification;
import org.dmpgateway.model.trail.NotificationKind;
import org.dmpgateway.repository.MessagingRepository;
import org.dmpgateway.repository.MessagingRepository.StoredConversation;
import org.dmpgateway.repository.MessagingRepository.StoredMessage;
import org.dmpgateway.repository.NotificationOutbox;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The patient's side of the secure messaging (dmp-rules.md section 4): the conversations, reading a
 * message (marked read; the read receipt the sender asked for, RFC 8098, leaves through the outbox),
 * the attachments, and the reply: only within a conversation a professional started and did not
 * end, to that professional alone, subject {@code dmp.messaging.reply-subject-length} (80)
 * characters at most, attachments (files and documents of the patient's record)
 * {@code dmp.messaging.reply-attachments-size} (10 MB) in total at most; sent by SMTP through the
 * outbox, threaded (In-Reply-To, References). Refusals are French and name the field.
 */
@Component
public class PatientMessaging {
    private final MessagingRepository messages;
    private final MessagingAddresses addresses;
    private final PatientDocuments documents;
    private final NotificationOutbox outbox;
    private final MessagingTrail trail;
    private final AccountClock clock;
    private final TransactionTemplate transaction;
    private final DmpProperties.Messaging settings;

    public PatientMessaging(MessagingRepository messages, MessagingAddresses addresses, PatientDocuments documents,
                            NotificationOutbox outbox, MessagingTrail trail, AccountClock clock,
                            TransactionTemplate transaction, DmpProperties.Messaging settings) {
        this.messages = messages;
        this.addresses = addresses;
        this.documents = documents;
        this.outbox = outbox;
        this.trail = trail;
        this.clock = clock;
        this.transaction = transaction;
        this.settings = settings;
    }

    public List<Conversation> conversations(PatientRef patient) {
        return messages.findConversations(patient).stream().map(c -> summary(c, List.of())).toList();
    }

    public Conversation conversation(PatientRef patient, String conversationId) {
        StoredConversation c = owned(patient, conversationId);
        return summary(c, messages.findMessages(c.id()).stream().map(m -> view(m, false)).toList());
    }

    public SecureMessage read(PatientRef patient, long messageId) {
        StoredMessage message = ownedMessage(patient, messageId);
        return transaction.execute(tx -> {
            Instant now = clock.now();
            if (message.incoming() && message.readAt() == null) {
                messages.markRead(message.id(), now);
                trail.byPatient(patient, "secure messaging: message " + message.id() + " from " + message.sender()
                        + " read by the patient");
                if (message.receiptTo() != null && message.receiptSentAt() == null) {
                    sendReadReceipt(patient, message, now);
                }
            }
            return view(messages.findMessage(message.id()).orElseThrow(), true);
        });
    }

    public MailAttachment attachment(PatientRef patient, long messageId, int index) {
        StoredMessage message = ownedMessage(patient, messageId);
        return messages.findAttachment(message.id(), index).orElseThrow(() -> new AccountException(
                AccountErrorCode.UNKNOWN_MESSAGE, "index", "index : ce message n'a pas de pièce jointe n° " + index + "."));
    }

    public SecureMessage reply(PatientRef patient, String conversationId, PatientReply reply) {
        StoredConversation c = owned(patient, conversationId);
        if (c.endedAt() != null) {
            throw new AccountException(AccountErrorCode.CONVERSATION_CLOSED, "conversationId", "conversationId : cette "
                    + "conversation est close, le professionnel de santé a mis fin à l'échange ; vous ne pouvez plus "
                    + "y répondre.");
        }
        String subject = subject(reply, c);
        String text = reply.text() == null ? "" : reply.text();
        List<MailAttachment> attachments = new ArrayList<>(reply.attachments());
        for (String documentId : reply.documentIds()) {
            attachments.add(recordDocument(patient, documentId));
        }
        if (text.isBlank() && attachments.isEmpty()) {
            throw invalid("text", "le message est vide : écrivez un texte ou joignez un document.");
        }
        long total = attachments.stream().mapToLong(MailAttachment::size).sum();
        long max = settings.replyAttachmentsSize().toBytes();
        if (total > max) {
            throw invalid("attachments", "les pièces jointes pèsent " + megabytes(total) + " Mo au total, "
                    + megabytes(max) + " Mo au maximum.");
        }
        List<StoredMessage> thread = messages.findMessages(c.id());
        StoredMessage answered = thread.stream().filter(StoredMessage::incoming).reduce((a, b) -> b).orElse(null);
        String inReplyTo = answered == null ? null : answered.messageId();
        List<String> references = new ArrayList<>(answered == null ? List.of() : answered.references());
        if (inReplyTo != null) {
            references.add(inReplyTo);
        }
        String from = addresses.patientAddress(patient.id());
        MessagingMime.Composed mime = MessagingMime.reply(from, c.professional(), subject, text, attachments,
                inReplyTo, references, addresses.domain());
        long id = transaction.execute(tx -> {
            Instant now = clock.now();
            long stored = messages.addMessage(new StoredMessage(null, c.id(), false, mime.messageId(), inReplyTo,
                    references, from, c.professional(), subject, text, now, now, null, null, List.of(), null, null,
                    mime.bytes()), attachments);
            messages.touchConversation(c.id(), now);
            outbox.enqueue(Notification.mime(patient, c.professional(), NotificationKind.PATIENT_REPLY, subject,
                    "reply of the patient in conversation " + c.id(), mime.bytes(), now));
            trail.byPatient(patient, "secure messaging: reply " + stored + " of the patient sent to "
                    + c.professional() + (attachments.isEmpty() ? "" : " with " + attachments.size() + " attachment(s)"));
            return stored;
        });
        return view(messages.findMessage(id).orElseThrow(), true);
    }

    private void sendReadReceipt(PatientRef patient, StoredMessage message, Instant now) {
        String patientAddress = addresses.patientAddress(patient.id());
        String text = MessagingTexts.readReceipt(patientAddress, message.subject());
        MessagingMime.Composed mdn = MessagingMime.readReceipt(settings.from(), patientAddress, message.receiptTo(),
                message.messageId(), MessagingTexts.readReceiptSubject(message.subject()), text, addresses.domain());
        outbox.enqueue(Notification.mime(patient, message.receiptTo(), NotificationKind.READ_RECEIPT,
                MessagingTexts.readReceiptSubject(message.subject()), text, mdn.bytes(), now));
        messages.markReceiptSent(message.id(), now);
        trail.byPatient(patient, "secure messaging: read receipt of message " + message.id() + " sent to "
                + message.receiptTo());
    }

    private String subject(PatientReply reply, StoredConversation c) {
        String subject = reply.subject() == null || reply.subject().isBlank()
                ? "RE: " + (c.subject() == null ? "" : c.subject()) : reply.subject().strip();
        int max = settings.replySubjectLength();
        if (reply.subject() != null && !reply.subject().isBlank() && subject.length() > max) {
            throw invalid("subject", "l'objet comporte " + subject.length() + " caractères, " + max
                    + " caractères au maximum.");
        }
        return subject.length() > max ? subject.substring(0, max) : subject;
    }

    private MailAttachment recordDocument(PatientRef patient, String documentId) {
        DocumentContent content = documents.content(patient, documentId);
        long max = settings.replyAttachmentsSize().toBytes();
        if (content.size() > max) {
            throw invalid("documentIds", "le document " + documentId + " pèse " + megabytes(content.size())
                    + " Mo, les pièces jointes " + megabytes(max) + " Mo au maximum.");
        }
        try (InputStream in = content.bytes().open()) {
            return new MailAttachment(content.documentUniqueId() + extension(content.mimeType()), content.mimeType(),
                    in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String extension(String mimeType) {
        if (mimeType == null) {
            return "";
        }
        return switch (mimeType.toLowerCase(Locale.ROOT)) {
            case "application/pdf" -> ".pdf";
            case "text/plain" -> ".txt";
            case "text/xml", "application/xml" -> ".xml";
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            default -> "";
        };
    }

    private StoredConversation owned(PatientRef patient, String conversationId) {
        return messages.findConversation(conversationId == null ? "" : conversationId)
                .filter(c -> c.patient().equals(patient))
                .orElseThrow(() -> new AccountException(AccountErrorCode.UNKNOWN_MESSAGE, "conversationId",
                        "conversationId : aucune conversation " + conversationId + " dans votre messagerie."));
    }

    private StoredMessage ownedMessage(PatientRef patient, long messageId) {
        return messages.findMessage(messageId)
                .filter(m -> messages.findConversation(m.conversationId()).map(c -> c.patient().equals(patient))
                        .orElse(false))
                .orElseThrow(() -> new AccountException(AccountErrorCode.UNKNOWN_MESSAGE, "messageId",
                        "messageId : aucun message " + messageId + " dans votre messagerie."));
    }

    private Conversation summary(StoredConversation c, List<SecureMessage> thread) {
        return new Conversation(c.id(), c.professional(), c.subject(), c.startedAt(), c.lastAt(), c.endedAt(),
                messages.countUnread(c.id()), thread);
    }

    private SecureMessage view(StoredMessage m, boolean withText) {
        List<SecureMessage.AttachmentInfo> infos = messages.findAttachments(m.id()).stream()
                .map(a -> new SecureMessage.AttachmentInfo(a.seq(), a.fileName(), a.contentType(), a.size())).toList();
        List<String> xdm = new ArrayList<>();
        if (withText) {
            for (SecureMessage.AttachmentInfo info : infos) {
                if (info.fileName() != null && info.fileName().equalsIgnoreCase("IHE_XDM.ZIP")) {
                    messages.findAttachment(m.id(), info.index()).ifPresent(a -> xdm.addAll(xdmDocuments(a.content())));
                }
            }
        }
        return new SecureMessage(m.id(), m.conversationId(), !m.incoming(), m.sender(), m.subject(),
                withText ? m.text() : null, m.receivedAt(), m.readAt(), infos, xdm);
    }

    /**
     * The documents of an IHE XDM archive (IHE ITI TF-1 section 16, TF-3 section 4.2.3.3): the files
     * under {@code IHE_XDM/<subset>/} other than the subset's METADATA.XML (the CDA documents).
     */
    static List<String> xdmDocuments(byte[] zip) {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                String name = e.getName().replace('\\', '/');
                String upper = name.toUpperCase(Locale.ROOT);
                if (!e.isDirectory() && upper.startsWith("IHE_XDM/") && upper.indexOf('/', 8) > 0
                        && !upper.endsWith("/METADATA.XML")) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return names;
    }

    private static AccountException invalid(String field, String rule) {
        return new AccountException(AccountErrorCode.INVALID_FIELD, field, field + " : " + rule);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.FRANCE, "%.1f", bytes / (1024.0 * 1024.0));
    }
}
