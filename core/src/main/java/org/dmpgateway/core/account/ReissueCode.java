package org.dmpgateway.core.account;

import org.dmpgateway.model.PatientRecord;
import org.dmpgateway.model.PatientRecordState;
import org.dmpgateway.model.account.AccountErrorCode;
import org.dmpgateway.model.account.AccountException;
import org.dmpgateway.model.account.CardType;
import org.dmpgateway.model.account.ContactChannel;
import org.dmpgateway.model.account.PatientAccount;
import org.dmpgateway.repository.PatientAccountRepository;
import org.dmpgateway.repository.PatientRecordRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * A new provisional code on request (seed 002, "J'ai oublié / perdu / pas encore reçu mon code"):
 * from the NIR and the Vitale card serial number, sent by e-mail or SMS to the contact on file.
 * The new code replaces the old one (which stops working), lifts the lock and resets the attempts.
 * A NIR or serial number that matches no account answers one message for both, so that the call
 * does not tell whose NIR has an account.
 */
@Component
public class ReissueCode {
    private final PatientRecordRepository records;
    private final PatientAccountRepository accounts;
    private final ProvisionalCode codes;
    private final AccountMails mails;
    private final AccountHistory history;
    private final SmsGateway sms;
    private final AccountSettings settings;
    private final TransactionTemplate transaction;
    private final Majority majority;

    public ReissueCode(PatientRecordRepository records, PatientAccountRepository accounts, ProvisionalCode codes,
                       AccountMails mails, AccountHistory history, SmsGateway sms, AccountSettings settings,
                       TransactionTemplate transaction, Majority majority) {
        this.records = records;
        this.accounts = accounts;
        this.codes = codes;
        this.mails = mails;
        this.history = history;
        this.sms = sms;
        this.settings = settings;
        this.transaction = transaction;
        this.majority = majority;
    }

    /** Sends a new code; answers the channel used and the masked address it went to. */
    public String reissue(String typedNir, String typedCard, String typedSerial, String typedChannel) {
        String nir = NirRule.check(typedNir);
        CardType card = VitaleSerialRule.cardType(typedCard);
        String serial = VitaleSerialRule.check(card, typedSerial);
        ContactChannel channel = CodeDelivery.channel(typedChannel);
        List<PatientAccount> matching = accounts.findByNir(nir).stream()
                .filter(a -> VitaleSerialRule.matches(card, serial, a.cardSerial())).toList();
        if (matching.size() != 1) {
            throw new AccountException(AccountErrorCode.WRONG_CREDENTIALS, "serialNumber", "serialNumber : le numéro "
                    + "de sécurité sociale ou le numéro de série de la carte Vitale ne correspond à aucun profil "
                    + "Mon espace santé.");
        }
        PatientAccount account = matching.get(0);
        PatientRecord record = records.findPatient(account.ins()).orElseThrow();
        if (record.state() == PatientRecordState.ACTIVATED && !majority.mayTakeOver(record, account)) {
            throw new AccountException(AccountErrorCode.STATE_CONFLICT, "nir", "nir : Mon espace santé est déjà "
                    + "activé pour ce profil ; connectez-vous avec votre identifiant et votre mot de passe.");
        }
        CodeDelivery.checkReachable(channel, account.email(), account.mobile(), sms, record);
        ProvisionalCode.Issued issued = transaction.execute(tx -> {
            ProvisionalCode.Issued code = codes.issue(accounts.find(account.ins()).orElseThrow());
            accounts.save(code.account());
            history.byPatient(account.ins(), "new provisional code requested (NIR and Vitale card serial number), "
                    + "sent by " + channel + "; the previous code no longer works");
            if (channel == ContactChannel.EMAIL) {
                mails.provisionalCode(record, account.email(), code.code(), code.expires(), settings.oppositionPeriod(),
                        false);
            }
            return code;
        });
        if (channel == ContactChannel.SMS) {
            CodeDelivery.bySms(account.mobile(), AccountMails.provisionalCodeText(issued.code(), issued.expires(),
                    settings.oppositionPeriod(), false)).send(sms);
            return masked(account.mobile());
        }
        return masked(account.email());
    }

    /** An address shown to someone who proved only the NIR and the card: m****@e****.fr, +33 6** ** ** 78. */
    static String masked(String contact) {
        if (contact.contains("@")) {
            String[] parts = contact.split("@", 2);
            return parts[0].charAt(0) + "****@" + parts[1].charAt(0) + "****"
                    + parts[1].substring(Math.max(parts[1].lastIndexOf('.'), 1));
        }
        return contact.substring(0, 4) + "** ** ** " + contact.substring(contact.length() - 2);
    }
}
