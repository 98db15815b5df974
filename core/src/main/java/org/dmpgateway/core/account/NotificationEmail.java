package org.dmpgateway.core.account;

import org.dmpgateway.model.PatientRecord;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.account.AccountErrorCode;
import org.dmpgateway.model.account.AccountException;
import org.dmpgateway.model.account.AccountOverview;
import org.dmpgateway.model.account.PatientAccount;
import org.dmpgateway.repository.PatientAccountRepository;
import org.dmpgateway.repository.PatientRecordRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The signed-in patient changes the e-mail their notifications go to (seed 002, "Paramètres",
 * "Notifications e-mail"; seed 000: the notifications go to the address registered at activation):
 * the new address is confirmed by a one-time code sent to it, as the activation journey's contact
 * step does ({@link ContactConfirmation}); once confirmed it becomes the account's e-mail and the
 * record's notification address. Both steps are traced.
 */
@Component
public class NotificationEmail {
    static final String EMAIL_CHANGE = "EMAIL_CHANGE";

    private final PatientRecordRepository records;
    private final PatientAccountRepository accounts;
    private final ContactConfirmation contacts;
    private final AccountHistory history;
    private final PatientSpace space;
    private final TransactionTemplate transaction;

    public NotificationEmail(PatientRecordRepository records, PatientAccountRepository accounts,
                             ContactConfirmation contacts, AccountHistory history, PatientSpace space,
                             TransactionTemplate transaction) {
        this.records = records;
        this.accounts = accounts;
        this.contacts = contacts;
        this.history = history;
        this.space = space;
        this.transaction = transaction;
    }

    /** Sends the one-time code to the new address; answers it, masked. */
    public String change(PatientRef ins, String typedEmail) {
        String email = ContactRule.email(typedEmail);
        PatientRecord record = records.findPatient(ins).orElseThrow();
        if (email.equalsIgnoreCase(record.settings().email())) {
            throw Fields.invalid("email", "c'est déjà l'adresse à laquelle vous recevez vos notifications.");
        }
        contacts.send(accounts.find(ins).orElseThrow(), record, email, null, EMAIL_CHANGE,
                "notification e-mail change requested; one-time code sent to the new address");
        return ReissueCode.masked(email);
    }

    /** The code received at the new address: the address replaces the old one. */
    public AccountOverview confirm(PatientRef ins, String emailCode) {
        Fields.required(emailCode, "emailCode", "Le code à usage unique reçu à la nouvelle adresse");
        PatientAccount account = accounts.find(ins).orElseThrow();
        if (!EMAIL_CHANGE.equals(account.journeyStep()) || account.otpHash() == null) {
            throw new AccountException(AccountErrorCode.STEP_OUT_OF_ORDER, "emailCode", "emailCode : aucun changement "
                    + "d'adresse e-mail n'est en cours ; indiquez d'abord la nouvelle adresse.");
        }
        PatientAccount confirmed = contacts.confirm(account, emailCode, null, null, null,
                "notification e-mail confirmation");
        transaction.executeWithoutResult(tx -> {
            accounts.save(confirmed);
            PatientRecord record = records.findPatient(ins).orElseThrow();
            records.savePatient(record.withSettings(record.settings().withEmail(confirmed.email())));
            history.byPatient(ins, "notification e-mail changed by the patient, confirmed with the one-time code "
                    + "sent to the new address");
        });
        return space.overview(ins);
    }
}
