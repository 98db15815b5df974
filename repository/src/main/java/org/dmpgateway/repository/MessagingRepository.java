package org.dmpgateway.repository;

import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.messaging.MailAttachment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The secure messaging's storage (tables mss_conversation, mss_message, mss_attachment; V3_32):
 * conversations, their messages with the raw MIME message, and the attachments. Every write joins
 * the caller's transaction.
 */
public interface MessagingRepository {

    /** The records whose INS is {@code matricule}, whatever the assigning authority (INS-NIR, its test OIDs). */
    List<PatientRef> findPatientsByMatricule(String matricule);

    void createConversation(StoredConversation conversation);

    Optional<StoredConversation> findConversation(String id);

    /** The patient's conversations, the most recent activity first. */
    List<StoredConversation> findConversations(PatientRef patient);

    /** The patient's open conversations with {@code professional} (address, case-insensitive). */
    List<StoredConversation> findOpenConversations(PatientRef patient, String professional);

    /** The conversation holding the message whose Message-ID is one of {@code messageIds}, if any. */
    Optional<StoredConversation> findConversationByMessageIds(PatientRef patient, List<String> messageIds);

    void touchConversation(String id, Instant when);

    void endConversation(String id, Instant when, String reason);

    /** Stores a message and its attachments; returns its id. */
    long addMessage(StoredMessage message, List<MailAttachment> attachments);

    Optional<StoredMessage> findMessage(long id);

    List<StoredMessage> findMessages(String conversationId);

    /** How many messages to the patient in the conversation are not read yet. */
    int countUnread(String conversationId);

    void markRead(long id, Instant when);

    void markReceiptSent(long id, Instant when);

    /** The attachments' descriptions (content left empty), in order. */
    List<AttachmentRow> findAttachments(long messageId);

    Optional<MailAttachment> findAttachment(long messageId, int seq);

    /** A conversation row. */
    record StoredConversation(String id, PatientRef patient, String professional, String subject, Instant startedAt,
                              Instant lastAt, Instant endedAt, String endReason) {
    }

    /**
     * A message row. {@code incoming}: from the professional to the patient; otherwise the patient's reply.
     */
    record StoredMessage(Long id, String conversationId, boolean incoming, String messageId, String inReplyTo,
                         List<String> references, String sender, String recipient, String subject, String text,
                         Instant receivedAt, Instant readAt, String receiptTo, Instant receiptSentAt,
                         List<String> codeCda, String insPresent, String nil, byte[] raw) {
        public StoredMessage {
            references = references == null ? List.of() : List.copyOf(references);
            codeCda = codeCda == null ? List.of() : List.copyOf(codeCda);
        }
    }

    /** An attachment's description. */
    record AttachmentRow(int seq, String fileName, String contentType, long size) {
    }
}
