package org.dmpgateway.model.messaging;

/**
 * What became of a received message for one recipient (docs/messaging.md).
 *
 * @param recipient the patient address (or the professional's, for a document sent by MSSanté)
 * @param status    the outcome
 * @param messageId the stored message's id (null when nothing was stored for the patient)
 */
public record DeliveryOutcome(String recipient, Status status, Long messageId) {

    /** The outcome for one recipient. */
    public enum Status {
        /** Delivered to the patient's mailbox (readable now: activated account). */
        DELIVERED,
        /** Delivered, readable once the patient activates Mon espace santé (account created, not activated). */
        DELIVERED_UNTIL_ACTIVATION,
        /** A professional ended the exchange ({@code [FIN]} or {@code X-MSS-MES: FIN}): not delivered. */
        EXCHANGE_ENDED,
        /** Not delivered (opposed, closed or no account): the sender gets a delivery status notification. */
        BOUNCED,
        /** Sent to a professional's MSSanté address (queued in the outbox, sent with retries). */
        SENT
    }
}
