package org.dmpgateway.core.messaging;

import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.account.PatientDocument;
import org.dmpgateway.model.messaging.Conversation;
import org.dmpgateway.model.messaging.DeliveryOutcome;
import org.dmpgateway.model.messaging.DocumentMail;
import org.dmpgateway.model.messaging.InboundMail;
import org.dmpgateway.model.messaging.MailAttachment;
import org.dmpgateway.model.messaging.PatientReply;
import org.dmpgateway.model.messaging.SecureMessage;
import org.dmpgateway.model.messaging.SecureMessaging;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The {@link SecureMessaging} front door: each command handed to its rule ({@link MessagingAddresses},
 * {@link ReceiveMessage}, {@link PatientMessaging}, {@link SendDocumentMail}, {@link SaveXdmAttachment}), which
 * decides; this class adds nothing.
 */
@Component
public class CoreSecureMessaging implements SecureMessaging {
    private final MessagingAddresses addresses;
    private final ReceiveMessage receiving;
    private final PatientMessaging patientSide;
    private final SendDocumentMail documents;
    private final SaveXdmAttachment saving;

    public CoreSecureMessaging(MessagingAddresses addresses, ReceiveMessage receiving, PatientMessaging patientSide,
                               SendDocumentMail documents, SaveXdmAttachment saving) {
        this.addresses = addresses;
        this.receiving = receiving;
        this.patientSide = patientSide;
        this.documents = documents;
        this.saving = saving;
    }

    @Override
    public void checkSender(String address) {
        addresses.checkSender(address);
    }

    @Override
    public void checkRecipient(String address) {
        addresses.matricule(address);
    }

    @Override
    public List<DeliveryOutcome> receive(InboundMail mail) {
        return receiving.receive(mail);
    }

    @Override
    public List<DeliveryOutcome> send(DocumentMail mail) {
        return documents.send(mail);
    }

    @Override
    public List<Conversation> conversations(PatientRef patient) {
        return patientSide.conversations(patient);
    }

    @Override
    public Conversation conversation(PatientRef patient, String conversationId) {
        return patientSide.conversation(patient, conversationId);
    }

    @Override
    public SecureMessage read(PatientRef patient, long messageId) {
        return patientSide.read(patient, messageId);
    }

    @Override
    public MailAttachment attachment(PatientRef patient, long messageId, int index) {
        return patientSide.attachment(patient, messageId, index);
    }

    @Override
    public SecureMessage reply(PatientRef patient, String conversationId, PatientReply reply) {
        return patientSide.reply(patient, conversationId, reply);
    }

    @Override
    public List<PatientDocument> saveAttachment(PatientRef patient, long messageId, int index) {
        return saving.save(patient, messageId, index);
    }
}
