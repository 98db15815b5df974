package org.dmpgateway.portal;

import jakarta.servlet.http.HttpServletResponse;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.account.AccountException;
import org.dmpgateway.model.profile.ContactRole;
import org.dmpgateway.model.profile.MeasureKind;
import org.dmpgateway.model.profile.MedicalProfile;
import org.dmpgateway.model.profile.ProfileEntry;
import org.dmpgateway.model.profile.ProfileInput;
import org.dmpgateway.model.profile.ProfileSection;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The signed-in patient's medical profile pages (/patient/espace/profil-medical,
 * docs/patient-pages.md): every section with its entries and the BMI the core computed, one page
 * per section to list, add, edit and remove an entry, and the PDF summary. The forms go to the core
 * through {@link ProfileCoreClient}; its refusal (in French, naming the field) is shown next to the
 * field. The pages decide nothing: the fields' hints only repeat the limits of docs/medical-profile.md.
 */
@Controller
@RequestMapping(PatientPagesProfile.PATH)
class PatientPagesProfile {
    static final String PATH = PatientPagesSpace.HOME + "/profil-medical";
    private static final String NOTICE = "notice";
    private static final String SECTION_VIEW = "patient/espace-profil-section";
    private static final String ENTRY_VIEW = "patient/espace-profil-entree";

    /** One input of a section's form: the {@link ProfileInput} field it fills, its French label and hint, its kind. */
    record Field(String name, String label, String hint, Kind kind) {
    }

    /** How a field is typed: a line of text, a longer text, the measure (a list) or the contact's role (radios). */
    enum Kind { TEXT, TEXTAREA, MEASURE, ROLE }

    /** A section as the pages show it: its path segment, the core's section, the fields of its form. */
    record Section(String slug, ProfileSection section, List<Field> fields) {
        public String label() {
            return section.label();
        }

        Map<String, String> labels() {
            return fields.stream().collect(Collectors.toMap(Field::name, Field::label));
        }
    }

    /** An entry as a line of the page: its id, the entry in French, who recorded it. */
    record Line(String id, String text, String author) {
        static Line of(ProfileEntry e) {
            return new Line(e.id(), ProfileSummaryPdf.describe(e), "patient".equals(e.author()) ? "Moi"
                    : "Professionnel de santé " + e.author());
        }
    }

    /** A choice of a list or of radios: its value and French label. */
    record Choice(String value, String label) {
    }

    private static final String YEAR_HINT = "Obligatoire, en 4 chiffres. Ex. : 2010.";
    private static final String DATE_HINT = "Au format AAAA-MM-JJ. Ex. : 2026-11-30.";
    private static final Field COMMENT = new Field("comment", "Commentaire", "3 000 caractères au plus.",
            Kind.TEXTAREA);

    static final List<Section> SECTIONS = List.of(
            new Section("maladies", ProfileSection.ILLNESS, List.of(
                    name("Maladie ou sujet de santé"), year("Année de début"), COMMENT)),
            new Section("traitements", ProfileSection.TREATMENT, List.of(
                    name("Nom du traitement"),
                    new Field("detail", "Posologie", "1 000 caractères au plus.", Kind.TEXTAREA),
                    year("Année de début"), COMMENT)),
            new Section("allergies", ProfileSection.ALLERGY, List.of(
                    name("Allergie"), year("Année de début"), COMMENT)),
            new Section("vaccinations", ProfileSection.VACCINATION, List.of(
                    name("Vaccin"),
                    new Field("date", "Date de la vaccination", "Obligatoire. " + DATE_HINT, Kind.TEXT),
                    new Field("detail", "Numéro de lot", "100 caractères au plus.", Kind.TEXT),
                    new Field("comment", "Commentaire", "1 000 caractères au plus.", Kind.TEXTAREA))),
            new Section("historique-de-soins", ProfileSection.CARE_HISTORY, List.of(
                    name("Hospitalisation ou intervention chirurgicale"), year("Année"), COMMENT)),
            new Section("mesures", ProfileSection.MEASUREMENT, List.of(
                    new Field("measure", "Mesure", null, Kind.MEASURE),
                    new Field("value", "Valeur", "Un nombre, avec une virgule ou un point. Ex. : 1,75.", Kind.TEXT),
                    new Field("value2", "Valeur diastolique (tension artérielle seulement)",
                            "Ex. : 80 pour une tension de 120/80.", Kind.TEXT),
                    new Field("unit", "Unité (facultative)",
                            "Celle de la mesure, indiquée dans la liste. Ex. : kg pour un poids.", Kind.TEXT),
                    new Field("date", "Date de la mesure", "Aujourd'hui si elle est vide. " + DATE_HINT, Kind.TEXT),
                    COMMENT)),
            new Section("entourage", ProfileSection.CONTACT, List.of(
                    name("Nom"), new Field("role", "Rôle", null, Kind.ROLE),
                    new Field("detail", "Téléphone", "De 6 à 20 chiffres. Ex. : 06 12 34 56 78.", Kind.TEXT),
                    COMMENT)),
            new Section("volontes", ProfileSection.WISH, List.of(
                    name("Titre"), new Field("comment", "Ma volonté", "Obligatoire, 3 000 caractères au plus.",
                            Kind.TEXTAREA))));

