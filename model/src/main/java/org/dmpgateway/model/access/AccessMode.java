package org.dmpgateway.model.access;

/**
 * The access mode of a request (TRE_R248_ModeAcces, OID 1.2.250.1.213.1.1.4.248): the VIHF
 * {@code purposeofuse} code, or the FHIR token's equivalent claim.
 */
public enum AccessMode {
    /** Accès normal: the professional needs the patient's authorisation. */
    NORMAL("normal"),
    /** Accès en bris de glace: emergency, with a justification and the patient's switch on. */
    BREAK_GLASS("bris_de_glace"),
    /** Accès par un centre de régulation médicale (SAMU, centre 15): the patient's SAMU switch on. */
    SAMU_REGULATION("centre_15");

    /** OID of the code system TRE_R248_ModeAcces. */
    public static final String CODE_SYSTEM = "1.2.250.1.213.1.1.4.248";

    private final String code;

    AccessMode(String code) {
        this.code = code;
    }

    /** The TRE_R248 code: normal, bris_de_glace, centre_15. */
    public String code() {
        return code;
    }

    /** The mode of a TRE_R248 code, or null when the code is not one of them. */
    public static AccessMode fromCode(String code) {
        for (AccessMode m : values()) {
            if (m.code.equals(code)) {
                return m;
            }
        }
        return null;
    }

    public boolean isEmergency() {
        return this != NORMAL;
    }
}
