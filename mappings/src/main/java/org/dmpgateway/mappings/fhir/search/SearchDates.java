package org.dmpgateway.mappings.fhir.search;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import org.dmpgateway.model.query.TimeRangeCriterion;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;

/**
 * FHIR date search parameters ({@code creation=ge2025-11-20&creation=lt2025-12}) as the time ranges
 * of the stored queries: HL7 DTM in UTC, {@code from} inclusive, {@code to} exclusive (ITI-18).
 * A FHIR value stands for the interval its precision covers ({@code 2025-11-20} is the whole day),
 * so:
 * <ul>
 * <li>{@code eq} (or no prefix): [start, end) of the value;</li>
 * <li>{@code ge}: from start; {@code gt} and {@code sa}: from end;</li>
 * <li>{@code lt} and {@code eb}: to start; {@code le}: to end;</li>
 * <li>{@code ne} and {@code ap} cannot be said in a stored query: refused.</li>
 * </ul>
 * A date without time is read as a UTC day (XDS times are UTC). Several bounds intersect.
 */
public final class SearchDates {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private SearchDates() {
    }

    /**
     * The range of a date search parameter, intersected with {@code base} (null or NONE: no
     * range yet); null {@code range} gives {@code base} back.
     *
     * @throws org.dmpgateway.model.error.DmpException INVALID_QUERY_PARAMETER naming {@code parameter}
     */
    public static TimeRangeCriterion range(DateRangeParam range, String parameter, TimeRangeCriterion base) {
        TimeRangeCriterion result = base == null ? TimeRangeCriterion.NONE : base;
        if (range == null) {
            return result;
        }
        DateParam lower = range.getLowerBound();
        DateParam upper = range.getUpperBound();
        if (lower != null) {
            result = intersect(result, bound(lower, parameter));
        }
        if (upper != null && upper != lower) {
            result = intersect(result, bound(upper, parameter));
        }
        return result;
    }

    /** The range one FHIR date value with its prefix selects. */
    static TimeRangeCriterion bound(DateParam date, String parameter) {
        if (date.isEmpty() || date.getValue() == null) {
            throw SearchTokens.invalid(parameter, "a date value is missing");
        }
        String start;
        String end;
        try {
            start = start(date);
            end = end(date);
        } catch (RuntimeException e) { // e.g. 2025-13-45: HAPI's lenient calendar takes it, java.time does not
            throw SearchTokens.invalid(parameter, "'" + date.getValueAsString() + "' is not a valid FHIR date "
                    + "(YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ss with a time zone, after an optional prefix)");
        }
        ParamPrefixEnum prefix = date.getPrefix() == null ? ParamPrefixEnum.EQUAL : date.getPrefix();
        return switch (prefix) {
            case EQUAL -> new TimeRangeCriterion(start, end);
            case GREATERTHAN_OR_EQUALS -> new TimeRangeCriterion(start, null);
            case GREATERTHAN, STARTS_AFTER -> new TimeRangeCriterion(end, null);
            case LESSTHAN, ENDS_BEFORE -> new TimeRangeCriterion(null, start);
            case LESSTHAN_OR_EQUALS -> new TimeRangeCriterion(null, end);
            default -> throw SearchTokens.invalid(parameter, "prefix '" + prefix.getValue()
                    + "' is not supported (use eq, ge, gt, le, lt, sa or eb)");
        };
    }

    /** Both ranges at once: the later {@code from}, the earlier {@code to}. */
    public static TimeRangeCriterion intersect(TimeRangeCriterion a, TimeRangeCriterion b) {
        return new TimeRangeCriterion(later(a.from(), b.from()), earlier(a.to(), b.to()));
    }

    // DTM values written here have no offset (UTC): their lexical order is their time order, a
    // shorter value that prefixes a longer one standing for its first instant.
    private static String later(String x, String y) {
        return x == null ? y : y == null ? x : (x.compareTo(y) >= 0 ? x : y);
    }

    private static String earlier(String x, String y) {
        return x == null ? y : y == null ? x : (x.compareTo(y) <= 0 ? x : y);
    }

    private static String start(DateParam date) {
        TemporalPrecisionEnum precision = date.getPrecision();
        return switch (precision) {
            case YEAR, MONTH, DAY -> day(localDate(date), precision);
            default -> instant(date.getValue().toInstant(), precision);
        };
    }

    private static String end(DateParam date) {
        TemporalPrecisionEnum precision = date.getPrecision();
        return switch (precision) {
            case YEAR -> day(localDate(date).plusYears(1), precision);
            case MONTH -> day(localDate(date).plusMonths(1), precision);
            case DAY -> day(localDate(date).plusDays(1), precision);
            case MINUTE -> instant(date.getValue().toInstant().truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES), precision);
            case SECOND -> instant(date.getValue().toInstant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1), precision);
            default -> instant(date.getValue().toInstant().plusMillis(1), precision);
        };
    }

    /** The calendar date as written (a FHIR date has no time zone). */
    private static LocalDate localDate(DateParam date) {
        String text = date.getValueAsString();
        String[] parts = text.substring(0, Math.min(10, text.length())).split("-");
        int year = Integer.parseInt(parts[0]);
        int month = parts.length > 1 ? Integer.parseInt(parts[1]) : 1;
        int day = parts.length > 2 ? Integer.parseInt(parts[2]) : 1;
        return LocalDate.of(year, month, day);
    }

    private static String day(LocalDate date, TemporalPrecisionEnum precision) {
        String full = String.format("%04d%02d%02d", date.getYear(), date.getMonthValue(), date.getDayOfMonth());
        return switch (precision) {
            case YEAR -> full.substring(0, 4);
            case MONTH -> full.substring(0, 6);
            default -> full;
        };
    }

    private static String instant(Instant instant, TemporalPrecisionEnum precision) {
        String seconds = SECONDS.format(instant);
        int millis = instant.get(ChronoField.MILLI_OF_SECOND);
        if (precision == TemporalPrecisionEnum.MILLI && millis != 0) {
            return seconds + String.format(".%03d", millis);
        }
        return seconds;
    }
}