    private static final List<Choice> MEASURES = Arrays.stream(MeasureKind.values())
            .filter(m -> m != MeasureKind.BMI)
            .map(m -> new Choice(m.name(), m.label() + " (" + m.display() + ")")).toList();
    private static final List<Choice> ROLES = Arrays.stream(ContactRole.values())
            .map(r -> new Choice(r.name(), r.label())).toList();

    private final ProfileCoreClient core;

    PatientPagesProfile(ProfileCoreClient core) {
        this.core = core;
    }

    @GetMapping
    String profile(@AuthenticationPrincipal PatientRef patient, Model model) {
        MedicalProfile profile = core.profile(patient);
        Map<Section, List<Line>> lines = new LinkedHashMap<>();
        SECTIONS.forEach(s -> lines.put(s, profile.section(s.section()).stream().map(Line::of).toList()));
        model.addAttribute("sections", lines);
        model.addAttribute("bmi", bmi(profile));
        return "patient/espace-profil";
    }

    @GetMapping("/synthese.pdf")
    ResponseEntity<byte[]> summary(@AuthenticationPrincipal PatientRef patient) {
        return ProfileSummaryPdf.download(patient, core.profile(patient), Instant.now());
    }

    @GetMapping("/{slug}")
    String section(@AuthenticationPrincipal PatientRef patient, @PathVariable String slug, Model model) {
        return sectionPage(patient, section(slug), Map.of(), model);
    }

    @PostMapping("/{slug}")
    String add(@AuthenticationPrincipal PatientRef patient, @PathVariable String slug,
               @RequestParam Map<String, String> form, Model model, HttpServletResponse response,
               RedirectAttributes redirect) {
        Section section = section(slug);
        try {
            ProfileEntry added = core.add(patient, section.section().name(), input(form));
            redirect.addFlashAttribute(NOTICE, "Ajouté à « " + section.label() + " » : "
                    + ProfileSummaryPdf.describe(added) + ".");
            return "redirect:" + PATH + "/" + slug;
        } catch (AccountException refused) {
            PatientPageErrors.show(refused, section.labels(), model, response);
            return sectionPage(patient, section, PatientPageForms.typed(form), model);
        }
    }

    @GetMapping("/entrees/{id}")
    String entry(@AuthenticationPrincipal PatientRef patient, @PathVariable String id, Model model) {
        ProfileEntry entry = core.profile(patient).entries().stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return entryPage(entry.id(), section(entry.section()), typed(entry), model);
    }

    @PostMapping("/entrees/{id}")
    String replace(@AuthenticationPrincipal PatientRef patient, @PathVariable String id,
                   @RequestParam Map<String, String> form, Model model, HttpServletResponse response,
                   RedirectAttributes redirect) {
        Section section = section(form.getOrDefault("slug", ""));
        try {
            ProfileEntry changed = core.replace(patient, id, input(form));
            Section stored = section(changed.section());
            redirect.addFlashAttribute(NOTICE, "Modifié : " + ProfileSummaryPdf.describe(changed) + ".");
            return "redirect:" + PATH + "/" + stored.slug();
        } catch (AccountException refused) {
            PatientPageErrors.show(refused, section.labels(), model, response);
            return entryPage(id, section, PatientPageForms.typed(form), model);
        }
    }

