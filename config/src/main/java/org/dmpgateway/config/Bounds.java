package org.dmpgateway.config;

import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.List;

/**
 * The checks of the configuration tree's compact constructors: each refusal is one line naming the
 * property as it is written ({@code dmp.limits.retrieve-documents must be at least 1, not -1}),
 * which Spring Boot's start-up failure report prints as the reason.
 */
final class Bounds {
    private Bounds() {
    }

    static void atLeast(long min, long value, String property) {
        if (value < min) {
            throw new IllegalArgumentException(property + " must be at least " + min + ", not " + value);
        }
    }

    static void between(int min, int max, int value, String property) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(property + " must be " + min + " to " + max + ", not " + value);
        }
    }

    static void positive(DataSize size, String property) {
        if (size == null || size.toBytes() < 1) {
            throw new IllegalArgumentException(property + " must be a positive size (e.g. 20MB), not " + size);
        }
    }

    static void positive(Duration duration, String property) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(property + " must be a positive duration (e.g. 30s, 10m), not "
                    + duration);
        }
    }

    static void notNegative(Duration duration, String property) {
        if (duration == null || duration.isNegative()) {
            throw new IllegalArgumentException(property + " must be a duration of 0 or more (e.g. 5m), not " + duration);
        }
    }

    static void notBlank(String value, String property) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(property + " must not be empty");
        }
    }

    static void oneOf(List<String> allowed, String value, String property) {
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException(property + " must be one of " + allowed + ", not '" + value + "'");
        }
    }
}
