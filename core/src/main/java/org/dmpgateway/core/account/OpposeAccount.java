package org.dmpgateway.core.account;

import org.dmpgateway.model.PatientRecordState;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.account.AccountErrorCode;
import org.dmpgateway.model.account.AccountException;
import org.dmpgateway.repository.PatientAccountRepository;
import org.springframework.stereotype.Component;

/**
 * The patient's opposition (dmp-rules.md section 1): during the opposition period (NOTIFIED) the
 * record becomes OPPOSED and is never created; once created (CREATED, ACTIVATED) an opposition is a
 * closure, with its date and the reason "opposition". Either way the patient can change their mind
 * and activate later. Runs in the caller's transaction.
 */
@Component
public class OpposeAccount {
    public static final String OPPOSITION_REASON = "opposition du patient";

    private final PatientAccountRepository accounts;
    private final CloseAccount closure;
    private final AccountHistory history;

    public OpposeAccount(PatientAccountRepository accounts, CloseAccount closure, AccountHistory history) {
        this.accounts = accounts;
        this.closure = closure;
        this.history = history;
    }

    /** Returns the record's new state. */
    public PatientRecordState oppose(PatientRef ins, PatientRecordState current) {
        switch (current) {
            case NOTIFIED -> {
                if (!accounts.transitionState(ins, PatientRecordState.NOTIFIED, PatientRecordState.OPPOSED)) {
                    throw StateConflict.changed();
                }
                history.byPatient(ins, "opposition to the creation of Mon espace santé (state NOTIFIED -> OPPOSED)");
                return PatientRecordState.OPPOSED;
            }
            case CREATED, ACTIVATED -> {
                closure.close(ins, current, OPPOSITION_REASON);
                return PatientRecordState.CLOSED;
            }
            default -> throw new AccountException(AccountErrorCode.STATE_CONFLICT, "decision", "decision : Mon espace "
                    + "santé est déjà " + (current == PatientRecordState.OPPOSED ? "refusé" : "clôturé") + ".");
        }
    }
}
