package org.dmpgateway.identity;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The VIHF attribute {@code Authentification_mode}: how the professional was authenticated. The
 * three values are those of the four official VIHF 3.0 example tokens (reference-examples/dmp-official/
 * Exemples_Jeton_VIHF): DIRECTE (the professional's own CPS / e-CPS card signs), INDIRECTE (a
 * structure's certificate signs for its professional) and INDIRECTE_RENFORCEE (the structure's
 * certificate, the professional authenticated with a strong means, "AIR").
 * <p>
 * The official DIRECTE tokens carry no {@code subject-id}: the card names the professional. Both
 * INDIRECTE tokens carry it, since the structure's certificate does not name its user.
 */
public enum AuthenticationMode {
    DIRECTE(false),
    INDIRECTE(true),
    INDIRECTE_RENFORCEE(true);

    /** The values, for error messages. */
    public static final String ALLOWED = Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));

    private final boolean requiresSubjectId;

    AuthenticationMode(boolean requiresSubjectId) {
        this.requiresSubjectId = requiresSubjectId;
    }

    /** Whether {@code urn:oasis:names:tc:xspa:1.0:subject:subject-id} must name the user. */
    public boolean requiresSubjectId() {
        return requiresSubjectId;
    }

    /** The mode of an attribute value (exact, case-sensitive, as in the official tokens), or null. */
    public static AuthenticationMode of(String value) {
        for (AuthenticationMode m : values()) {
            if (m.name().equals(value)) {
                return m;
            }
        }
        return null;
    }
}
