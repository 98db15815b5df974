package org.dmpgateway.model.profile;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One entry of the medical profile, checked by the core: what the section needs is set, the rest is
 * null. {@code name}: the illness, medicine, allergen, vaccine, procedure, contact's name or wish's
 * title; {@code detail}: the dosage (treatment), the lot number (vaccination) or the contact's
 * telephone; {@code startYear} (illness, treatment, allergy, care history); {@code date}
 * (vaccination, measurement); {@code role} (contact); {@code measure}, {@code value} and
 * {@code value2} (the diastolic pressure of a blood pressure) for a measurement; {@code author}: who
 * recorded it ("patient", a professional's id, or the patient's app); {@code recorded}: when.
 */
public record ProfileEntry(String id, ProfileSection section, String name, String detail, Integer startYear,
                           LocalDate date, String comment, ContactRole role, MeasureKind measure, BigDecimal value,
                           BigDecimal value2, String author, Instant recorded) {

    /** The same entry with another id, author and recording time. */
    public ProfileEntry recordedAs(String newId, String newAuthor, Instant when) {
        return new ProfileEntry(newId, section, name, detail, startYear, date, comment, role, measure, value, value2,
                newAuthor, when);
    }
}
