package org.dmpgateway.core.account;

import org.dmpgateway.model.PatientRecord;
import org.dmpgateway.model.PatientRecordState;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.account.PatientAccount;
import org.dmpgateway.repository.PatientAccountRepository;
import org.dmpgateway.repository.PatientRecordRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.List;

/**
 * The automatic creation (seed 003, loi OTSS de juillet 2019): a record still NOTIFIED when the
 * opposition period ({@code dmp.accounts.opposition-period}, 6 weeks) has run since its notice
 * becomes CREATED, the patient is told by e-mail at the insurer's address, and the step is traced.
 * Safe when several servers share one database: each record is claimed by a conditional UPDATE
 * (state still NOTIFIED), which exactly one server wins; the others skip it, and neither the trace
 * nor the e-mail is written twice.
 */
@Component
public class AutomaticCreation {
    private final PatientRecordRepository records;
    private final PatientAccountRepository accounts;
    private final AccountMails mails;
    private final AccountHistory history;
    private final AccountSettings settings;
    private final AccountClock clock;
    private final TransactionTemplate transaction;

    public AutomaticCreation(PatientRecordRepository records, PatientAccountRepository accounts, AccountMails mails,
                             AccountHistory history, AccountSettings settings, AccountClock clock,
                             TransactionTemplate transaction) {
        this.records = records;
        this.accounts = accounts;
        this.mails = mails;
        this.history = history;
        this.settings = settings;
        this.clock = clock;
        this.transaction = transaction;
    }

    /** Creates the records whose opposition period ended; returns how many this call created. */
    public int runOnce() {
        Instant now = clock.now();
        List<PatientRef> due = accounts.notifiedBefore(now.minus(settings.oppositionPeriod()), settings.creationBatch());
        int created = 0;
        for (PatientRef ins : due) {
            if (Boolean.TRUE.equals(transaction.execute(tx -> create(ins, now)))) {
                created++;
            }
        }
        return created;
    }

    private boolean create(PatientRef ins, Instant now) {
        if (!accounts.transitionState(ins, PatientRecordState.NOTIFIED, PatientRecordState.CREATED)) {
            return false;
        }
        PatientAccount account = accounts.find(ins).orElseThrow().withCreated(now);
        accounts.save(account);
        PatientRecord record = records.findPatient(ins).orElseThrow();
        history.byGateway(ins, "record created automatically (state NOTIFIED -> CREATED): opposition period of "
                + settings.oppositionPeriod() + " ended on " + account.notifiedAt().plus(settings.oppositionPeriod())
                + " without activation or opposition");
        mails.created(record, record.settings().email() != null ? record.settings().email() : account.email());
        return true;
    }
}
