package org.dmpgateway.model.profile;

import java.math.BigDecimal;

/**
 * The measurements of the medical profile (dmp-rules.md section 5) with their unit (UCUM), LOINC
 * code, the ANS health-measures profile that describes them (ansforge/IG-fhir-mesures-de-sante,
 * canonical base {@value #ANS_BASE}) and the plausible bounds the core accepts. BMI is never typed:
 * the core computes it from the latest weight and height ({@code bmi}).
 */
public enum MeasureKind {
    WEIGHT("Poids", "29463-7", "kg", "kg", "mesures-fr-observation-body-weight", "0.5", "500"),
    HEIGHT("Taille", "8302-2", "m", "m", "mesures-fr-observation-bodyheight", "0.2", "2.7"),
    WAIST("Tour de taille", "8280-0", "cm", "cm", "mesures-observation-waist-circumference", "20", "300"),
    TEMPERATURE("Température", "8310-5", "Cel", "°C", "mesures-fr-observation-body-temperature", "25", "45"),
    GLUCOSE("Glycémie", "2339-0", "mg/dL", "mg/dL", "mesures-observation-glucose", "10", "1500"),
    BLOOD_PRESSURE("Tension artérielle", "85354-9", "mm[Hg]", "mmHg", "mesures-fr-observation-bp", "20", "300"),
    PAIN("Douleur", "72514-3", "{score}", "/10", "mesures-observation-pain-severity", "0", "10"),
    HEART_RATE("Fréquence cardiaque", "8867-4", "/min", "bpm", "mesures-fr-observation-heartrate", "20", "300"),
    STEPS("Nombre de pas", "41950-7", "/d", "pas", "mesures-observation-steps-by-day", "0", "200000"),
    HEAD_CIRCUMFERENCE("Périmètre crânien", "9843-4", "cm", "cm", "mesures-observation-head-circumference", "20", "80"),
    /** Computed by the core from weight and height; never typed nor received. */
    BMI("Indice de masse corporelle (IMC)", "39156-5", "kg/m2", "kg/m²", "mesures-fr-observation-bmi", "0", "1000");

    /** The canonical base of the ANS health-measures profiles. */
    public static final String ANS_BASE = "https://interop.esante.gouv.fr/ig/fhir/mesures/StructureDefinition/";
    /** Blood pressure components (LOINC): systolic, diastolic. */
    public static final String SYSTOLIC = "8480-6";
    public static final String DIASTOLIC = "8462-4";

    private final String label;
    private final String loinc;
    private final String ucum;
    private final String display;
    private final String ansProfile;
    private final BigDecimal min;
    private final BigDecimal max;

    MeasureKind(String label, String loinc, String ucum, String display, String ansProfile, String min, String max) {
        this.label = label;
        this.loinc = loinc;
        this.ucum = ucum;
        this.display = display;
        this.ansProfile = ansProfile;
        this.min = new BigDecimal(min);
        this.max = new BigDecimal(max);
    }

    public String label() {
        return label;
    }

    public String loinc() {
        return loinc;
    }

    /** The UCUM code of the unit. */
    public String ucum() {
        return ucum;
    }

    /** The unit as the patient reads it (kg, m, °C, mmHg...). */
    public String display() {
        return display;
    }

    /** The ANS health-measures profile's canonical URL. */
    public String ansProfile() {
        return ANS_BASE + ansProfile;
    }

    public BigDecimal min() {
        return min;
    }

    public BigDecimal max() {
        return max;
    }

    /** The kind of LOINC code {@code code}, or null. */
    public static MeasureKind ofLoinc(String code) {
        for (MeasureKind k : values()) {
            if (k.loinc.equals(code)) {
                return k;
            }
        }
        return null;
    }
}
