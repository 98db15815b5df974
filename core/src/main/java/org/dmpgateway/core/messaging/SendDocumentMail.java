package org.dmpgateway.core.messaging;

import org.dmpgateway.core.account.AccountClock;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.messaging.DeliveryOutcome;
import org.dmpgateway.model.messaging.DeliveryOutcome.Status;
import org.dmpgateway.model.messaging.DocumentMail;
import org.dmpgateway.model.messaging.InboundMail;
import org.dmpgateway.model.messaging.MailRefusal;
import org.dmpgateway.model.trail.AccessTrace;
import org.dmpgateway.model.trail.Notification;
import org.dmpgateway.model.trail.NotificationKind;
import org.dmpgateway.repository.NotificationOutbox;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A clinical document sent by MSSanté on a platform's request (ANS guide "Transmission de documents CDA en
 * HL7v2", docs/hl7v2.md "MSSanté destinations"):
 * <ul>
 *   <li>the guide's restrictions ("Les échanges MSSanté doivent prendre en compte les restrictions positionnées
 *       sur le message", page standards; matrix of page regles-gestion-mssante): a document hidden from the
 *       professionals (MASQUE_PS) is not mailed to professionals, one hidden from the patient
 *       (INVISIBLE_PATIENT) is not mailed to the patient; each asked destination needs an address of its kind
 *       (PRT RCT); the patient's address must be the document's patient's; a sending mailbox is required;</li>
 *   <li>DESTMSSANTEPS: one MIME message per professional address (From the platform's mailbox, Reply-To the
 *       author's, the text, the document attached), through the outbox (retries, parking);</li>
 *   <li>DESTMSSANTEPAT: the same message received in the patient's Mon espace santé mailbox by
 *       {@link ReceiveMessage}, so the rules by account state are those of a message received by SMTP
 *       (delivered and notified, or not delivered); no bounce is mailed: the platform's acknowledgement says it.</li>
 * </ul>
 * A refusal is a {@link DmpException} (METADATA_ERROR) whose text names the meta or the field (French: it is
 * the acknowledgement's readable text).
 */
@Component
public class SendDocumentMail {
    private final MessagingAddresses addresses;
    private final ReceiveMessage receiving;
    private final NotificationOutbox outbox;
    private final MessagingTrail trail;
    private final AccountClock clock;

    public SendDocumentMail(MessagingAddresses addresses, ReceiveMessage receiving, NotificationOutbox outbox,
                            MessagingTrail trail, AccountClock clock) {
        this.addresses = addresses;
        this.receiving = receiving;
        this.outbox = outbox;
        this.trail = trail;
        this.clock = clock;
    }

    public List<DeliveryOutcome> send(DocumentMail mail) {
        List<String> patients = new ArrayList<>();
        List<String> professionals = new ArrayList<>();
        for (String address : mail.recipients()) {
            String a = address.trim();
            String domain = a.substring(a.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
            (domain.equals(addresses.domain()) ? patients : professionals).add(a);
        }
        check(mail, patients, professionals);
        List<DeliveryOutcome> outcomes = new ArrayList<>();
        if (mail.toProfessionals()) {
            for (String to : professionals) {
                MessagingMime.Composed composed = compose(mail, to, mail.professionalText());
                outbox.enqueue(Notification.mime(mail.patient(), to, NotificationKind.DOCUMENT_MAIL, mail.subject(),
                        "document " + mail.documentCode() + " sent by MSSanté (" + mail.reference() + ")",
                        composed.bytes(), clock.now()));
                trail.byProfessional(mail.patient(), sender(mail), AccessTrace.SUCCESS, "secure messaging: document "
                        + mail.document().fileName() + " sent by MSSanté to " + to + " (" + mail.reference() + ")");
                outcomes.add(new DeliveryOutcome(to, Status.SENT, null));
            }
        }
        if (mail.toPatient()) {
            String to = patients.get(0);
            MessagingMime.Composed composed = compose(mail, to, mail.patientText());
            try {
                outcomes.addAll(receiving.receive(new InboundMail(null, List.of(to), sender(mail), mail.subject(),
                        composed.messageId(), null, List.of(), null,
                        mail.endOfExchange() ? ReceiveMessage.END_HEADER_VALUE : null,
                        mail.documentCode() == null ? List.of() : List.of(mail.documentCode()), null, null,
                        text(mail.patientText()), List.of(mail.document()), composed.bytes())));
            } catch (MailRefusal r) {
                throw refusal("message refusé par la messagerie Mon espace santé : " + r.getMessage());
            }
        }
        return outcomes;
    }

    private void check(DocumentMail mail, List<String> patients, List<String> professionals) {
        if (mail.from() == null || mail.from().isBlank()) {
            throw refusal("aucune boîte aux lettres applicative MSSanté n'est déclarée pour l'expéditeur : "
                    + "le courriel ne peut pas être émis (FROM)");
        }
        if (mail.toProfessionals() && mail.hiddenFromProfessionals()) {
            throw refusal("DESTMSSANTEPS = Y avec MASQUE_PS = Y : un document masqué aux professionnels ne leur est "
                    + "pas envoyé par MSSanté (matrice des règles de gestion MSSanté du volet)");
        }
        if (mail.toPatient() && mail.hiddenFromPatient()) {
            throw refusal("DESTMSSANTEPAT = Y avec INVISIBLE_PATIENT = Y : un document invisible au patient ne lui "
                    + "est pas envoyé (matrice des règles de gestion MSSanté du volet)");
        }
        if (mail.toProfessionals() && professionals.isEmpty()) {
            throw refusal("DESTMSSANTEPS = Y sans adresse MSSanté de professionnel : un PRT RCT avec l'adresse en "
                    + "PRT-15.4 est requis");
        }
        if (mail.toPatient()) {
            if (patients.size() != 1) {
                throw refusal("DESTMSSANTEPAT = Y : un PRT RCT portant l'adresse <matricule INS>@" + addresses.domain()
                        + " du patient en PRT-15.4 est requis (un seul), " + patients.size() + " trouvé(s)");
            }
            String matricule;
            try {
                matricule = addresses.matricule(patients.get(0));
            } catch (MailRefusal r) {
                throw refusal("adresse du patient invalide : " + r.getMessage());
            }
            if (!matricule.equalsIgnoreCase(mail.patient().id())) {
                throw refusal("l'adresse " + patients.get(0) + " n'est pas celle du patient du document ("
                        + mail.patient().id() + "@" + addresses.domain() + ")");
            }
        }
    }

    private MessagingMime.Composed compose(DocumentMail mail, String to, String text) {
        return MessagingMime.document(mail.from(), to, mail.replyTo(), mail.subject(), text(text), mail.document(),
                mail.documentCode(), mail.endOfExchange(), addresses.domain());
    }

    /** The professional the patient sees and replies to: the author's Reply-To address, else the sending mailbox. */
    private static String sender(DocumentMail mail) {
        String who = mail.replyTo() != null && !mail.replyTo().isBlank() ? mail.replyTo() : mail.from();
        return who.trim().toLowerCase(Locale.ROOT);
    }

    private static String text(String text) {
        return text == null || text.isBlank() ? MessagingTexts.DOCUMENT_MAIL_TEXT : text;
    }

    private static DmpException refusal(String message) {
        return new DmpException(DmpErrorCode.METADATA_ERROR, message);
    }
}
