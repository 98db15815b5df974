package org.dmpgateway.core.messaging;

import org.dmpgateway.config.DmpProperties;
import org.dmpgateway.core.account.AccountClock;
import org.dmpgateway.model.PatientRecord;
import org.dmpgateway.model.PatientRecordState;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.account.PatientAccount;
import org.dmpgateway.model.messaging.DeliveryOutcome;
import org.dmpgateway.model.messaging.DeliveryOutcome.Status;
import org.dmpgateway.model.messaging.InboundMail;
import org.dmpgateway.model.messaging.MailRefusal;
import org.dmpgateway.model.trail.AccessTrace;
import org.dmpgateway.model.trail.Notification;
import org.dmpgateway.model.trail.NotificationKind;
import org.dmpgateway.repository.MessagingRepository;
import org.dmpgateway.repository.MessagingRepository.StoredConversation;
import org.dmpgateway.repository.MessagingRepository.StoredMessage;
import org.dmpgateway.repository.NotificationOutbox;
import org.dmpgateway.repository.PatientAccountRepository;
import org.dmpgateway.repository.PatientRecordRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A professional's message to patients (dmp-rules.md section 4, seed 000's table, seed 004), for
 * each recipient in a transaction of its own:
 * <ul>
 *   <li>no record, or a record NOTIFIED, OPPOSED or CLOSED: not delivered, the patient not told; the
 *       sender gets a delivery status notification (RFC 3464) with seed 004's text; traced on the
 *       record when there is one;</li>
 *   <li>subject exactly {@code [FIN]} (case-sensitive, nothing else): not delivered; every open
 *       conversation of the patient with that professional ends (the patient can no longer reply);</li>
 *   <li>ACTIVATED or CREATED: stored in its conversation (the one it answers, by In-Reply-To /
 *       References, else a new one: only a professional starts a conversation), raw MIME kept, the
 *       patient told by e-mail (CREATED: at the address known to the insurer; none: recorded for the
 *       yearly activity statement); readable once the patient is signed in, so after activation. A
 *       message carrying {@code X-MSS-MES: FIN} is delivered and ends its conversation.</li>
 * </ul>
 */
@Component
public class ReceiveMessage {
    /** The subject that ends the exchange (seed 004: case-sensitive, no other character). */
    public static final String END_SUBJECT = "[FIN]";
    /** The MSSanté header that ends the exchange (Référentiel #2, ECO.2.2.8) and its value. */
    public static final String END_HEADER_VALUE = "FIN";

    private final MessagingAddresses addresses;
    private final MessagingRepository messages;
    private final PatientRecordRepository records;
    private final PatientAccountRepository accounts;
    private final NotificationOutbox outbox;
    private final MessagingTrail trail;
    private final AccountClock clock;
    private final TransactionTemplate transaction;
    private final DmpProperties.Messaging settings;

    public ReceiveMessage(MessagingAddresses addresses, MessagingRepository messages, PatientRecordRepository records,
                          PatientAccountRepository accounts, NotificationOutbox outbox, MessagingTrail trail,
                          AccountClock clock, TransactionTemplate transaction, DmpProperties.Messaging settings) {
        this.addresses = addresses;
        this.messages = messages;
        this.records = records;
        this.accounts = accounts;
        this.outbox = outbox;
        this.trail = trail;
        this.clock = clock;
        this.transaction = transaction;
        this.settings = settings;
    }

    public List<DeliveryOutcome> receive(InboundMail mail) {
        if (mail.raw().length > settings.maxMessageSize().toBytes()) {
            throw new MailRefusal(MailRefusal.Reason.TOO_LARGE, "message size " + mail.raw().length
                    + " bytes exceeds the limit of " + settings.maxMessageSize().toBytes()
                    + " bytes (dmp.messaging.max-message-size)");
        }
        String professional = professional(mail);
        List<DeliveryOutcome> outcomes = new ArrayList<>();
        for (String recipient : mail.recipients()) {
            String matricule = addresses.matricule(recipient);
            String address = addresses.patientAddress(matricule);
            outcomes.add(transaction.execute(tx -> deliver(mail, professional, matricule, address)));
        }
        return outcomes;
    }

