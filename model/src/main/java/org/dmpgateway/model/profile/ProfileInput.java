package org.dmpgateway.model.profile;

/**
 * An entry as typed by the patient (or read from a FHIR resource) before the core checks it: every
 * value a string, so that a malformed one is refused with the field's name. Fields as in
 * {@link ProfileEntry}: {@code date} ISO (2026-11-30), {@code role} a {@link ContactRole} name,
 * {@code measure} a {@link MeasureKind} name, {@code value}/{@code value2} decimal numbers.
 */
public record ProfileInput(String name, String detail, String startYear, String date, String comment, String role,
                           String measure, String value, String value2) {
}
