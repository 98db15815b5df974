package org.dmpgateway.model.error;

/**
 * A part of the caller's identity that a refusal of the core names, without any protocol's words:
 * the core puts {@link #location()} in the error's location and says what is wrong in neutral terms;
 * each adapter's mapping renders the field with the name its callers send (the VIHF attribute over
 * SOAP and {@code /dmp}, the bearer token's claim over FHIR).
 */
public enum IdentityField {
    /** The caller's profession and specialty. */
    SUBJECT_ROLE,
    /** The patient the identity is about. */
    PATIENT,
    /** The access mode (normal, break-glass, SAMU regulation). */
    ACCESS_MODE,
    /** The justification of an emergency access. */
    ACCESS_REASON;

    private static final String PREFIX = "identity:";

    /** The location a refusal carries for this field. */
    public String location() {
        return PREFIX + name();
    }

    /** The field a refusal's location names, or null when it names none. */
    public static IdentityField ofLocation(String location) {
        if (location == null || !location.startsWith(PREFIX)) {
            return null;
        }
        try {
            return valueOf(location.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
