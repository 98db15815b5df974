package org.dmpgateway.core.account;

import org.dmpgateway.model.PatientRecord;
import org.dmpgateway.model.PatientRecordState;
import org.dmpgateway.model.account.PatientAccount;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Minors and their coming of age (dmp-rules.md section 1, "Minors"): a person is a minor until
 * their 18th birthday, Paris date of the account clock; a record without a birth date is not a
 * minor's. A minor's profile activated by a representative has no login of its own; once of age,
 * its holder takes it over with the activation journey (a new provisional code, their own
 * identifier and password).
 */
@Component
public class Majority {
    static final int AGE = 18;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final AccountClock clock;

    public Majority(AccountClock clock) {
        this.clock = clock;
    }

    public boolean minor(PatientRecord record) {
        return record.birthDate() != null
                && record.birthDate().plusYears(AGE).isAfter(LocalDate.ofInstant(clock.now(), PARIS));
    }

    /** An activated profile without a login of its own (a minor's, managed by representatives). */
    public static boolean managedByRepresentatives(PatientRecord record, PatientAccount account) {
        return record.state() == PatientRecordState.ACTIVATED && account.loginId() == null;
    }

    /** The holder, now of age, of a profile managed by representatives may take it over with the journey. */
    public boolean mayTakeOver(PatientRecord record, PatientAccount account) {
        return managedByRepresentatives(record, account) && !minor(record);
    }
}
