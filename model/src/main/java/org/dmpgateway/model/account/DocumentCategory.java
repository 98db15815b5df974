package org.dmpgateway.model.account;

/**
 * The categories Mon espace santé files the patient's documents in (docs/sources/dmp-rules.md
 * section 2; seed 002, "Les catégories disponibles sont : ..."). "Synthèse de mon profil médical"
 * is made from the medical profile, which the gateway does not hold, so it has no value here.
 */
public enum DocumentCategory {
    MA_SANTE_EN_RESUME("Ma santé en résumé"),
    ORDONNANCES_ET_SOINS("Ordonnances et soins"),
    IMAGERIE("Radio, écho, scanner, IRM"),
    BIOLOGIE("Résultats de biologie"),
    COMPTES_RENDUS("Comptes rendus"),
    PREVENTION("Prévention et dépistage"),
    CERTIFICATS("Certificats médicaux"),
    AUTRES("Autres documents"),
    ADMINISTRATIF("Pièces administratives");

    private final String label;

    DocumentCategory(String label) {
        this.label = label;
    }

    /** The category's name as the patient reads it. */
    public String label() {
        return label;
    }
}
