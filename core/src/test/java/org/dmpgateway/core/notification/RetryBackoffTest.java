package org.dmpgateway.core.notification;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.*;

class RetryBackoffTest {
    private final RetryBackoff fiveSecondsToTenMinutes = new RetryBackoff(Duration.ofSeconds(5), Duration.ofMinutes(10));

    @Test
    void theDelayStartsAtTheBaseAndDoublesAfterEachFailure() {
        long[] expectedSeconds = {5, 10, 20, 40, 80, 160, 320};
        for (int failures = 1; failures <= expectedSeconds.length; failures++) {
            assertEquals(Duration.ofSeconds(expectedSeconds[failures - 1]),
                    fiveSecondsToTenMinutes.delayAfter(failures), "after failure " + failures);
        }
    }

    @Test
    void theDelayStopsGrowingAtTheMax() {
        assertEquals(Duration.ofMinutes(10), fiveSecondsToTenMinutes.delayAfter(8), "640 s is capped to 600 s");
        assertEquals(Duration.ofMinutes(10), fiveSecondsToTenMinutes.delayAfter(9));
        assertEquals(Duration.ofMinutes(10), fiveSecondsToTenMinutes.delayAfter(1_000));
        assertEquals(Duration.ofMinutes(10), fiveSecondsToTenMinutes.delayAfter(Integer.MAX_VALUE),
                "no overflow however many failures");
    }

    @Test
    void aMaxThatIsNotAPowerOfTwoOfTheBaseIsReachedExactly() {
        RetryBackoff backoff = new RetryBackoff(Duration.ofMillis(300), Duration.ofMillis(1000));
        assertEquals(Duration.ofMillis(300), backoff.delayAfter(1));
        assertEquals(Duration.ofMillis(600), backoff.delayAfter(2));
        assertEquals(Duration.ofMillis(1000), backoff.delayAfter(3));
    }

    @Test
    void baseEqualToMaxMeansAFixedDelay() {
        RetryBackoff fixed = new RetryBackoff(Duration.ofSeconds(30), Duration.ofSeconds(30));
        assertEquals(Duration.ofSeconds(30), fixed.delayAfter(1));
        assertEquals(Duration.ofSeconds(30), fixed.delayAfter(50));
    }

    @Test
    void theNextAttemptIsTheFailureTimePlusTheDelay() {
        Instant failedAt = Instant.parse("2026-03-01T10:00:00Z");
        assertEquals(Instant.parse("2026-03-01T10:00:20Z"), fiveSecondsToTenMinutes.nextAttempt(failedAt, 3));
    }

    @Test
    void nonsensicalSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RetryBackoff(Duration.ZERO, Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> new RetryBackoff(Duration.ofSeconds(-1), Duration.ofMinutes(1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RetryBackoff(Duration.ofMinutes(2), Duration.ofMinutes(1)));
        assertTrue(e.getMessage().contains("max delay"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> fiveSecondsToTenMinutes.delayAfter(0));
    }
}
