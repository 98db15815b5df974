package org.dmpgateway.core.account;

import org.dmpgateway.model.PatientRecord;
import org.dmpgateway.model.PatientRecordState;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.account.AccountErrorCode;
import org.dmpgateway.model.account.AccountException;
import org.dmpgateway.model.account.PatientAccount;
import org.dmpgateway.repository.PatientAccountRepository;
import org.dmpgateway.repository.PatientRecordRepository;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * The activation (dmp-rules.md section 1): NOTIFIED or CREATED becomes ACTIVATED; OPPOSED or CLOSED
 * too (the patient changed their mind: a reactivation, traced as such, the closure's date and
 * reason cleared from the account but kept in the history). The confirmed contact e-mail becomes
 * the record's notification address ("enregistrée au moment de l'activation", seed 000), the
 * provisional code is spent. Runs in the caller's transaction.
 */
@Component
public class ActivateAccount {
    static final Set<PatientRecordState> FROM = Set.of(PatientRecordState.NOTIFIED, PatientRecordState.CREATED,
            PatientRecordState.OPPOSED, PatientRecordState.CLOSED);

    private final PatientRecordRepository records;
    private final PatientAccountRepository accounts;
    private final AccountHistory history;
    private final AccountClock clock;

    public ActivateAccount(PatientRecordRepository records, PatientAccountRepository accounts, AccountHistory history,
                           AccountClock clock) {
        this.records = records;
        this.accounts = accounts;
        this.history = history;
        this.clock = clock;
    }

    public void activate(PatientAccount account, String loginId, String passwordHash) {
        PatientRef ins = account.ins();
        PatientRecord record = records.findPatient(ins).orElseThrow();
        PatientRecordState from = record.state();
        // a minor's profile managed by representatives, taken over by its holder come of age (Majority)
        boolean takeOver = loginId != null && Majority.managedByRepresentatives(record, account);
        if (!FROM.contains(from) && !takeOver) {
            throw new AccountException(AccountErrorCode.STATE_CONFLICT, null, "Mon espace santé est déjà activé.");
        }
        if (!takeOver && !accounts.transitionState(ins, from, PatientRecordState.ACTIVATED)) {
            throw StateConflict.changed();
        }
        records.savePatient(record.withState(PatientRecordState.ACTIVATED)
                .withSettings(record.settings().withEmail(account.email())));
        accounts.save(account.withCodeUsed(clock.now()).withCredentials(loginId, passwordHash, clock.now()));
        boolean reactivation = from.isEnded();
        if (takeOver) {
            history.byPatient(ins, "Mon espace santé taken over by its holder come of age (no longer managed by the "
                    + "legal representatives), identifier " + loginId + ", notifications to the e-mail confirmed at "
                    + "activation");
            return;
        }
        history.byPatient(ins, (reactivation ? "Mon espace santé reactivated" : "Mon espace santé activated")
                + " (state " + from + " -> ACTIVATED), " + (loginId == null ? "a minor's profile managed by the "
                + "legal representative, notifications to the representative's e-mail" : "identifier " + loginId
                + ", notifications to the e-mail confirmed at activation"));
    }
}
