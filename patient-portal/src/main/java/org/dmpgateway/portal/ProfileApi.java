package org.dmpgateway.portal;

import org.dmpgateway.model.profile.MeasureKind;
import org.dmpgateway.model.profile.MedicalProfile;
import org.dmpgateway.model.profile.ProfileEntry;
import org.dmpgateway.model.profile.ProfileSection;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The medical profile's JSON answers (docs/medical-profile.md); the requests are ProfileInput's fields. */
final class ProfileApi {
    private ProfileApi() {
    }

    /** One entry: its section's fields, the labels in French, the measure's unit. */
    record Entry(String id, String section, String sectionLabel, String name, String detail, Integer startYear,
                 LocalDate date, String comment, String role, String roleLabel, String measure, BigDecimal value,
                 BigDecimal value2, String unit, String author, Instant recorded) {
        static Entry of(ProfileEntry e) {
            MeasureKind m = e.measure();
            return new Entry(e.id(), e.section().name(), e.section().label(), e.name(), e.detail(), e.startYear(),
                    e.date(), e.comment(), e.role() == null ? null : e.role().name(),
                    e.role() == null ? null : e.role().label(), m == null ? null : m.name(), e.value(), e.value2(),
                    m == null ? null : m.display(), e.author(), e.recorded());
        }
    }

    /** A section and its entries. */
    record Section(String section, String label, List<Entry> entries) {
    }

    /** The body mass index computed by the core from the latest weight and height. */
    record Bmi(BigDecimal value, String unit) {
    }

    /** The whole profile: every section (empty ones too, in order) and the BMI (null without weight and height). */
    record Profile(List<Section> sections, Bmi bmi) {
        static Profile of(MedicalProfile p) {
            List<Section> sections = List.of(ProfileSection.values()).stream()
                    .map(s -> new Section(s.name(), s.label(), p.section(s).stream().map(Entry::of).toList()))
                    .toList();
            return new Profile(sections, p.bmi() == null ? null : new Bmi(p.bmi(), MeasureKind.BMI.display()));
        }
    }
}