    @PostMapping("/entrees/{id}/suppression")
    String remove(@AuthenticationPrincipal PatientRef patient, @PathVariable String id,
                  @RequestParam(required = false) String slug, RedirectAttributes redirect) {
        try {
            core.remove(patient, id);
            redirect.addFlashAttribute(NOTICE, "L'information est supprimée de votre profil médical.");
        } catch (AccountException refused) {
            redirect.addFlashAttribute(PatientPageErrors.ATTRIBUTE, PatientPageErrors.of(refused));
        }
        return "redirect:" + PATH + (slug == null || slug.isBlank() ? "" : "/" + section(slug).slug());
    }

    // ------------------------------------------------------------------ helpers

    private String sectionPage(PatientRef patient, Section section, Map<String, String> typed, Model model) {
        MedicalProfile profile = core.profile(patient);
        model.addAttribute("section", section);
        model.addAttribute("lines", profile.section(section.section()).stream().map(Line::of).toList());
        model.addAttribute("bmi", section.section() == ProfileSection.MEASUREMENT ? bmi(profile) : null);
        choices(model);
        model.addAttribute(PatientPageForms.FORM, typed);
        return SECTION_VIEW;
    }

    private static String entryPage(String id, Section section, Map<String, String> typed, Model model) {
        model.addAttribute("section", section);
        model.addAttribute("entryId", id);
        choices(model);
        model.addAttribute(PatientPageForms.FORM, typed);
        return ENTRY_VIEW;
    }

    private static void choices(Model model) {
        model.addAttribute("measures", MEASURES);
        model.addAttribute("roles", ROLES);
    }

    /** The BMI the core computed, in French ("22,9 kg/m²"), or null. */
    private static String bmi(MedicalProfile profile) {
        return profile.bmi() == null ? null : ProfileSummaryPdf.decimal(profile.bmi()) + " "
                + MeasureKind.BMI.display();
    }

    private static Section section(String slug) {
        return SECTIONS.stream().filter(s -> s.slug().equals(slug)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static Section section(ProfileSection section) {
        return SECTIONS.stream().filter(s -> s.section() == section).findFirst().orElseThrow();
    }

    /** The form as the core's input: every value as typed, an empty one absent. */
    private static ProfileInput input(Map<String, String> form) {
        return new ProfileInput(value(form, "name"), value(form, "detail"), value(form, "startYear"),
                value(form, "date"), value(form, "comment"), value(form, "role"), value(form, "measure"),
                value(form, "value"), value(form, "value2"), value(form, "unit"));
    }

    private static String value(Map<String, String> form, String field) {
        return PatientPageForms.blankToNull(form.get(field));
    }

    /** A stored entry as its form shows it. */
    private static Map<String, String> typed(ProfileEntry e) {
        Map<String, String> form = new HashMap<>();
        put(form, "name", e.name());
        put(form, "detail", e.detail());
        put(form, "startYear", e.startYear());
        put(form, "date", e.date());
        put(form, "comment", e.comment());
        put(form, "role", e.role() == null ? null : e.role().name());
        put(form, "measure", e.measure() == null ? null : e.measure().name());
        put(form, "value", plain(e.value()));
        put(form, "value2", plain(e.value2()));
        put(form, "unit", e.measure() == null ? null : e.measure().display());
        return form;
    }

    private static void put(Map<String, String> form, String field, Object value) {
        if (value != null) {
            form.put(field, value.toString());
        }
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : ProfileSummaryPdf.decimal(value);
    }

    private static Field name(String label) {
        return new Field("name", label, "Obligatoire, 50 caractères au plus.", Kind.TEXT);
    }

    private static Field year(String label) {
        return new Field("startYear", label, YEAR_HINT, Kind.TEXT);
    }
}
