package org.dmpgateway.core.profile;

import org.dmpgateway.model.profile.ContactRole;
import org.dmpgateway.model.profile.MeasureKind;
import org.dmpgateway.model.profile.MedicalProfile;
import org.dmpgateway.model.profile.ProfileEntry;
import org.dmpgateway.model.profile.ProfileInput;
import org.dmpgateway.model.profile.ProfileSection;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The medical profile's field rules (docs/sources/dmp-rules.md section 5, "Field limits seen in the
 * forms"): names 50 characters, dosage 1,000, comments 3,000 (1,000 for vaccinations), lot number
 * 100, the start year mandatory; a measurement of a known kind, in its unit, within plausible bounds;
 * the body mass index computed, never typed. Messages in French, each naming its field; the
 * {@link Refusal} turns them into the side's own refusal (patient or professional).
 */
public final class ProfileRules {
    public static final int NAME_MAX = 50;
    public static final int DOSAGE_MAX = 1_000;
    public static final int COMMENT_MAX = 3_000;
    public static final int VACCINATION_COMMENT_MAX = 1_000;
    public static final int LOT_NUMBER_MAX = 100;
    static final int FIRST_YEAR = 1900;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** Oldest first: by date (vaccination, measurement), then by the time it was recorded. */
    private static final Comparator<ProfileEntry> CHRONOLOGICAL = Comparator
            .comparing(ProfileEntry::date, Comparator.nullsFirst(Comparator.<LocalDate>naturalOrder()))
            .thenComparing(ProfileEntry::recorded, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()));
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 .]{5,19}");

    /** How a broken rule is refused: the field's name and the French message. */
    @FunctionalInterface
    public interface Refusal {
        RuntimeException refuse(String field, String message);
    }

    private ProfileRules() {
    }

    /** The section named {@code typed} (case-insensitive), refused naming {@code section} otherwise. */
    public static ProfileSection section(String typed, Refusal refusal) {
        if (typed != null) {
            try {
                return ProfileSection.valueOf(typed.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                // refused below
            }
        }
        throw refusal.refuse("section", "section inconnue « " + typed + " » ; sections du profil médical : "
                + String.join(", ", List.of(ProfileSection.values()).stream().map(Enum::name).toList()) + ".");
    }

    /** The entry {@code input} describes in {@code section}, checked; id, author and time left null. */
    public static ProfileEntry check(ProfileSection section, ProfileInput input, Instant now, Refusal refusal) {
        if (input == null) {
            throw refusal.refuse("body", "le corps de la requête doit décrire l'élément du profil médical.");
        }
        LocalDate today = now.atZone(PARIS).toLocalDate();
        return switch (section) {
            case ILLNESS, ALLERGY, CARE_HISTORY -> new ProfileEntry(null, section,
                    name(input, section, refusal), null, startYear(input, today, refusal), null,
                    text(input.comment(), "comment", "Le commentaire", COMMENT_MAX, refusal), null, null, null, null,
                    null, null);
            case TREATMENT -> new ProfileEntry(null, section, name(input, section, refusal),
                    text(input.detail(), "detail", "La posologie", DOSAGE_MAX, refusal),
                    startYear(input, today, refusal), null,
                    text(input.comment(), "comment", "Le commentaire", COMMENT_MAX, refusal), null, null, null, null,
                    null, null);
            case VACCINATION -> new ProfileEntry(null, section, name(input, section, refusal),
                    text(input.detail(), "detail", "Le numéro de lot", LOT_NUMBER_MAX, refusal), null,
                    date(input.date(), today, true, refusal),
                    text(input.comment(), "comment", "Le commentaire", VACCINATION_COMMENT_MAX, refusal), null, null,
                    null, null, null, null);
            case CONTACT -> new ProfileEntry(null, section, name(input, section, refusal),
                    phone(input.detail(), refusal), null, null,
                    text(input.comment(), "comment", "Le commentaire", COMMENT_MAX, refusal), role(input, refusal),
                    null, null, null, null, null);
            case WISH -> new ProfileEntry(null, section, name(input, section, refusal), null, null, null,
                    required(text(input.comment(), "comment", "Le texte de la volonté", COMMENT_MAX, refusal),
                            "comment", "Le texte de la volonté", refusal), null, null, null, null, null, null);
            case MEASUREMENT -> measurement(input, today, refusal);
        };
    }

    /**
     * The body mass index (kg/m², one decimal, half up) of the latest weight and the latest height
     * of {@code entries}; empty without both.
     */
    public static Optional<BigDecimal> bmi(List<ProfileEntry> entries) {
        Optional<ProfileEntry> weight = latest(entries, MeasureKind.WEIGHT);
        Optional<ProfileEntry> height = latest(entries, MeasureKind.HEIGHT);
        if (weight.isEmpty() || height.isEmpty() || height.get().value().signum() <= 0) {
            return Optional.empty();
        }
        BigDecimal h = height.get().value();
        return Optional.of(weight.get().value().divide(h.multiply(h), MathContext.DECIMAL64)
                .setScale(1, RoundingMode.HALF_UP));
    }

    /** The profile of stored entries: sections in order, newest first within each, BMI computed. */
    public static MedicalProfile profile(List<ProfileEntry> entries) {
        List<ProfileEntry> sorted = entries.stream()
                .sorted(Comparator.comparing(ProfileEntry::section)
                        .thenComparing(CHRONOLOGICAL.reversed()))
                .toList();
        return new MedicalProfile(sorted, bmi(entries).orElse(null));
    }

    private static Optional<ProfileEntry> latest(List<ProfileEntry> entries, MeasureKind kind) {
        return entries.stream().filter(e -> e.section() == ProfileSection.MEASUREMENT && e.measure() == kind
                && e.value() != null).max(CHRONOLOGICAL);
    }

    private static ProfileEntry measurement(ProfileInput input, LocalDate today, Refusal refusal) {
        String typed = required(input.measure(), "measure", "Le type de mesure", refusal);
        MeasureKind kind;
        try {
            kind = MeasureKind.valueOf(typed.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw refusal.refuse("measure", "type de mesure inconnu « " + typed + " » ; types : "
                    + String.join(", ", List.of(MeasureKind.values()).stream().filter(k -> k != MeasureKind.BMI)
                    .map(Enum::name).toList()) + ".");
        }
        if (kind == MeasureKind.BMI) {
            throw refusal.refuse("measure", "l'IMC n'est pas saisi : il est calculé à partir du poids et de la taille.");
        }
        if (input.unit() != null && !input.unit().isBlank() && !input.unit().strip().equals(kind.ucum())
                && !input.unit().strip().equals(kind.display())) {
            throw refusal.refuse("unit", "la mesure « " + kind.label() + " » est en " + kind.display() + " (UCUM "
                    + kind.ucum() + "), pas en « " + input.unit().strip() + " ».");
        }
        String what = kind == MeasureKind.BLOOD_PRESSURE ? "La pression systolique" : "La valeur";
        BigDecimal value = number(input.value(), "value", what, kind, refusal);
        BigDecimal value2 = null;
        if (kind == MeasureKind.BLOOD_PRESSURE) {
            value2 = number(input.value2(), "value2", "La pression diastolique", kind, refusal);
            if (value2.compareTo(value) >= 0) {
                throw refusal.refuse("value2", "la pression diastolique (" + value2.toPlainString()
                        + " mmHg) doit être inférieure à la pression systolique (" + value.toPlainString() + " mmHg).");
            }
        } else if (input.value2() != null && !input.value2().isBlank()) {
            throw refusal.refuse("value2", "une seule valeur pour la mesure « " + kind.label() + " » (value2 ne sert "
                    + "qu'à la pression diastolique).");
        }
        if ((kind == MeasureKind.PAIN || kind == MeasureKind.STEPS) && value.stripTrailingZeros().scale() > 0) {
            throw refusal.refuse("value", "la mesure « " + kind.label() + " » est un nombre entier.");
        }
        LocalDate date = date(input.date(), today, false, refusal);
        return new ProfileEntry(null, ProfileSection.MEASUREMENT, kind.label(), null, null,
                date == null ? today : date, text(input.comment(), "comment", "Le commentaire", COMMENT_MAX, refusal),
                null, kind, value, value2, null, null);
    }

    private static BigDecimal number(String typed, String field, String what, MeasureKind kind, Refusal refusal) {
        String text = required(typed, field, what, refusal).replace(',', '.');
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw refusal.refuse(field, "« " + typed + " » n'est pas un nombre (en " + kind.display() + ").");
        }
        if (value.compareTo(kind.min()) < 0 || value.compareTo(kind.max()) > 0) {
            throw refusal.refuse(field, what.toLowerCase(Locale.FRENCH) + " (" + kind.label() + ") est en "
                    + kind.display() + " et va de " + kind.min().toPlainString() + " à " + kind.max().toPlainString()
                    + " ; « " + typed + " » est hors limites.");
        }
        return value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros();
    }

    private static String name(ProfileInput input, ProfileSection section, Refusal refusal) {
        String what = switch (section) {
            case ILLNESS -> "Le nom de la maladie";
            case TREATMENT -> "Le nom du médicament";
            case ALLERGY -> "Le nom de l'allergie";
            case VACCINATION -> "Le nom du vaccin";
            case CARE_HISTORY -> "Le nom de l'hospitalisation ou de l'intervention";
            case CONTACT -> "Le nom du contact";
            case WISH -> "Le titre de la volonté";
            case MEASUREMENT -> "Le nom";
        };
        return required(text(input.name(), "name", what, NAME_MAX, refusal), "name", what, refusal);
    }

    private static Integer startYear(ProfileInput input, LocalDate today, Refusal refusal) {
        String typed = required(input.startYear(), "startYear", "L'année de début", refusal);
        int year;
        try {
            year = Integer.parseInt(typed.strip());
        } catch (NumberFormatException e) {
            throw refusal.refuse("startYear", "l'année de début s'écrit sur quatre chiffres (par exemple 2019), pas « "
                    + typed + " ».");
        }
        if (year < FIRST_YEAR || year > today.getYear()) {
            throw refusal.refuse("startYear", "l'année de début va de " + FIRST_YEAR + " à " + today.getYear()
                    + ", pas " + year + ".");
        }
        return year;
    }

    private static LocalDate date(String typed, LocalDate today, boolean mandatory, Refusal refusal) {
        if (typed == null || typed.isBlank()) {
            if (mandatory) {
                throw refusal.refuse("date", "La date est obligatoire (AAAA-MM-JJ).");
            }
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(typed.strip());
        } catch (DateTimeParseException e) {
            throw refusal.refuse("date", "la date s'écrit AAAA-MM-JJ (par exemple 2026-03-15), pas « " + typed + " ».");
        }
        if (date.isAfter(today) || date.getYear() < FIRST_YEAR) {
            throw refusal.refuse("date", "la date doit être passée (au plus tard le " + today + "), pas " + date + ".");
        }
        return date;
    }

    private static ContactRole role(ProfileInput input, Refusal refusal) {
        String typed = required(input.role(), "role", "Le rôle du contact", refusal);
        try {
            return ContactRole.valueOf(typed.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw refusal.refuse("role", "rôle inconnu « " + typed + " » ; rôles : EMERGENCY_CONTACT (personne à "
                    + "prévenir), TRUSTED_PERSON (personne de confiance), CARER (aidant).");
        }
    }

    private static String phone(String typed, Refusal refusal) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String phone = typed.strip();
        if (!PHONE.matcher(phone).matches()) {
            throw refusal.refuse("detail", "le téléphone du contact s'écrit en chiffres (6 à 20, par exemple "
                    + "06 12 34 56 78), pas « " + typed + " ».");
        }
        return phone;
    }

    private static String text(String typed, String field, String what, int max, Refusal refusal) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String value = typed.strip();
        if (value.codePointCount(0, value.length()) > max) {
            throw refusal.refuse(field, what + " fait au plus " + max + " caractères (" + value.codePointCount(0,
                    value.length()) + " saisis).");
        }
        return value;
    }

    private static String required(String value, String field, String what, Refusal refusal) {
        if (value == null || value.isBlank()) {
            throw refusal.refuse(field, what + " est obligatoire.");
        }
        return value.strip();
    }
}
