package org.dmpgateway.model.profile;

import java.math.BigDecimal;
import java.util.List;

/**
 * The patient's medical profile: its entries (sections in order, newest first within a section) and
 * the body mass index the core computed from the latest weight and height ({@code bmi}, kg/m², one
 * decimal; null without both).
 */
public record MedicalProfile(List<ProfileEntry> entries, BigDecimal bmi) {
    public MedicalProfile {
        entries = List.copyOf(entries);
    }

    /** The entries of one section. */
    public List<ProfileEntry> section(ProfileSection section) {
        return entries.stream().filter(e -> e.section() == section).toList();
    }
}
