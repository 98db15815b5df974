package org.dmpgateway.core.account;

import org.dmpgateway.model.PatientRecord;
import org.dmpgateway.model.PatientRecordState;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.account.AccountErrorCode;
import org.dmpgateway.model.account.AccountException;
import org.dmpgateway.repository.PatientAccountRepository;
import org.dmpgateway.repository.PatientRecordRepository;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * The closure (dmp-rules.md section 1, seed 002 "clôturer Mon espace santé"): a CREATED or
 * ACTIVATED record becomes CLOSED; the record keeps its date and the DMP's reason code
 * FERMETURE_DEMANDE_PATIENT (TD0.2, FHIR dmp-fermeture), the account the reason in the patient's
 * words (TD0.2's detectedIssueEvent text, FHIR raisonFermeture), the patient's
 * sessions end, and the step is traced. The documents stay (the record can be reopened by a new
 * activation). Runs in the caller's transaction.
 */
@Component
public class CloseAccount {
    public static final int REASON_MAX = 500;

    private final PatientAccountRepository accounts;
    private final PatientRecordRepository records;
    private final AccountHistory history;
    private final AccountClock clock;

    public CloseAccount(PatientAccountRepository accounts, PatientRecordRepository records, AccountHistory history,
                        AccountClock clock) {
        this.accounts = accounts;
        this.records = records;
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
        Instant now = clock.now();
        accounts.find(ins).ifPresent(a -> accounts.save(a.withClosure(now, reason)));
        // the record keeps the date and the DMP's reason code (TD0.2, FHIR dmp-fermeture); the words stay on the account
        records.findPatient(ins).ifPresent(r -> records.savePatient(r.closed(now, PatientRecord.CLOSED_AT_PATIENT_REQUEST)));
        accounts.deleteSessions(ins);
        history.byPatient(ins, "Mon espace santé closed (state " + current + " -> CLOSED), reason: " + reason);
    }
}
