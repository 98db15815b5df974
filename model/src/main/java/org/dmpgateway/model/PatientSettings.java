package org.dmpgateway.model;

/**
 * What the patient decides about their record (docs/sources/dmp-rules.md section 3).
 *
 * @param email                    where notifications go (null: none)
 * @param samuAccessAllowed        SAMU regulation doctors (centre 15) may access in an emergency (on by default)
 * @param breakGlassAllowed        other professionals may access in an emergency, "bris de glace" (on by default)
 * @param maskedVisibleInEmergency emergency access includes masked documents (off by default)
 * @param maskAll                  all present and future documents are masked from professionals
 */
public record PatientSettings(String email, boolean samuAccessAllowed, boolean breakGlassAllowed,
                              boolean maskedVisibleInEmergency, boolean maskAll) {

    public static final PatientSettings DEFAULTS = new PatientSettings(null, true, true, false, false);

    public PatientSettings withEmail(String newEmail) {
        return new PatientSettings(newEmail, samuAccessAllowed, breakGlassAllowed, maskedVisibleInEmergency, maskAll);
    }
}
