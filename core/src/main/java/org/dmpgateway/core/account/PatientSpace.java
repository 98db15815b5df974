package org.dmpgateway.core.account;

import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.account.AccountOverview;
import org.dmpgateway.model.trail.AccessTrace;
import org.dmpgateway.repository.AccessTrailRepository;
import org.dmpgateway.repository.PatientAccountRepository;
import org.dmpgateway.repository.PatientRecordRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * What the signed-in patient reads and does on their own account: the record's state and account,
 * the history of the record (every access and step, newest first), and the closure.
 */
@Component
public class PatientSpace {
    public static final int HISTORY_MAX = 500;

    private final PatientRecordRepository records;
    private final PatientAccountRepository accounts;
    private final AccessTrailRepository traces;
    private final CloseAccount closure;
    private final TransactionTemplate transaction;

    public PatientSpace(PatientRecordRepository records, PatientAccountRepository accounts,
                        AccessTrailRepository traces, CloseAccount closure, TransactionTemplate transaction) {
        this.records = records;
        this.accounts = accounts;
        this.traces = traces;
        this.closure = closure;
        this.transaction = transaction;
    }

    public AccountOverview overview(PatientRef ins) {
        return new AccountOverview(records.findPatient(ins).orElseThrow(), accounts.find(ins).orElseThrow());
    }

    public List<AccessTrace> history(PatientRef ins, int limit) {
        return traces.findByPatient(ins, Math.max(1, Math.min(limit, HISTORY_MAX)));
    }

    public AccountOverview close(PatientRef ins, String typedReason) {
        String reason = CloseAccount.reason(typedReason);
        transaction.executeWithoutResult(tx -> closure.close(ins, records.findPatient(ins).orElseThrow().state(), reason));
        return overview(ins);
    }
}
