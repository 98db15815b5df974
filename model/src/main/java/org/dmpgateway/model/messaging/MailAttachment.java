package org.dmpgateway.model.messaging;

/**
 * One attachment of a secure message, as read from the MIME message by the SMTP adapter or given by
 * the patient: its file name (may be null), its MIME type and its bytes.
 */
public record MailAttachment(String fileName, String contentType, byte[] content) {
    public MailAttachment {
        if (content == null) {
            throw new IllegalArgumentException("an attachment needs its content");
        }
        contentType = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType;
    }

    /** The size in bytes. */
    public int size() {
        return content.length;
    }

    /** {@code IHE_XDM.ZIP}, the MSSanté archive of CDA documents (IHE ITI TF-1 XDM). */
    public boolean isXdmArchive() {
        return fileName != null && fileName.equalsIgnoreCase("IHE_XDM.ZIP");
    }
}
