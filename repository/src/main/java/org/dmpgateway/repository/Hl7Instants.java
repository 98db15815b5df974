package org.dmpgateway.repository;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HL7 DTM values ({@code YYYY[MM[DD[HH[MM[SS[.S[S[S[S]]]]]]]]][+/-ZZZZ]}) to epoch milliseconds.
 *
 * <p>A value stands for the <em>first</em> instant it covers: "2024" is 2024-01-01T00:00Z,
 * "20241105" is 2024-11-05T00:00Z. No offset means UTC; an offset is honoured
 * ("202411050930+0100" is 08:30Z). Fractions of a second beyond milliseconds are cut.
 *
 * <p>Stored values and query bounds are read the same way, and a query range is
 * {@code from <= t < to} on these instants (IHE ITI TF-2a 3.18.4.1.2.3.7). A bound given with
 * lower precision is therefore its first instant too: {@code to = "2024"} excludes everything in
 * 2024, and a value stored as "2024" (2024-01-01T00:00Z) is inside {@code from = "2024"}.
 */
public final class Hl7Instants {
    private static final Pattern DTM = Pattern.compile(
            "(\\d{4})(\\d{2})?(\\d{2})?(\\d{2})?(\\d{2})?(\\d{2})?(?:\\.(\\d{1,4}))?([+-]\\d{4})?");

    private Hl7Instants() {
    }

    /**
     * The first instant of an HL7 DTM value, in epoch milliseconds.
     *
     * @return null for a null or blank value
     * @throws IllegalArgumentException for a value that is not a valid HL7 DTM
     */
    public static Long toEpochMillis(String dtm) {
        if (dtm == null || dtm.isBlank()) {
            return null;
        }
        Matcher m = DTM.matcher(dtm.trim());
        if (!m.matches() || (m.group(7) != null && m.group(6) == null)) {
            throw new IllegalArgumentException("not an HL7 DTM value: " + dtm);
        }
        try {
            LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group(1)), part(m.group(2), 1), part(m.group(3), 1),
                    part(m.group(4), 0), part(m.group(5), 0), part(m.group(6), 0), millis(m.group(7)) * 1_000_000);
            return local.toInstant(offset(m.group(8))).toEpochMilli();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not an HL7 DTM value: " + dtm, e);
        }
    }

    private static int part(String digits, int fallback) {
        return digits == null ? fallback : Integer.parseInt(digits);
    }

    private static int millis(String fraction) {
        return fraction == null ? 0 : Integer.parseInt((fraction + "00").substring(0, 3));
    }

    private static ZoneOffset offset(String zone) {
        if (zone == null) {
            return ZoneOffset.UTC;
        }
        int sign = zone.charAt(0) == '-' ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(sign * Integer.parseInt(zone.substring(1, 3)),
                sign * Integer.parseInt(zone.substring(3, 5)));
    }
}
