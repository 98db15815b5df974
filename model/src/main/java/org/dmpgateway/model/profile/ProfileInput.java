package org.dmpgateway.model.profile;

/**
 * An entry as typed by the patient (or read from a FHIR resource) before the core checks it: every
 * value a string, so that a malformed one is refused with the field's name. Fields as in
 * {@link ProfileEntry}: {@code date} ISO (2026-11-30), {@code role} a {@link ContactRole} name,
 * {@code measure} a {@link MeasureKind} name, {@code value}/{@code value2} decimal numbers,
 * {@code unit} the unit they are in (optional: UCUM code or as displayed; must be the measure's).
 */
public record ProfileInput(String name, String detail, String startYear, String date, String comment, String role,
                           String measure, String value, String value2, String unit) {

    /** A measurement of {@code measure} (a {@link MeasureKind} name). */
    public static ProfileInput measurement(String measure, String value, String value2, String unit, String date,
                                           String comment) {
        return new ProfileInput(null, null, null, date, comment, null, measure, value, value2, unit);
    }

    /** A vaccination: the vaccine's name, its date, lot number and comment. */
    public static ProfileInput vaccination(String name, String date, String lotNumber, String comment) {
        return new ProfileInput(name, lotNumber, null, date, comment, null, null, null, null, null);
    }
}
