package org.dmpgateway.model.messaging;

import java.time.Instant;
import java.util.List;

/**
 * One message of a conversation as the patient sees it.
 *
 * @param id           the message's id
 * @param conversation its conversation's id
 * @param fromPatient  true for the patient's own replies
 * @param sender       who wrote it (the professional's address, or the patient's)
 * @param subject      its subject
 * @param text         its text (null in a listing)
 * @param receivedAt   when it was received (or sent, for a reply)
 * @param readAt       when the patient opened it (null: not yet)
 * @param attachments  the attachments' names, sizes and types (content by its own call)
 * @param xdmDocuments for an {@code IHE_XDM.ZIP} attachment, the documents it holds
 */
public record SecureMessage(long id, String conversation, boolean fromPatient, String sender, String subject,
                            String text, Instant receivedAt, Instant readAt, List<AttachmentInfo> attachments,
                            List<String> xdmDocuments) {
    public SecureMessage {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        xdmDocuments = xdmDocuments == null ? List.of() : List.copyOf(xdmDocuments);
    }

    /** An attachment's description: its position in the message, name, type and size. */
    public record AttachmentInfo(int index, String fileName, String contentType, long size) {
    }
}
