package org.dmpgateway.core.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When a notification whose sending failed is tried again: {@code base} after the first failure,
 * then twice as long after each further failure, never more than {@code max}. With 5 s and
 * 10 min: 5 s, 10 s, 20 s, ... 320 s, then every 10 min until it is sent.
 */
public record RetryBackoff(Duration base, Duration max) {

    public RetryBackoff {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(max, "max");
        if (base.isNegative() || base.isZero()) {
            throw new IllegalArgumentException("the retry base delay must be positive, not " + base);
        }
        if (max.compareTo(base) < 0) {
            throw new IllegalArgumentException("the retry max delay (" + max + ") is shorter than the base delay ("
                    + base + ")");
        }
    }

    /** The wait after the {@code failures}-th failed attempt in a row (1 for the first failure). */
    public Duration delayAfter(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures counts from 1, not " + failures);
        }
        Duration delay = base;
        for (int i = 1; i < failures && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }

    /** When to try again a message that just failed at {@code now} for the {@code failures}-th time. */
    public Instant nextAttempt(Instant now, int failures) {
        return now.plus(delayAfter(failures));
    }
}
