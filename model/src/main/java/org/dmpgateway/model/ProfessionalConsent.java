package org.dmpgateway.model;

import java.time.Instant;

/**
 * One professional on a patient's lists: authorised (since when; possibly the patient's admin
 * doctor, "médecin administrateur") or blocked. A professional absent from the lists is neither.
 *
 * @param actorId    the professional's national identifier (IdNat_PS), as in the VIHF NameID
 * @param actorName  the name shown to the patient (may be null)
 * @param adminDoctor the patient named this professional médecin administrateur (meaningful when authorised)
 */
public record ProfessionalConsent(PatientRef patient, String actorId, String actorName, ConsentStatus status,
                                  boolean adminDoctor, Instant since) {
    public ProfessionalConsent {
        if (patient == null || actorId == null || actorId.isBlank() || status == null) {
            throw new IllegalArgumentException("a consent needs a patient, a professional identifier and a status");
        }
    }

    public boolean isAuthorized() {
        return status == ConsentStatus.AUTHORIZED;
    }

    public boolean isBlocked() {
        return status == ConsentStatus.BLOCKED;
    }
}
