package org.dmpgateway.core.account;

import org.dmpgateway.core.patient.InsValidator;
import org.dmpgateway.model.PatientRecord;
import org.dmpgateway.model.PatientRecordState;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.account.AccountErrorCode;
import org.dmpgateway.model.account.AccountException;
import org.dmpgateway.model.account.ContactChannel;
import org.dmpgateway.model.account.PatientAccount;
import org.dmpgateway.repository.PatientAccountRepository;
import org.dmpgateway.repository.PatientRecordRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The insurer's notice (dmp-rules.md section 1, seed 003): the record becomes NOTIFIED, the
 * opposition period starts, and a 12-character provisional code is sent by e-mail (the outbox) or
 * SMS (the provider) with the ways to activate or oppose. The contact data and the Vitale card
 * serial number are the insurer's; the e-mail also becomes the record's notification address
 * when it has none ("boîte mail personnelle connue par l'assurance maladie", seed 000).
 */
@Component
public class NotifyRecord {
    private final PatientRecordRepository records;
    private final PatientAccountRepository accounts;
    private final ProvisionalCode codes;
    private final AccountMails mails;
    private final AccountHistory history;
    private final SmsGateway sms;
    private final AccountSettings settings;
    private final AccountClock clock;
    private final TransactionTemplate transaction;

    public NotifyRecord(PatientRecordRepository records, PatientAccountRepository accounts, ProvisionalCode codes,
                        AccountMails mails, AccountHistory history, SmsGateway sms, AccountSettings settings,
                        AccountClock clock, TransactionTemplate transaction) {
        this.records = records;
        this.accounts = accounts;
        this.codes = codes;
        this.mails = mails;
        this.history = history;
        this.sms = sms;
        this.settings = settings;
        this.clock = clock;
        this.transaction = transaction;
    }

    /** The notice as the insurer gives it. {@code channel}: EMAIL (default) or SMS. */
    public record Notice(String email, String mobile, String cardSerial, String channel) {
    }

    /** Notifies the record (which must exist and have no account past NOTIFIED); returns the account. */
    public PatientAccount notify(PatientRef ins, Notice notice, String actorId, String actorName) {
        InsValidator.check(ins);
        String email = notice.email() == null || notice.email().isBlank() ? null : ContactRule.email(notice.email());
        String mobile = ContactRule.mobile(notice.mobile());
        String serial = Fields.required(notice.cardSerial(), "cardSerial", "Le numéro de série de la carte Vitale")
                .replace(" ", "");
        if (!serial.matches("\\d{8,20}")) {
            throw Fields.invalid("cardSerial", "le numéro de série de la carte Vitale comporte 8 à 20 chiffres.");
        }
        ContactChannel channel = CodeDelivery.channel(notice.channel());
        PatientRecord record = records.findPatient(ins).orElseThrow(() -> new AccountException(
                AccountErrorCode.UNKNOWN_ACCOUNT, "ins", "ins : aucun dossier pour " + ins.toCx()
                + " ; créez-le d'abord (PUT /admin/patients/{authority}/{ins})."));
        CodeDelivery.checkReachable(channel, email, mobile, sms, record);
        ProvisionalCode.Issued issued = transaction.execute(tx -> {
            PatientRecord current = records.findPatient(ins).orElseThrow();
            if (accounts.find(ins).isPresent() && current.state() != PatientRecordState.NOTIFIED) {
                throw new AccountException(AccountErrorCode.STATE_CONFLICT, "state", "state : le dossier est "
                        + current.state() + " ; seul un dossier sans compte ou encore NOTIFIED peut être notifié.");
            }
            PatientAccount account = PatientAccount.notified(ins, email, mobile, serial, clock.now());
            ProvisionalCode.Issued code = codes.issue(account);
            accounts.save(code.account());
            PatientRecord notified = current.withState(PatientRecordState.NOTIFIED);
            if (notified.settings().email() == null && email != null) {
                notified = notified.withSettings(notified.settings().withEmail(email));
            }
            records.savePatient(notified);
            history.byActor(ins, actorId, actorName, "record notified (state " + current.state() + " -> NOTIFIED), "
                    + "provisional code sent by " + channel + ", opposition period " + settings.oppositionPeriod()
                    + " until automatic creation");
            if (channel == ContactChannel.EMAIL) {
                mails.provisionalCode(notified, email, code.code(), code.expires(), settings.oppositionPeriod(), true);
            }
            return code;
        });
        if (channel == ContactChannel.SMS) {
            CodeDelivery.bySms(mobile, AccountMails.provisionalCodeText(issued.code(), issued.expires(),
                    settings.oppositionPeriod(), true)).send(sms);
        }
        return issued.account();
    }
}
