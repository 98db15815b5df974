package org.dmpgateway.repository;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HL7 DTM values (YYYY[MM[DD[HH[MM[SS[.S...]]]]]][+/-ZZZZ]) to epoch milliseconds: the first
 * instant the value covers ("2024" is 2024-01-01T00:00Z). No offset means UTC. Stored values and
 * query bounds are read the same way, so a range {@code from <= t < to} compares like with like.
 */
public final class Hl7Instants {
    private static final Pattern DTM = Pattern.compile(
            "(\\d{4})(\\d{2})?(\\d{2})?(\\d{2})?(\\d{2})?(\\d{2})?(?:\\.(\\d{1,4}))?([+-]\\d{4})?");

    private Hl7Instants() {
    }

    /** Null for a null or blank value; IllegalArgumentException for a malformed one. */
    public static Long toEpochMillis(String dtm) {
        if (dtm == null || dtm.isBlank()) {
            return null;
        }
        Matcher m = DTM.matcher(dtm.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not an HL7 DTM value: " + dtm);
        }
        int year = Integer.parseInt(m.group(1));
        int month = part(m.group(2), 1);
        int day = part(m.group(3), 1);
        int hour = part(m.group(4), 0);
        int minute = part(m.group(5), 0);
        int second = part(m.group(6), 0);
        int millis = 0;
        if (m.group(7) != null) {
            String f = (m.group(7) + "000").substring(0, 3);
            millis = Integer.parseInt(f);
        }
        ZoneOffset offset = ZoneOffset.UTC;
        if (m.group(8) != null) {
            String z = m.group(8);
            int sign = z.charAt(0) == '-' ? -1 : 1;
            offset = ZoneOffset.ofHoursMinutes(sign * Integer.parseInt(z.substring(1, 3)),
                    sign * Integer.parseInt(z.substring(3, 5)));
        }
        return LocalDateTime.of(year, month, day, hour, minute, second, millis * 1_000_000)
                .toInstant(offset).toEpochMilli();
    }

    private static int part(String s, int fallback) {
        return s == null ? fallback : Integer.parseInt(s);
    }
}
