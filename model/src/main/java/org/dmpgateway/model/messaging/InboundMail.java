package org.dmpgateway.model.messaging;

import java.util.List;

/**
 * A message received over SMTP from a professional's MSSanté mailbox, translated by the SMTP adapter
 * (the MIME parsing stays there): the envelope (sender, recipients), the headers the rules read, the
 * text, the attachments and the raw MIME message, kept as received.
 *
 * @param envelopeSender            the SMTP {@code MAIL FROM} address
 * @param recipients                the {@code RCPT TO} addresses accepted (patient addresses)
 * @param from                      the From header's address (the professional who writes)
 * @param subject                   the decoded Subject (null when absent)
 * @param messageId                 the Message-ID header (null when absent)
 * @param inReplyTo                 the In-Reply-To header (null when absent)
 * @param references                the References header's ids
 * @param dispositionNotificationTo the Disposition-Notification-To address (read receipt asked; null otherwise)
 * @param endOfExchange             the header {@code X-MSS-MES} (value {@code FIN} ends the exchange)
 * @param codeCda                   {@code X-MSS-CODECDA}, each value
 * @param insPresent                {@code X-MSS-INS} ({@code O}/{@code N})
 * @param nil                       {@code X-MSS-NIL}
 * @param text                      the text of the message (text/plain part, or the HTML part as sent)
 * @param attachments               the attachments
 * @param raw                       the message as received (the DATA of the SMTP transaction)
 */
public record InboundMail(String envelopeSender, List<String> recipients, String from, String subject,
                          String messageId, String inReplyTo, List<String> references,
                          String dispositionNotificationTo, String endOfExchange, List<String> codeCda,
                          String insPresent, String nil, String text, List<MailAttachment> attachments,
                          byte[] raw) {
    public InboundMail {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        references = references == null ? List.of() : List.copyOf(references);
        codeCda = codeCda == null ? List.of() : List.copyOf(codeCda);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        raw = raw == null ? new byte[0] : raw;
    }
}
