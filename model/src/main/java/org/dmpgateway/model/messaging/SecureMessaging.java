package org.dmpgateway.model.messaging;

import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.account.PatientDocument;

import java.util.List;

/**
 * The secure messaging of Mon espace santé (issue 17, dmp-rules.md section 4): the SMTP adapter's
 * and the patient API's front door, implemented by the core, which holds every rule. The SMTP side
 * throws {@link MailRefusal}; the patient side {@code AccountException} (French messages).
 */
public interface SecureMessaging {

    /** {@code MAIL FROM}: the sender must be a mailbox of a trusted MSSanté domain. */
    void checkSender(String address);

    /**
     * {@code RCPT TO}: {@code <15-digit matricule>@<patients' domain>} with a valid key. Whether the
     * patient has an open mailbox is decided after DATA (a bounce, not a refusal: seed 004).
     */
    void checkRecipient(String address);

    /** A received message, for each recipient: delivered, ending the exchange, or bounced. */
    List<DeliveryOutcome> receive(InboundMail mail);

    /**
     * A clinical document sent by MSSanté on a platform's request (HL7v2, docs/hl7v2.md): to the professionals'
     * addresses through the outbox, to the patient's mailbox as a received message (same rules by account state).
     * Refused ({@code DmpException}) when the request breaks the guide's rules.
     */
    List<DeliveryOutcome> send(DocumentMail mail);

    /** The patient's conversations, newest first (readable once the account is activated). */
    List<Conversation> conversations(PatientRef patient);

    /** One conversation with its messages. */
    Conversation conversation(PatientRef patient, String conversationId);

    /** Opens a message: marks it read and sends the read receipt the sender asked for. */
    SecureMessage read(PatientRef patient, long messageId);

    /** An attachment of a message the patient may read. */
    MailAttachment attachment(PatientRef patient, long messageId, int index);

    /** The patient replies in an open conversation. */
    SecureMessage reply(PatientRef patient, String conversationId, PatientReply reply);

    /**
     * The patient saves the documents of an {@code IHE_XDM.ZIP} attachment into their record (the
     * documents as saved).
     */
    List<PatientDocument> saveAttachment(PatientRef patient, long messageId, int index);
}
