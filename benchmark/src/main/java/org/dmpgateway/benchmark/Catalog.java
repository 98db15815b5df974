package org.dmpgateway.benchmark;

import java.util.List;

/**
 * The metadata values of the synthetic DMP documents: the same codes, authors and shapes in the
 * harness's ITI-41 requests and in the bulk loader's rows, so that loaded rows are those the server
 * would have written for an equivalent submission (see {@link RegistryRows}).
 */
final class Catalog {
    /** The professional every request of the harness comes from (the VIHF NameID). */
    static final String ACTOR_ID = "810002345678";
    static final String ACTOR_NAME = "DURANT, Romuald";
    static final String ACTOR_CONSENT_NAME = "DURANT Romuald";
    static final String ACTOR_FAMILY = "DURANT";
    static final String ACTOR_GIVEN = "Romuald";
    static final String STRUCTURE_ID = "1750100125";

    static final String REPOSITORY_UNIQUE_ID_DEFAULT = "2.25.211537254915358815470183436004163384337";
    static final String SOURCE_ID = "1.2.250.1.999.1.1";

    record Code(String code, String system, String display) {
    }

    static final Code CONF_NORMAL = new Code("N", "2.16.840.1.113883.5.25", "Normal");
    static final Code CONF_MASQUE_PS = new Code("MASQUE_PS", "1.2.250.1.213.1.1.4.13", "Masqué aux professionnels de santé");

    static final List<Code> CLASS_CODES = List.of(
            new Code("10", "1.2.250.1.213.1.1.4.1", "Compte rendu"),
            new Code("11", "1.2.250.1.213.1.1.4.1", "Synthèse"),
            new Code("31", "1.2.250.1.213.1.1.4.1", "Imagerie médicale"),
            new Code("42", "1.2.250.1.213.1.1.4.1", "Prescription"));
    /** One type per class above, same index. */
    static final List<Code> TYPE_CODES = List.of(
            new Code("11488-4", "2.16.840.1.113883.6.1", "CR ou fiche de consultation ou de visite"),
            new Code("34133-9", "2.16.840.1.113883.6.1", "Synthèse d'épisode de soin"),
            new Code("18748-4", "2.16.840.1.113883.6.1", "CR d'imagerie médicale"),
            new Code("57833-6", "2.16.840.1.113883.6.1", "Prescription de produits de santé"));
    static final List<Code> FORMAT_CODES = List.of(
            new Code("urn:ihe:iti:xds-sd:pdf:2008", "1.3.6.1.4.1.19376.1.2.3", "Document à corps non structuré en PDF"),
            new Code("urn:ihe:iti:xds-sd:text:2008", "1.3.6.1.4.1.19376.1.2.3", "Document à corps non structuré en texte"));
    /** One MIME type per format above, same index. */
    static final List<String> MIME_TYPES = List.of("application/pdf", "text/plain");
    static final List<Code> FACILITY_CODES = List.of(
            new Code("SA07", "1.2.250.1.71.4.2.4", "Cabinet individuel"),
            new Code("SA01", "1.2.250.1.71.4.2.4", "Etablissement Public de santé"),
            new Code("SA05", "1.2.250.1.71.4.2.4", "Centre de santé"));
    static final List<Code> PRACTICE_CODES = List.of(
            new Code("AMBULATOIRE", "1.2.250.1.213.1.1.4.9", "Ambulatoire"),
            new Code("ETABLISSEMENT", "1.2.250.1.213.1.1.4.9", "Etablissement de santé"));
    static final List<Code> EVENT_CODES = List.of(
            new Code("GLYC", "1.2.250.1.213.2.5", "Glycémie"),
            new Code("HTA", "1.2.250.1.213.2.5", "Hypertension artérielle"));
    static final Code CONTENT_TYPE = new Code("04", "1.2.250.1.213.3.3.65", "Hospitalisation de jour");

    static final String PERSON_AUTHORITY = "1.2.250.1.71.4.2.1";
    static final String INSTITUTION_AUTHORITY = "1.2.250.1.71.4.2.2";
    static final String ROLE = "10^^^&1.2.250.1.71.1.2.7&ISO";
    static final String SPECIALTY = "G15_10/SM54^^^&1.2.250.1.213.1.1.4.5&ISO";

    static final List<String> FAMILY_NAMES = List.of("MARTIN", "BERNARD", "THOMAS", "PETIT", "ROBERT", "RICHARD",
            "DURAND", "DUBOIS", "MOREAU", "LAURENT", "SIMON", "MICHEL", "LEFEBVRE", "LEROY", "ROUX", "DAVID");
    static final List<String> GIVEN_NAMES = List.of("Marie", "Jean", "Pierre", "Michel", "Anne", "Nathalie", "Paul",
            "Sophie", "Luc", "Claire", "Louis", "Julie", "Hugo", "Emma", "Lucas", "Chloé");

    private Catalog() {
    }

    /** The author person of professional number n (0 is the harness's own professional). */
    static String authorPerson(int n) {
        if (n == 0) {
            return ACTOR_ID + "^" + ACTOR_FAMILY + "^" + ACTOR_GIVEN + "^^^^^^&" + PERSON_AUTHORITY + "&ISO";
        }
        return actorId(n) + "^" + FAMILY_NAMES.get(n % FAMILY_NAMES.size()) + "^"
                + GIVEN_NAMES.get((n / FAMILY_NAMES.size()) % GIVEN_NAMES.size()) + "^^^^^^&" + PERSON_AUTHORITY + "&ISO";
    }

    /** "Nom, Prénom" of professional n, as the VIHF subject-id gives it. */
    static String actorName(int n) {
        String[] xcn = authorPerson(n).split("\\^");
        return xcn[1] + ", " + xcn[2];
    }

    static String actorId(int n) {
        return n == 0 ? ACTOR_ID : String.valueOf(810_100_000_000L + n);
    }

    /** The author institution (XON) of professional n. */
    static String authorInstitution(int n) {
        return "CABINET MEDICAL " + n + "^^^^^&" + INSTITUTION_AUTHORITY + "&ISO^^^^" + (401_234_560_000_000L + n);
    }

    static String sourcePatientId(String ins) {
        return "IPP-" + ins.substring(3, 13) + "^^^&1.2.250.1.999.2&ISO";
    }

    /** sourcePatientInfo lines (PID-3, PID-5, PID-7, PID-8) as the DMP asks them. */
    static List<String> sourcePatientInfo(String ins, String family, String given, String birthDate, String gender) {
        return List.of("PID-3|" + ins + "^^^&" + Ins.AUTHORITY + "&ISO^NH", "PID-5|" + family + "^" + given + "^^^^^L",
                "PID-7|" + birthDate, "PID-8|" + gender);
    }
}
