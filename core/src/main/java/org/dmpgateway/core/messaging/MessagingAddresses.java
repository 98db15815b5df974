package org.dmpgateway.core.messaging;

import org.dmpgateway.config.DmpProperties;
import org.dmpgateway.core.patient.InsValidator;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.messaging.MailRefusal;
import org.dmpgateway.model.messaging.MailRefusal.Reason;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;

/**
 * The addresses of the secure messaging (dmp-rules.md section 4, seed 004): a patient's mailbox is
 * {@code <matricule INS>@patient.mssante.fr} (the 15-character matricule, key included, checked by
 * {@link InsValidator}: the INS rule); a sender must be a mailbox of a trusted MSSanté domain
 * ({@code dmp.messaging.trusted-sender-domains}, {@code *.x} for any sub-domain of x).
 */
@Component
public class MessagingAddresses {
    /** The INS-NIR authority: the matricule of a patient address is read as an INS-NIR. */
    static final String INS_NIR = "1.2.250.1.213.1.4.8";

    private final String domain;
    private final List<String> trusted;

    public MessagingAddresses(DmpProperties.Messaging settings) {
        this.domain = settings.domain().toLowerCase(Locale.ROOT);
        this.trusted = settings.trustedSenderDomains().stream().map(d -> d.toLowerCase(Locale.ROOT)).toList();
    }

    /** The patients' domain. */
    public String domain() {
        return domain;
    }

    /** The patient's address for {@code matricule}. */
    public String patientAddress(String matricule) {
        return matricule + "@" + domain;
    }

    /** Refuses a sender outside the trusted MSSanté domains. */
    public void checkSender(String address) {
        String sender = address == null ? "" : address.trim().toLowerCase(Locale.ROOT);
        int at = sender.lastIndexOf('@');
        String senderDomain = at < 0 ? "" : sender.substring(at + 1);
        if (at <= 0 || senderDomain.isEmpty() || trusted.stream().noneMatch(t -> matches(t, senderDomain))) {
            throw new MailRefusal(Reason.UNTRUSTED_SENDER, "sender <" + (address == null ? "" : address)
                    + "> is not a mailbox of a trusted MSSante domain (dmp.messaging.trusted-sender-domains): only "
                    + "health professionals' MSSante mailboxes may write to patients");
        }
    }

    /**
     * The matricule of a patient address, or the refusal naming the rule: the domain, 15 characters,
     * digits (2A/2B for Corsica), the key.
     */
    public String matricule(String address) {
        String recipient = address == null ? "" : address.trim();
        int at = recipient.lastIndexOf('@');
        if (at <= 0 || !recipient.substring(at + 1).equalsIgnoreCase(domain)) {
            throw new MailRefusal(Reason.BAD_RECIPIENT, "recipient <" + recipient + "> is not a patient mailbox: "
                    + "expected <15-character matricule INS>@" + domain);
        }
        String matricule = recipient.substring(0, at).toUpperCase(Locale.ROOT);
        try {
            InsValidator.check(new PatientRef(matricule, INS_NIR));
        } catch (DmpException | IllegalArgumentException e) {
            throw new MailRefusal(Reason.BAD_RECIPIENT, "recipient <" + recipient + ">: malformed matricule INS: "
                    + rule(e.getMessage()));
        }
        return matricule;
    }

    /** The rule of {@link InsValidator}'s message, without its "patientId ...: " prefix. */
    private static String rule(String message) {
        int colon = message == null ? -1 : message.indexOf(": ");
        return colon < 0 ? String.valueOf(message) : message.substring(colon + 2);
    }

    private static boolean matches(String trustedDomain, String senderDomain) {
        if (trustedDomain.startsWith("*.")) {
            return senderDomain.endsWith(trustedDomain.substring(1));
        }
        return senderDomain.equals(trustedDomain);
    }
}
