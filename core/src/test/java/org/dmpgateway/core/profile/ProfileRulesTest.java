package org.dmpgateway.core.profile;

import org.dmpgateway.model.profile.MeasureKind;
import org.dmpgateway.model.profile.ProfileEntry;
import org.dmpgateway.model.profile.ProfileInput;
import org.dmpgateway.model.profile.ProfileSection;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileRulesTest {
    static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    /** A refusal as the test reads it: the field, then the message. */
    static final class Refused extends RuntimeException {
        final String field;

        Refused(String field, String message) {
            super(message);
            this.field = field;
        }
    }

    static ProfileEntry check(ProfileSection section, ProfileInput input) {
        return ProfileRules.check(section, input, NOW, Refused::new);
    }

    static Refused refused(ProfileSection section, ProfileInput input, String field) {
        Refused r = assertThrows(Refused.class, () -> check(section, input));
        assertEquals(field, r.field, r.getMessage());
        return r;
    }

    static ProfileInput named(String name, String startYear) {
        return new ProfileInput(name, null, startYear, null, null, null, null, null, null, null);
    }

    @Test
    void theFormsLimitsAreThoseOfTheRules() {
        assertEquals("A".repeat(50), check(ProfileSection.ILLNESS, named("A".repeat(50), "2010")).name());
        assertTrue(refused(ProfileSection.ILLNESS, named("A".repeat(51), "2010"), "name").getMessage()
                .contains("au plus 50 caractères"));
        refused(ProfileSection.ILLNESS, named("Asthme", null), "startYear");
        refused(ProfileSection.ILLNESS, named("Asthme", "1899"), "startYear");
        refused(ProfileSection.ILLNESS, named("Asthme", "2027"), "startYear");
        refused(ProfileSection.ILLNESS, named("Asthme", "deux mille"), "startYear");
        refused(ProfileSection.TREATMENT, new ProfileInput("X", "d".repeat(1001), "2010", null, null, null, null, null,
                null, null), "detail");
        refused(ProfileSection.ALLERGY, new ProfileInput("X", null, "2010", null, "c".repeat(3001), null, null, null,
                null, null), "comment");
        refused(ProfileSection.VACCINATION, ProfileInput.vaccination("DTP", "2020-01-01", null, "c".repeat(1001)),
                "comment");
        refused(ProfileSection.VACCINATION, ProfileInput.vaccination("DTP", "2020-01-01", "l".repeat(101), null),
                "detail");
        refused(ProfileSection.VACCINATION, ProfileInput.vaccination("DTP", "2026-12-03", null, null), "date");
        ProfileEntry dtp = check(ProfileSection.VACCINATION, ProfileInput.vaccination(" DTP ", "2020-01-01",
                "l".repeat(100), "c".repeat(1000)));
        assertEquals("DTP", dtp.name());
        assertEquals(LocalDate.of(2020, 1, 1), dtp.date());
        refused(ProfileSection.WISH, named("Don d'organes", null), "comment");
    }

    @Test
    void measurementsHaveTheirUnitAndBoundsAndTheBmiIsComputed() {
        ProfileEntry weight = check(ProfileSection.MEASUREMENT, ProfileInput.measurement("weight", "70,0", null, "kg",
                null, null));
        assertEquals(MeasureKind.WEIGHT, weight.measure());
        assertEquals(new BigDecimal("70"), weight.value());
        assertEquals(LocalDate.of(2026, 12, 2), weight.date(), "today (Paris) when no date is given");
        refused(ProfileSection.MEASUREMENT, ProfileInput.measurement("WEIGHT", "70", null, "lb", null, null), "unit");
        refused(ProfileSection.MEASUREMENT, ProfileInput.measurement("WEIGHT", "0.1", null, null, null, null), "value");
        refused(ProfileSection.MEASUREMENT, ProfileInput.measurement("BMI", "22", null, null, null, null), "measure");
        refused(ProfileSection.MEASUREMENT, ProfileInput.measurement("PAIN", "4.5", null, null, null, null), "value");
        refused(ProfileSection.MEASUREMENT, ProfileInput.measurement("PAIN", "11", null, null, null, null), "value");
        refused(ProfileSection.MEASUREMENT, ProfileInput.measurement("WEIGHT", "70", "3", null, null, null), "value2");
        refused(ProfileSection.MEASUREMENT, ProfileInput.measurement("BLOOD_PRESSURE", "120", null, "mmHg", null,
                null), "value2");
        assertEquals(new BigDecimal("80"), check(ProfileSection.MEASUREMENT, ProfileInput.measurement(
                "BLOOD_PRESSURE", "120", "80", "mm[Hg]", null, null)).value2());

        ProfileEntry height = check(ProfileSection.MEASUREMENT, ProfileInput.measurement("HEIGHT", "1.80", null, "m",
                "2026-01-01", null)).recordedAs("h", "patient", NOW);
        ProfileEntry oldWeight = weight.recordedAs("w1", "patient", NOW.minusSeconds(60));
        assertNull(ProfileRules.bmi(List.of(oldWeight)).orElse(null));
        assertEquals(new BigDecimal("21.6"), ProfileRules.bmi(List.of(oldWeight, height)).orElseThrow());
        ProfileEntry later = check(ProfileSection.MEASUREMENT, ProfileInput.measurement("WEIGHT", "81", null, null,
                null, null)).recordedAs("w2", "patient", NOW);
        assertEquals(new BigDecimal("25.0"), ProfileRules.bmi(List.of(later, oldWeight, height)).orElseThrow(),
                "the latest weight");
    }
}
