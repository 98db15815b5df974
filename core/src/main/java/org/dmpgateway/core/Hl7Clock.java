package org.dmpgateway.core;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The registry's own timestamps (folder lastUpdateTime, traces) as HL7 DTM in UTC, to the second. */
public final class Hl7Clock {
    private static final DateTimeFormatter DTM = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private Hl7Clock() {
    }

    public static String now(Clock clock) {
        return DTM.format(clock.instant());
    }
}
