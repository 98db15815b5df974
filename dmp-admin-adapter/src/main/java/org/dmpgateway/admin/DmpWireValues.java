package org.dmpgateway.admin;

import org.dmpgateway.model.error.DmpError;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.stream.Collectors;

/**
 * The values of the DMP's non-HL7 services (habilitations, patientsSpecific) as the official example
 * answers write them: times {@code yyyyMMddHHmmss} in the DMP's time zone (Europe/Paris), dates
 * {@code yyyyMMdd}, a professional's name split in last and first name, a refusal's reason.
 */
final class DmpWireValues {
    static final ZoneId DMP_ZONE = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(DMP_ZONE);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

    private DmpWireValues() {
    }

    static String time(Instant instant) {
        return instant == null ? null : TIME.format(instant);
    }

    static String date(LocalDate date) {
        return date == null ? null : DATE.format(date);
    }

    /**
     * An HL7 birth date ({@code TS} value {@code yyyyMMdd}, a longer timestamp cut to its date), null when blank.
     *
     * @throws DmpException METADATA_ERROR naming {@code field} when it is not a date
     */
    static LocalDate parseDate(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            return LocalDate.parse(v.substring(0, Math.min(8, v.length())), DATE);
        } catch (DateTimeParseException e) {
            throw new DmpException(DmpErrorCode.METADATA_ERROR, field + ": '" + v + "' is not a date (yyyyMMdd)",
                    field.substring(field.lastIndexOf('/') + 1));
        }
    }

    /**
     * A date the request gives: {@code yyyyMMddHHmmss} (official TD0.4 example), {@code yyyyMMdd}, or
     * {@code ddMMyyyy} (the ANS kit's TD0.4 sends {@code 01012018}), in the DMP's time zone.
     *
     * @throws DmpException METADATA_ERROR naming {@code field} when it is none of these
     */
    static Instant parseTime(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            if (v.length() == 14) {
                return LocalDateTime.parse(v, DateTimeFormatter.ofPattern("yyyyMMddHHmmss")).atZone(DMP_ZONE).toInstant();
            }
            if (v.length() == 8) {
                boolean dayFirst = Integer.parseInt(v.substring(0, 4)) < 1900;
                LocalDate d = LocalDate.parse(v, DateTimeFormatter.ofPattern(dayFirst ? "ddMMyyyy" : "yyyyMMdd"));
                return d.atStartOfDay(DMP_ZONE).toInstant();
            }
        } catch (DateTimeParseException | NumberFormatException e) {
            // answered below
        }
        throw new DmpException(DmpErrorCode.METADATA_ERROR, field + ": '" + value + "' is not a date "
                + "(yyyyMMddHHmmss, yyyyMMdd or ddMMyyyy)", field);
    }

    /**
     * A professional's name as the lists hold it, split in {last, first}: "Nom, Prénom" (the VIHF's
     * subject-id) at the comma, else the first word is the last name ("LIBRE MAX").
     */
    static String[] lastAndFirstName(String name) {
        if (name == null || name.isBlank()) {
            return new String[] {null, null};
        }
        String n = name.trim();
        int cut = n.indexOf(',');
        if (cut < 0) {
            cut = n.indexOf(' ');
        }
        if (cut < 0) {
            return new String[] {n, null};
        }
        String first = n.substring(cut + 1).trim();
        return new String[] {n.substring(0, cut).trim(), first.isEmpty() ? null : first};
    }

    /** The reasons of a refusal, as one line. */
    static String reason(DmpException e) {
        return e.errors().stream().map(DmpError::message).collect(Collectors.joining("; "));
    }
}
