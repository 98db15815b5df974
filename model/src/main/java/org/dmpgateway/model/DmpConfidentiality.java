package org.dmpgateway.model;

import java.util.List;

/**
 * The DMP's confidentiality codes (JDV_J58-ConfidentialityCode-DMP): the HL7 levels N/R/V and the
 * visibility statuses of TRE_A07-StatutVisibiliteDocument (OID 1.2.250.1.213.1.1.4.13).
 */
public final class DmpConfidentiality {
    /** TRE_A07-StatutVisibiliteDocument. */
    public static final String VISIBILITY_SYSTEM = "1.2.250.1.213.1.1.4.13";
    /** HL7 v3 Confidentiality (TRE_A08). */
    public static final String HL7_SYSTEM = "2.16.840.1.113883.5.25";

    /** Masked from professionals (masqué aux professionnels de santé). */
    public static final CodedValue MASQUE_PS = new CodedValue("MASQUE_PS", VISIBILITY_SYSTEM,
            "Masqué aux professionnels de santé");
    /** Not visible to the patient (until an announcement consultation). */
    public static final CodedValue INVISIBLE_PATIENT = new CodedValue("INVISIBLE_PATIENT", VISIBILITY_SYSTEM,
            "Non visible par le patient");
    /** Not visible to the patient's legal representatives. */
    public static final CodedValue INVISIBLE_REPRESENTANTS_LEGAUX = new CodedValue("INVISIBLE_REPRESENTANTS_LEGAUX",
            VISIBILITY_SYSTEM, "Non visible par les représentants légaux du patient");
    /** Normal. */
    public static final CodedValue NORMAL = new CodedValue("N", HL7_SYSTEM, "Normal");

    /** The codes that mask a document from professionals. */
    public static final List<CodedValue> MASKING_PROFESSIONALS = List.of(MASQUE_PS);

    /**
     * The visibility statuses of JDV_J58 (TRE_A07 codes in the DMP value set): adding or removing one
     * of them masks or unmasks a document (TD3.3a, TD3.3b).
     */
    public static final List<CodedValue> VISIBILITY_STATUSES = List.of(MASQUE_PS, INVISIBLE_PATIENT,
            INVISIBLE_REPRESENTANTS_LEGAUX);

    private DmpConfidentiality() {
    }

    /** True when the code is one of {@link #VISIBILITY_STATUSES} (same code and code system). */
    public static boolean isVisibilityStatus(CodedValue c) {
        return c != null && VISIBILITY_STATUSES.stream()
                .anyMatch(v -> v.code().equals(c.code()) && v.codeSystem().equals(c.codeSystem()));
    }
}
