package org.dmpgateway.core.account;

import org.dmpgateway.config.DmpProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * The limits of Mon espace santé accounts, each a documented property (docs/patient-api.md,
 * "Properties"): the opposition period before the automatic creation, the provisional code's
 * validity and allowed wrong attempts, the activation journey's and one-time codes' validity and
 * attempts, the signed-in session's validity, and the automatic creation job's pace.
 */
@Component
public class AccountSettings {
    private final Duration oppositionPeriod;
    private final Duration codeValidity;
    private final int codeMaxAttempts;
    private final Duration journeyValidity;
    private final Duration oneTimeCodeValidity;
    private final int oneTimeCodeMaxAttempts;
    private final Duration sessionValidity;
    private final long creationPollMillis;
    private final int creationBatch;
    private final boolean creationEnabled;

    /** The {@code dmp.accounts} node of the configuration tree. */
    @Autowired
    public AccountSettings(DmpProperties.Accounts a) {
        this(a.oppositionPeriod(), a.code().validity(), a.code().maxAttempts(), a.journey().validity(),
                a.oneTimeCode().validity(), a.oneTimeCode().maxAttempts(), a.session().validity(),
                a.creation().pollInterval(), a.creation().batch(), a.creation().enabled());
    }

    public AccountSettings(Duration oppositionPeriod,
                           Duration codeValidity,
                           int codeMaxAttempts,
                           Duration journeyValidity,
                           Duration oneTimeCodeValidity,
                           int oneTimeCodeMaxAttempts,
                           Duration sessionValidity,
                           long creationPollMillis,
                           int creationBatch,
                           boolean creationEnabled) {
        this.oppositionPeriod = positive(oppositionPeriod, "dmp.accounts.opposition-period");
        this.codeValidity = positive(codeValidity, "dmp.accounts.code.validity");
        this.codeMaxAttempts = atLeastOne(codeMaxAttempts, "dmp.accounts.code.max-attempts");
        this.journeyValidity = positive(journeyValidity, "dmp.accounts.journey.validity");
        this.oneTimeCodeValidity = positive(oneTimeCodeValidity, "dmp.accounts.one-time-code.validity");
        this.oneTimeCodeMaxAttempts = atLeastOne(oneTimeCodeMaxAttempts, "dmp.accounts.one-time-code.max-attempts");
        this.sessionValidity = positive(sessionValidity, "dmp.accounts.session.validity");
        this.creationPollMillis = atLeastOne((int) Math.min(Integer.MAX_VALUE, creationPollMillis),
                "dmp.accounts.creation.poll-interval");
        this.creationBatch = atLeastOne(creationBatch, "dmp.accounts.creation.batch");
        this.creationEnabled = creationEnabled;
    }

    /** The defaults (6 weeks, 90 days, 5 attempts...), for unit tests. */
    public static AccountSettings defaults() {
        return new AccountSettings(Duration.ofDays(42), Duration.ofDays(90), 5, Duration.ofMinutes(30),
                Duration.ofMinutes(10), 3, Duration.ofMinutes(30), 60_000, 100, true);
    }

    private static Duration positive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + d);
        }
        return d;
    }

    private static int atLeastOne(int v, String name) {
        if (v < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + v);
        }
        return v;
    }

    public Duration oppositionPeriod() {
        return oppositionPeriod;
    }

    public Duration codeValidity() {
        return codeValidity;
    }

    public int codeMaxAttempts() {
        return codeMaxAttempts;
    }

    public Duration journeyValidity() {
        return journeyValidity;
    }

    public Duration oneTimeCodeValidity() {
        return oneTimeCodeValidity;
    }

    public int oneTimeCodeMaxAttempts() {
        return oneTimeCodeMaxAttempts;
    }

    public Duration sessionValidity() {
        return sessionValidity;
    }

    public long creationPollMillis() {
        return creationPollMillis;
    }

    public int creationBatch() {
        return creationBatch;
    }

    public boolean creationEnabled() {
        return creationEnabled;
    }
}
