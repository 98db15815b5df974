package org.dmpgateway.core.account;

import org.dmpgateway.model.PatientRecordState;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.account.AccountErrorCode;
import org.dmpgateway.model.account.AccountException;
import org.dmpgateway.repository.PatientAccountRepository;
import org.springframework.stereotype.Component;

/**
 * The closure (dmp-rules.md section 1, seed 002 "clôturer Mon espace santé"): a CREATED or
 * ACTIVATED record becomes CLOSED; its date and reason are kept on the account, the patient's
 * sessions end, and the step is traced. The documents stay (the record can be reopened by a new
 * activation). Runs in the caller's transaction.
 */
@Component
public class CloseAccount {
    public static final int REASON_MAX = 500;

    private final PatientAccountRepository accounts;
    private final AccountHistory history;
    private final AccountClock clock;

    public CloseAccount(PatientAccountRepository accounts, AccountHistory history, AccountClock clock) {
        this.accounts = accounts;
        this.history = history;
        this.clock = clock;
    }

    public static String reason(String typed) {
        String reason = Fields.required(typed, "reason", "Le motif de la clôture");
        if (reason.length() > REASON_MAX) {
            throw Fields.invalid("reason", "le motif de la clôture comporte au maximum 500 caractères.");
        }
        return reason;
    }

    public void close(PatientRef ins, PatientRecordState current, String reason) {
        if (current != PatientRecordState.CREATED && current != PatientRecordState.ACTIVATED) {
            throw new AccountException(AccountErrorCode.STATE_CONFLICT, "state", "state : seul un Mon espace santé "
                    + "créé ou activé peut être clôturé (état actuel : " + current + ").");
        }
        if (!accounts.transitionState(ins, current, PatientRecordState.CLOSED)) {
            throw StateConflict.changed();
        }
        accounts.find(ins).ifPresent(a -> accounts.save(a.withClosure(clock.now(), reason)));
        accounts.deleteSessions(ins);
        history.byPatient(ins, "Mon espace santé closed (state " + current + " -> CLOSED), reason: " + reason);
    }
}
