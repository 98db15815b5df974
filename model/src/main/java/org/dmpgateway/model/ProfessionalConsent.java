package org.dmpgateway.model;

import java.time.Instant;

/**
 * One professional on a patient's lists: authorised (since when; possibly the patient's admin
 * doctor, "médecin administrateur") or blocked. A professional absent from the lists is neither.
 *
 * @param actorId    the professional's national identifier (IdNat_PS), as in the VIHF NameID
 * @param actorName  the name shown to the patient (may be null)
 * @param adminDoctor the patient named this professional médecin administrateur (meaningful when authorised)
 * @param treatingDoctor the professional is the patient's "médecin traitant DMP" (TD0.3
 *                   {@code setAuthorization(AJOUT, MEDECIN_TRAITANT)}, reported by TD0.2 {@code STATUT_MT};
 *                   meaningful when authorised: docs/dmp-admin-services.md, "The médecin traitant DMP")
 * @param professionCode the professional's profession (TRE_G15 code, e.g. {@code 10}) as his VIHF declared it
 *                   when he declared the authorisation (TD0.3), or as the set-up gave it; null when unknown
 * @param specialtyCode  his specialty (TRE_R01 / TRE_G05 code, e.g. {@code SM26}) from the same source; null
 *                   when none or unknown (TD1.6 {@code codeSpeciality})
 */
public record ProfessionalConsent(PatientRef patient, String actorId, String actorName, ConsentStatus status,
                                  boolean adminDoctor, Instant since, boolean treatingDoctor, String professionCode,
                                  String specialtyCode) {
    public ProfessionalConsent {
        if (patient == null || actorId == null || actorId.isBlank() || status == null) {
            throw new IllegalArgumentException("a consent needs a patient, a professional identifier and a status");
        }
    }

    /** A consent whose profession and specialty are not known. */
    public ProfessionalConsent(PatientRef patient, String actorId, String actorName, ConsentStatus status,
                               boolean adminDoctor, Instant since, boolean treatingDoctor) {
        this(patient, actorId, actorName, status, adminDoctor, since, treatingDoctor, null, null);
    }

    /** A consent without the médecin traitant DMP role. */
    public ProfessionalConsent(PatientRef patient, String actorId, String actorName, ConsentStatus status,
                               boolean adminDoctor, Instant since) {
        this(patient, actorId, actorName, status, adminDoctor, since, false);
    }

    /** The same consent with the professional's profession and specialty codes (TD0.3: his VIHF's roles). */
    public ProfessionalConsent withRoles(String profession, String specialty) {
        return new ProfessionalConsent(patient, actorId, actorName, status, adminDoctor, since, treatingDoctor,
                profession, specialty);
    }

    /** Authorised and the patient's médecin traitant DMP. */
    public boolean isTreatingDoctor() {
        return isAuthorized() && treatingDoctor;
    }

    public boolean isAuthorized() {
        return status == ConsentStatus.AUTHORIZED;
    }

    public boolean isBlocked() {
        return status == ConsentStatus.BLOCKED;
    }
}
