package org.dmpgateway.mappings.fhir.profile;

import org.dmpgateway.model.profile.ProfileInput;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Immunization;

/**
 * A professional's Immunization (FHIR create) as the vaccination the core checks: the vaccine's
 * name (vaccineCode.text, else its first coding's display or code), the date
 * (occurrenceDateTime, its day), lotNumber and the first note.
 */
public final class ImmunizationReader {
    private ImmunizationReader() {
    }

    public static ProfileInput vaccination(Immunization immunization) {
        String name = immunization.getVaccineCode().getText();
        if ((name == null || name.isBlank()) && immunization.getVaccineCode().hasCoding()) {
            var coding = immunization.getVaccineCode().getCodingFirstRep();
            name = coding.hasDisplay() ? coding.getDisplay() : coding.getCode();
        }
        String date = immunization.getOccurrence() instanceof DateTimeType t && t.getValueAsString() != null
                && t.getValueAsString().length() >= 10 ? t.getValueAsString().substring(0, 10) : null;
        String comment = immunization.getNote().isEmpty() ? null : immunization.getNoteFirstRep().getText();
        return ProfileInput.vaccination(name, date, immunization.getLotNumber(), comment);
    }
}
