package org.dmpgateway.model.access;

import org.dmpgateway.model.CodedValue;
import org.dmpgateway.model.PatientRef;

/**
 * Who is asking, for which patient, and how: the one identity the core decides on, read by each
 * adapter from its protocol (the VIHF SAML assertion over SOAP, the bearer token over FHIR).
 *
 * @param actorId        the professional's national identifier (IdNat_PS, e.g. {@code 810002345678}):
 *                       VIHF {@code Subject/NameID}
 * @param actorName      "Nom, Prénom" as given (VIHF {@code subject-id})
 * @param profession     the first role: profession code (TRE_G15, OID 1.2.250.1.71.1.2.7) or another
 *                       role system of JDV_J65 (VIHF {@code subject:role})
 * @param specialty      the second role, when given: savoir-faire (TRE_R01) for médecins, CNOP
 *                       sub-section (TRE_G05) for pharmaciens; null otherwise
 * @param structureId    the care structure (VIHF {@code Identifiant_Structure})
 * @param activitySector the structure's activity sector, e.g. {@code SA07^1.2.250.1.71.4.2.4}
 *                       (VIHF {@code Secteur_Activite})
 * @param patient        the patient whose record is accessed (VIHF {@code resource-id})
 * @param mode           the access mode (VIHF {@code purposeofuse})
 * @param justification  the break-glass justification (VIHF {@code Mode_Acces_Raison}); null if none
 * @param software       the calling software (VIHF LPS_Nom LPS_Version, LPS_ID, LPS_ID_HOMOLOGATION_DMP; the
 *                       bearer token's software claims), kept in the traces; null if none given
 *
 * <p>The patient side (the patient reading their own record, e.g. over FHIR) is an access context
 * too: profession {@link #PATIENT_ROLE}, actorId the patient's INS (see {@link #isPatientSelf()}).
 */
public record AccessContext(String actorId, String actorName, CodedValue profession, CodedValue specialty,
                            String structureId, String activitySector, PatientRef patient, AccessMode mode,
                            String justification, CallerSoftware software) {

    /**
     * The role of a patient-side caller: the patient accessing their own record. For now the core
     * lets such a caller only read the record's access history.
     */
    public static final CodedValue PATIENT_ROLE = new CodedValue("PATIENT", "urn:dmp-gateway:actor-kind",
            "Patient (accès à son propre dossier)");

    public AccessContext {
        if (actorId == null || actorId.isBlank()) {
            throw new IllegalArgumentException("an access context needs the professional's identifier");
        }
        if (profession == null) {
            throw new IllegalArgumentException("an access context needs the professional's role");
        }
        if (patient == null) {
            throw new IllegalArgumentException("an access context needs the patient (resource-id)");
        }
        if (mode == null) {
            throw new IllegalArgumentException("an access context needs the access mode");
        }
    }

    /** The profession (or role) code, e.g. {@code 10} for a médecin. */
    public String professionCode() {
        return profession.code();
    }

    /** The specialty code, e.g. {@code SM26}, or null. */
    public String specialtyCode() {
        return specialty == null ? null : specialty.code();
    }

    /** The caller's role is {@link #PATIENT_ROLE} (code and code system; the display name is ignored). */
    public boolean isPatientSide() {
        return PATIENT_ROLE.code().equals(profession.code())
                && PATIENT_ROLE.codeSystem().equals(profession.codeSystem());
    }

    /** The caller is the patient of this context: role {@link #PATIENT_ROLE} and actorId the patient's INS. */
    public boolean isPatientSelf() {
        return isPatientSide() && actorId.equals(patient.id());
    }

    public boolean hasJustification() {
        return justification != null && !justification.isBlank();
    }
}