    private DeliveryOutcome deliver(InboundMail mail, String professional, String matricule, String address) {
        Optional<PatientRecord> found = messages.findPatientsByMatricule(matricule).stream()
                .map(records::findPatient).flatMap(Optional::stream)
                .filter(r -> r.state() == PatientRecordState.ACTIVATED || r.state() == PatientRecordState.CREATED)
                .findFirst();
        if (found.isEmpty()) {
            return bounce(mail, professional, matricule, address);
        }
        PatientRecord record = found.get();
        PatientRef patient = record.ins();
        Instant now = clock.now();
        if (END_SUBJECT.equals(mail.subject())) {
            List<StoredConversation> open = messages.findOpenConversations(patient, professional);
            open.forEach(c -> messages.endConversation(c.id(), now, END_SUBJECT));
            trail.byProfessional(patient, professional, AccessTrace.SUCCESS, "secure messaging: exchange ended by "
                    + professional + " (subject [FIN], not delivered): " + open.size() + " conversation(s) closed");
            return new DeliveryOutcome(address, Status.EXCHANGE_ENDED, null);
        }
        StoredConversation conversation = conversation(mail, patient, professional, now);
        long id = messages.addMessage(new StoredMessage(null, conversation.id(), true, mail.messageId(),
                mail.inReplyTo(), mail.references(), professional, address, mail.subject(), mail.text(), now, null,
                mail.dispositionNotificationTo(), null, mail.codeCda(), mail.insPresent(), mail.nil(), mail.raw()),
                mail.attachments());
        messages.touchConversation(conversation.id(), now);
        String detail = "secure messaging: message " + id + " from " + professional + " delivered"
                + (mail.attachments().isEmpty() ? "" : " with " + mail.attachments().size() + " attachment(s)")
                + (mail.dispositionNotificationTo() == null ? "" : ", read receipt asked");
        trail.byProfessional(patient, professional, AccessTrace.SUCCESS, detail);
        notifyPatient(record, professional, now);
        boolean ends = mail.endOfExchange() != null && END_HEADER_VALUE.equalsIgnoreCase(mail.endOfExchange().trim());
        if (ends) {
            messages.endConversation(conversation.id(), now, "X-MSS-MES");
            trail.byProfessional(patient, professional, AccessTrace.SUCCESS, "secure messaging: exchange ended by "
                    + professional + " (X-MSS-MES: FIN on message " + id + ")");
        }
        return new DeliveryOutcome(address, record.state() == PatientRecordState.ACTIVATED ? Status.DELIVERED
                : Status.DELIVERED_UNTIL_ACTIVATION, id);
    }

    /** The conversation the message answers (same professional, still open), or a new one. */
    private StoredConversation conversation(InboundMail mail, PatientRef patient, String professional, Instant now) {
        List<String> threadIds = new ArrayList<>();
        if (mail.inReplyTo() != null) {
            threadIds.add(mail.inReplyTo());
        }
        List<String> references = new ArrayList<>(mail.references());
        Collections.reverse(references);
        threadIds.addAll(references);
        Optional<StoredConversation> answered = messages.findConversationByMessageIds(patient, threadIds)
                .filter(c -> c.endedAt() == null && c.professional().equalsIgnoreCase(professional));
        if (answered.isPresent()) {
            return answered.get();
        }
        StoredConversation created = new StoredConversation(UUID.randomUUID().toString(), patient, professional,
                mail.subject(), now, now, null, null);
        messages.createConversation(created);
        return created;
    }

    private void notifyPatient(PatientRecord record, String professional, Instant now) {
        String email = record.settings().email();
        if (email == null || email.isBlank()) {
            email = accounts.find(record.ins()).map(PatientAccount::email).orElse(null);
        }
        if (email == null || email.isBlank()) {
            trail.byProfessional(record.ins(), professional, AccessTrace.SUCCESS, "secure messaging: no e-mail "
                    + "address known for the patient: the message is recorded for the yearly activity statement");
            return;
        }
        outbox.enqueue(Notification.create(record.ins(), email, NotificationKind.MESSAGE_RECEIVED,
                MessagingTexts.NEW_MESSAGE_SUBJECT, MessagingTexts.newMessage(professional, record.state()), now));
    }

    private DeliveryOutcome bounce(InboundMail mail, String professional, String matricule, String address) {
        Instant now = clock.now();
        List<PatientRef> known = messages.findPatientsByMatricule(matricule);
        PatientRef patient = known.isEmpty() ? new PatientRef(matricule, MessagingAddresses.INS_NIR) : known.get(0);
        String sender = mail.envelopeSender();
        boolean canBounce = sender != null && !sender.isBlank() && !"<>".equals(sender.trim());
        if (canBounce) {
            String text = MessagingTexts.bounce(address);
            MessagingMime.Composed dsn = MessagingMime.bounce(settings.from(), sender, settings.smtp().hostName(),
                    address, mail.messageId(), MessagingTexts.bounceSubject(mail.subject()), text, now,
                    addresses.domain(), mail.raw());
            outbox.enqueue(Notification.mime(patient, sender, NotificationKind.MESSAGE_BOUNCE,
                    MessagingTexts.bounceSubject(mail.subject()), text, dsn.bytes(), now));
        }
        if (!known.isEmpty()) {
            trail.byProfessional(patient, professional, MessagingTrail.NOT_DELIVERED, "secure messaging: message from "
                    + professional + " not delivered, the patient's mailbox is closed"
                    + (canBounce ? "; delivery status notification sent to " + sender : ""));
        }
        return new DeliveryOutcome(address, Status.BOUNCED, null);
    }

    /** The professional: the From address, else the envelope sender; lower case. */
    private static String professional(InboundMail mail) {
        String who = mail.from() != null && !mail.from().isBlank() ? mail.from() : mail.envelopeSender();
        return who == null ? "" : who.trim().toLowerCase(Locale.ROOT);
    }
}
