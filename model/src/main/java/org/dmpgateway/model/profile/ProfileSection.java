package org.dmpgateway.model.profile;

/**
 * The sections of the patient's medical profile (docs/sources/dmp-rules.md section 5, seed 003),
 * each stored as one FHIR R4 resource type (docs/medical-profile.md). {@link #professionalsRead()}:
 * the sections professionals read over FHIR (vaccinations, care history, "entourage et volontés").
 */
public enum ProfileSection {
    /** Illnesses and health topics: Condition. */
    ILLNESS("Maladies et sujets de santé", "Condition", false),
    /** Treatments: MedicationStatement. */
    TREATMENT("Traitements", "MedicationStatement", false),
    /** Allergies: AllergyIntolerance. */
    ALLERGY("Allergies", "AllergyIntolerance", false),
    /** Vaccinations: Immunization (professionals read and add). */
    VACCINATION("Vaccinations", "Immunization", true),
    /** Care history (hospitalisations and surgery): Procedure. */
    CARE_HISTORY("Historique de soins (hospitalisations et chirurgie)", "Procedure", true),
    /** Measurements: Observation, following the ANS health-measures profiles. */
    MEASUREMENT("Mesures", "Observation", false),
    /** Contacts: emergency contact, trusted person, carers: RelatedPerson. */
    CONTACT("Entourage", "RelatedPerson", true),
    /** Wishes (advance directives, organ donation...): Consent. */
    WISH("Volontés", "Consent", true);

    private final String label;
    private final String resourceType;
    private final boolean professionalsRead;

    ProfileSection(String label, String resourceType, boolean professionalsRead) {
        this.label = label;
        this.resourceType = resourceType;
        this.professionalsRead = professionalsRead;
    }

    /** The section's French title, as the patient sees it. */
    public String label() {
        return label;
    }

    /** The FHIR R4 resource type each entry is stored as. */
    public String resourceType() {
        return resourceType;
    }

    /** Whether professionals read this section over FHIR. */
    public boolean professionalsRead() {
        return professionalsRead;
    }

    /** The section stored as {@code resourceType}, or null. */
    public static ProfileSection ofResourceType(String resourceType) {
        for (ProfileSection s : values()) {
            if (s.resourceType.equals(resourceType)) {
                return s;
            }
        }
        return null;
    }
}
