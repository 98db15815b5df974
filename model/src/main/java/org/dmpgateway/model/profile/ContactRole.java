package org.dmpgateway.model.profile;

/** The roles of a contact of the "entourage" section (dmp-rules.md section 5). */
public enum ContactRole {
    EMERGENCY_CONTACT("Personne à prévenir en cas d'urgence"),
    TRUSTED_PERSON("Personne de confiance"),
    CARER("Aidant");

    private final String label;

    ContactRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
