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
import java.util.Set;

/**
 * What the signed-in patient reads and does on their own account: the record's state and account,
 * the history of the record (every access and step, newest first; a line does not name the
 * documents the reader does not see, {@link PatientDocuments#withheld}), and the closure.
 */
@Component
public class PatientSpace {
    public static final int HISTORY_MAX = 500;

    private final PatientRecordRepository records;
    private final PatientAccountRepository accounts;
    private final AccessTrailRepository traces;
    private final CloseAccount closure;
    private final TransactionTemplate transaction;
    private final PatientDocuments documents;

    public PatientSpace(PatientRecordRepository records, PatientAccountRepository accounts,
                        AccessTrailRepository traces, CloseAccount closure, TransactionTemplate transaction,
                        PatientDocuments documents) {
        this.records = records;
        this.accounts = accounts;
        this.traces = traces;
        this.closure = closure;
        this.transaction = transaction;
        this.documents = documents;
    }

    public AccountOverview overview(PatientRef ins) {
        return new AccountOverview(records.findPatient(ins).orElseThrow(), accounts.find(ins).orElseThrow());
    }

    public List<AccessTrace> history(PatientRef ins, int limit) {
        List<AccessTrace> lines = traces.findByPatient(ins, Math.max(1, Math.min(limit, HISTORY_MAX)));
        Set<String> withheld = documents.withheld(ins);
        if (withheld.isEmpty()) {
            return lines;
        }
        return lines.stream().map(t -> t.documentIds().stream().noneMatch(withheld::contains) ? t
                : new AccessTrace(t.id(), t.time(), t.actorId(), t.actorName(), t.structureId(), t.role(), t.mode(),
                t.justification(), t.patient(), t.action(),
                t.documentIds().stream().filter(d -> !withheld.contains(d)).toList(), t.outcome(), t.detail(),
                t.software())).toList();
    }

    public AccountOverview close(PatientRef ins, String typedReason) {
        String reason = CloseAccount.reason(typedReason);
        transaction.executeWithoutResult(tx -> closure.close(ins, records.findPatient(ins).orElseThrow().state(), reason));
        return overview(ins);
    }
}
