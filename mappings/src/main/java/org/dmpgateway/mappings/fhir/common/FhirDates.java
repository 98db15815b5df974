package org.dmpgateway.mappings.fhir.common;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.InstantType;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * XDS times (HL7 DTM {@code YYYY[MM[DD[HH[MM[SS]]]]]}, always UTC in XDS) to and from FHIR
 * {@code dateTime} / {@code instant}, keeping the precision where FHIR can:
 * <ul>
 * <li>year, month and day stay year, month and day (no time zone: a date has none);</li>
 * <li>a FHIR time is converted to UTC and written to the second; milliseconds are dropped (DTM of
 * XDS stops at the second);</li>
 * <li>a DTM to the hour or the minute becomes a FHIR time to the second (FHIR has no hour or minute
 * precision), so {@code 2026061210} reads back as {@code 20260612100000}.</li>
 * </ul>
 */
public final class FhirDates {
    private static final DateTimeFormatter DTM_SECONDS = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    /** An HL7 DTM: YYYY then up to five pairs of digits (compiled once: every DocumentReference written has several). */
    private static final Pattern DTM = Pattern.compile("\\d{4}(\\d{2}){0,5}");

    private FhirDates() {
    }

    /** A FHIR date/dateTime/instant as HL7 DTM in UTC with its precision; null or empty gives null. */
    public static String toHl7(BaseDateTimeType t) {
        if (t == null || t.getValue() == null) {
            return null;
        }
        TemporalPrecisionEnum p = t.getPrecision();
        switch (p) {
            case YEAR:
                return String.format("%04d", t.getYear());
            case MONTH:
                return String.format("%04d%02d", t.getYear(), t.getMonth() + 1);
            case DAY:
                return String.format("%04d%02d%02d", t.getYear(), t.getMonth() + 1, t.getDay());
            default:
                return ZonedDateTime.ofInstant(t.getValue().toInstant(), ZoneOffset.UTC).format(DTM_SECONDS);
        }
    }

    /**
     * An HL7 DTM (UTC) as FHIR dateTime: YYYY, YYYYMM and YYYYMMDD keep their precision; longer
     * values become a UTC time to the second.
     *
     * @throws DmpException METADATA_ERROR naming {@code field} when the value is not a DTM
     */
    public static DateTimeType toDateTime(String dtm, String field) {
        String text = fhirText(dtm, field, false);
        return text == null ? null : new DateTimeType(text);
    }

    /** As {@link #toDateTime(String, String)}, for FHIR instants (which need a time: a date gives its midnight UTC). */
    public static InstantType toInstant(String dtm, String field) {
        String text = fhirText(dtm, field, true);
        return text == null ? null : new InstantType(text);
    }

    /**
     * The FHIR text of a DTM, checked to be a date (and time) of the calendar: {@code 2026}, {@code 2026-06},
     * {@code 2026-06-12} or {@code 2026-06-12T08:30:00Z}; for an instant always the latter (a date at its
     * midnight UTC). HAPI parses the text once; building the value from a {@code Date} instead costs one
     * formatting per setter (two for a dateTime, four for an instant), several dates per DocumentReference.
     */
    private static String fhirText(String dtm, String field, boolean instant) {
        if (dtm == null || dtm.isBlank()) {
            return null;
        }
        String v = dtm.trim();
        try {
            if (!DTM.matcher(v).matches()) {
                throw new IllegalArgumentException();
            }
            String year = v.substring(0, 4);
            String month = v.length() >= 6 ? v.substring(4, 6) : null;
            String day = v.length() >= 8 ? v.substring(6, 8) : null;
            String hour = v.length() >= 10 ? v.substring(8, 10) : null;
            String minute = v.length() >= 12 ? v.substring(10, 12) : "00";
            String second = v.length() >= 14 ? v.substring(12, 14) : "00";
            LocalDate date = LocalDate.of(Integer.parseInt(year), month == null ? 1 : Integer.parseInt(month),
                    day == null ? 1 : Integer.parseInt(day));
            if (hour != null) {
                LocalTime.of(Integer.parseInt(hour), Integer.parseInt(minute), Integer.parseInt(second));
                return date + "T" + hour + ":" + minute + ":" + second + "Z";
            }
            if (instant) {
                return date + "T00:00:00Z";
            }
            return day != null ? date.toString() : month != null ? year + "-" + month : year;
        } catch (RuntimeException e) {
            throw new DmpException(DmpErrorCode.METADATA_ERROR, field + ": '" + dtm
                    + "' is not an HL7 time YYYY[MM[DD[HH[MM[SS]]]]]", field);
        }
    }
}
