package org.dmpgateway.core.account;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * The time of the account rules: the application's {@link Clock} bean when there is one (tests
 * inject a clock they move to run the opposition period or a code's expiry without waiting), the
 * system's UTC clock otherwise.
 */
@Component
public class AccountClock {
    private final Clock clock;

    @Autowired
    public AccountClock(ObjectProvider<Clock> clock) {
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    AccountClock(Clock clock) {
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }
}
