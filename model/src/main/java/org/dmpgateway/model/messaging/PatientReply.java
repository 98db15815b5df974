package org.dmpgateway.model.messaging;

import java.util.List;

/**
 * The patient's reply in a conversation (one recipient: the conversation's professional).
 *
 * @param subject     its subject (80 characters at most)
 * @param text        its text
 * @param attachments files the patient attaches
 * @param documentIds documents of the patient's record to attach (their uniqueId or entryUUID)
 */
public record PatientReply(String subject, String text, List<MailAttachment> attachments, List<String> documentIds) {
    public PatientReply {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        documentIds = documentIds == null ? List.of() : List.copyOf(documentIds);
    }
}
