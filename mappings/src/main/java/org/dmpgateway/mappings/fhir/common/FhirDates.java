package org.dmpgateway.mappings.fhir.common;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.InstantType;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.TimeZone;
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
    /** UTC, looked up once (HAPI only reads the zone it is given). */
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

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
        if (dtm == null || dtm.isBlank()) {
            return null;
        }
        String v = dtm.trim();
        try {
            if (!DTM.matcher(v).matches()) {
                throw new IllegalArgumentException();
            }
            int year = Integer.parseInt(v.substring(0, 4));
            if (v.length() == 4) {
                return new DateTimeType(v);
            }
            int month = Integer.parseInt(v.substring(4, 6));
            if (v.length() == 6) {
                LocalDate.of(year, month, 1);
                return new DateTimeType(v.substring(0, 4) + "-" + v.substring(4, 6));
            }
            int day = Integer.parseInt(v.substring(6, 8));
            if (v.length() == 8) {
                return new DateTimeType(LocalDate.of(year, month, day).toString());
            }
            int hour = Integer.parseInt(v.substring(8, 10));
            int minute = v.length() >= 12 ? Integer.parseInt(v.substring(10, 12)) : 0;
            int second = v.length() >= 14 ? Integer.parseInt(v.substring(12, 14)) : 0;
            LocalDateTime time = LocalDateTime.of(year, month, day, hour, minute, second);
            DateTimeType out = new DateTimeType(Date.from(time.toInstant(ZoneOffset.UTC)), TemporalPrecisionEnum.SECOND, UTC);
            out.setTimeZoneZulu(true);
            return out;
        } catch (RuntimeException e) {
            throw new DmpException(DmpErrorCode.METADATA_ERROR, field + ": '" + dtm
                    + "' is not an HL7 time YYYY[MM[DD[HH[MM[SS]]]]]", field);
        }
    }

    /** As {@link #toDateTime(String, String)}, for FHIR instants (which need a time: a date gives its midnight UTC). */
    public static InstantType toInstant(String dtm, String field) {
        DateTimeType t = toDateTime(dtm, field);
        if (t == null) {
            return null;
        }
        InstantType out = new InstantType(t.getValue(), TemporalPrecisionEnum.SECOND, UTC);
        out.setTimeZoneZulu(true);
        if (t.getPrecision().ordinal() < TemporalPrecisionEnum.MINUTE.ordinal()) {
            out = new InstantType(Date.from(LocalDate.parse(String.format("%04d-%02d-%02d", t.getYear(),
                    t.getPrecision() == TemporalPrecisionEnum.YEAR ? 1 : t.getMonth() + 1,
                    t.getPrecision() == TemporalPrecisionEnum.DAY ? t.getDay() : 1))
                    .atStartOfDay(ZoneOffset.UTC).toInstant()), TemporalPrecisionEnum.SECOND, UTC);
            out.setTimeZoneZulu(true);
        }
        return out;
    }
}
