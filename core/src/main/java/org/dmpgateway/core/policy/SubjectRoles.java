package org.dmpgateway.core.policy;

import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.error.IdentityField;
import org.dmpgateway.model.CodedValue;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The caller's roles belong to the value set JDV_J65-SubjectRole-DMP: the first role (the
 * profession) is a code of TRE_G15 (professions), TRE_G16 (professions in training) or TRE_A00
 * (non-professional producers such as AUTOMATE); the second role, when given, is a code of TRE_R01
 * (savoir-faire) or TRE_G05 (CNOP sub-section). Checked once, in the core, for every protocol: the
 * VIHF attribute {@code urn:oasis:names:tc:xacml:2.0:subject:role} and the FHIR token's
 * {@code subject_role} claim both arrive here as the {@link AccessContext}'s profession and specialty.
 *
 * <p>Without this rule a typo (a wrong code system, an unknown code) matched no row of the
 * habilitation matrix and every query answered {@code Success} with no document. A role outside
 * the value set is refused IDENTITY_INVALID naming the value and what is expected, with the location
 * {@link IdentityField#SUBJECT_ROLE}, which each adapter renders as its own field (VIHF attribute,
 * token claim).
 * The patient-side role ({@link AccessContext#PATIENT_ROLE}) is the gateway's own and is not checked.
 */
public final class SubjectRoles {
    /** Code systems of a first role (profession), with their NOS names for the messages. */
    static final Map<String, String> PROFESSION_SYSTEMS = Map.of(
            "1.2.250.1.71.1.2.7", "TRE_G15-ProfessionSante",
            "1.2.250.1.71.1.2.8", "TRE_G16-ProfessionFormation",
            "1.2.250.1.213.1.1.4.6", "TRE_A00-ProducteurDocNonPS");
    /** Code systems of a second role (specialty). */
    static final Map<String, String> SPECIALTY_SYSTEMS = Map.of(
            "1.2.250.1.71.4.2.5", "TRE_R01-EnsembleSavoirFaire",
            "1.2.250.1.71.4.2.6", "TRE_G05-SousSectionTableauCNOP");

    private final Map<String, Set<String>> codesBySystem;
    private final Map<String, String> labels;
    private final String origin;

    private SubjectRoles(Map<String, Set<String>> codesBySystem, Map<String, String> labels, String origin) {
        this.codesBySystem = codesBySystem;
        this.labels = labels;
        this.origin = origin;
    }

    /** Reads {@code codeSystem;code;displayName} lines; a malformed line stops the start with its number. */
    public static SubjectRoles read(InputStream in, String origin) throws IOException {
        Map<String, Set<String>> codes = new HashMap<>();
        Map<String, String> labels = new HashMap<>();
        TerminologyFile.readLines(in, (number, f) -> {
            if (f.length < 2 || f[0].isBlank() || f[1].isBlank()) {
                throw new IllegalStateException(origin + " line " + number + ": expected codeSystem;code;displayName");
            }
            String system = f[0].strip();
            if (!PROFESSION_SYSTEMS.containsKey(system) && !SPECIALTY_SYSTEMS.containsKey(system)) {
                throw new IllegalStateException(origin + " line " + number + ": code system " + system
                        + " is neither a profession system " + PROFESSION_SYSTEMS.keySet()
                        + " nor a specialty system " + SPECIALTY_SYSTEMS.keySet());
            }
            codes.computeIfAbsent(system, s -> new HashSet<>()).add(f[1].strip());
            if (f.length > 2 && !f[2].isBlank()) {
                labels.put(system + "|" + f[1].strip(), f[2].strip());
            }
        });
        if (codes.isEmpty()) {
            throw new IllegalStateException(origin + " lists no role");
        }
        return new SubjectRoles(codes, labels, origin);
    }

    /** The shipped value set, {@code terminology/vihf-subject-roles.csv} of mappings/. */
    public static SubjectRoles shipped() {
        String path = "terminology/vihf-subject-roles.csv";
        try (InputStream in = SubjectRoles.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("classpath:" + path + " is missing");
            }
            return read(in, "classpath:" + path);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read classpath:" + path, e);
        }
    }

    public String origin() {
        return origin;
    }

    public int size() {
        return codesBySystem.values().stream().mapToInt(Set::size).sum();
    }

    /**
     * A profession code (first role) as the DMP lists it (TD1.6 {@code codeSpeciality}, e.g. {@code G15_10}:
     * the NOS table's short name and the code) and its label, or null when the code is in no profession system.
     */
    public Role profession(String code) {
        return find(code, PROFESSION_SYSTEMS);
    }

    /** A specialty code (second role, e.g. {@code SM26}) and its label, or null when unknown. */
    public Role specialty(String code) {
        return find(code, SPECIALTY_SYSTEMS);
    }

    private Role find(String code, Map<String, String> systems) {
        if (code == null) {
            return null;
        }
        return systems.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .filter(e -> codesBySystem.getOrDefault(e.getKey(), Set.of()).contains(code))
                .map(e -> new Role(e.getValue().substring(4, e.getValue().indexOf('-')), code,
                        labels.get(e.getKey() + "|" + code)))
                .findFirst().orElse(null);
    }

    /**
     * A role of the value set: its table's short name (e.g. {@code G15}, {@code R01}), its code and label.
     */
    public record Role(String table, String code, String label) {
    }

    /** Refuses a context whose profession or specialty is not in the value set (IDENTITY_INVALID). */
    public void requireKnown(AccessContext context) {
        if (context.isPatientSide()) {
            return;
        }
        require(context.profession(), "1st role (the profession)", PROFESSION_SYSTEMS);
        if (context.specialty() != null) {
            require(context.specialty(), "2nd role (the specialty)", SPECIALTY_SYSTEMS);
        }
    }

    private void require(CodedValue role, String which, Map<String, String> systems) {
        String value = "code=\"" + role.code() + "\" codeSystem=\"" + role.codeSystem() + "\"";
        if (!systems.containsKey(role.codeSystem())) {
            String hint = PROFESSION_SYSTEMS.containsKey(role.codeSystem())
                    ? " (a profession system: the profession comes first)"
                    : SPECIALTY_SYSTEMS.containsKey(role.codeSystem())
                    ? " (a specialty system: the specialty comes second, after the profession)" : "";
            throw refusal("the " + which + " of the caller's roles has " + value
                    + ": unknown code system" + hint + ", expected one of " + names(systems));
        }
        Set<String> codes = codesBySystem.getOrDefault(role.codeSystem(), Set.of());
        if (!codes.contains(role.code())) {
            throw refusal("the " + which + " of the caller's roles has " + value
                    + ": code '" + role.code() + "' is not in " + systems.get(role.codeSystem())
                    + " as listed by JDV_J65-SubjectRole-DMP (" + origin + ")");
        }
    }

    private static String names(Map<String, String> systems) {
        StringBuilder b = new StringBuilder();
        systems.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(e -> {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(e.getKey()).append(" (").append(e.getValue()).append(')');
        });
        return b.toString();
    }

    private static DmpException refusal(String message) {
        return new DmpException(DmpErrorCode.IDENTITY_INVALID, message, IdentityField.SUBJECT_ROLE.location());
    }
}
