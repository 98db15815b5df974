package org.dmpgateway.mappings.hl7v2;

/**
 * The application error codes of the ANS HL7v2 guides (table applicationErrorCode, HL7 user-defined
 * table 0533, sent in ERR-5 with ERR-3 = 207 "Application error"): their codes and labels as the guide
 * "Transmission de documents CDA en HL7v2" writes them (page error-codes, "Codes erreurs de l'accusé
 * métier de lecture/traitement de la demande"; docs/hl7v2.md).
 */
public enum ApplicationError {
    /** 900: the version named by a replacement or deletion is not the newest of the document. */
    VERSION("900", "Version du document incorrecte lors d'une demande de remplacement/suppression"),
    /** 901: the sender may not replace or delete the document (and, here, every refusal of the DMP's access rules). */
    NOT_AUTHORISED("901", "Auteur non autorisé à remplacer ou supprimer un document"),
    /** 902: the patient is unknown. */
    UNKNOWN_PATIENT("902", "Identifiant patient inconnu"),
    /** 903: the CDA document carries no INS. */
    INS_MISSING("903", "INS non présent dans le document"),
    /** 904: the INS does not match the one known (message vs document, or the record's). */
    INS_MISMATCH("904", "L'INS transmis ne correspond pas exactement à celui stocké dans la base du consommateur"),
    /** 905: the INS is given without all its identity traits. */
    INS_INCOMPLETE("905", "L'INS transmis n'est pas complet"),
    /** 906: any other application error. */
    OTHER("906", "Erreur 'Autre'");

    /** The code system name of ERR-5 (the guide's examples: {@code 902^...^applicationErrorCode}). */
    public static final String CODE_SYSTEM = "applicationErrorCode";

    private final String code;
    private final String label;

    ApplicationError(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }
}
