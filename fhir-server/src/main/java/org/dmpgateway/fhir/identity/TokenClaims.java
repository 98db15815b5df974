package org.dmpgateway.fhir.identity;

/**
 * The claims of the FHIR bearer token (a JWS-signed JWT), one per VIHF attribute, so that a
 * professional's software sends over FHIR exactly what it sends over SOAP (docs/fhir.md).
 */
public final class TokenClaims {
    /** The professional's national identifier, IdNat_PS (VIHF Subject/NameID). Mandatory. */
    public static final String SUBJECT = "sub";
    /** "NOM, Prénom" (VIHF subject-id). Mandatory. */
    public static final String NAME = "name";
    /**
     * The roles, as in the VIHF's multi-valued subject:role: an array of objects
     * {@code {"code": "10", "system": "1.2.250.1.71.1.2.7", "display": "Médecin"}}, the profession first,
     * then the specialty (savoir-faire, CNOP section) when there is one. Mandatory.
     */
    public static final String SUBJECT_ROLE = "subject_role";
    /** The care structure (VIHF Identifiant_Structure). Mandatory. */
    public static final String STRUCTURE_ID = "structure_id";
    /** The structure's activity sector, e.g. {@code SA07^1.2.250.1.71.4.2.4} (VIHF Secteur_Activite). */
    public static final String ACTIVITY_SECTOR = "activity_sector";
    /** The patient, as a CX {@code INS^^^&OID&ISO^NH} (VIHF resource-id). Mandatory. */
    public static final String RESOURCE_ID = "resource_id";
    /** The access mode, a TRE_R248 code: normal, bris_de_glace, centre_15 (VIHF purposeofuse). Mandatory. */
    public static final String PURPOSE_OF_USE = "purpose_of_use";
    /** The break-glass justification (VIHF Mode_Acces_Raison). */
    public static final String ACCESS_REASON = "access_reason";
    /** The calling software, name and version (VIHF LPS_Nom, LPS_Version). */
    public static final String SOFTWARE = "software";
    /** The software's installation or serial identifier (VIHF LPS_ID). Optional, kept in the traces. */
    public static final String SOFTWARE_ID = "lps_id";
    /** The software's DMP homologation number (VIHF LPS_ID_HOMOLOGATION_DMP). Optional, kept in the traces. */
    public static final String SOFTWARE_HOMOLOGATION = "lps_id_homologation_dmp";

    private TokenClaims() {
    }
}
