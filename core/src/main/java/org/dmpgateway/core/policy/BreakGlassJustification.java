package org.dmpgateway.core.policy;

import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.access.AccessMode;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.error.IdentityField;

/**
 * The break-glass justification rule (docs/sources/dmp-rules.md section 3: "giving ... a justification"): the
 * justification ({@link IdentityField#ACCESS_REASON}; each adapter names its own field) must say something.
 * It is normalised first: format characters (Unicode category Cf: zero-width space, joiners, BOM,
 * bidirectional marks...) are removed, every run of Unicode white space (non-breaking spaces, the
 * other Zs spaces, line breaks) becomes one space, and the ends are trimmed. What is left must hold
 * at least {@code dmp.policy.break-glass-min-length} characters, a letter among them.
 */
public final class BreakGlassJustification {
    /** The default of {@code dmp.policy.break-glass-min-length}. */
    public static final int DEFAULT_MIN_LENGTH = 10;

    private BreakGlassJustification() {
    }

    /** The justification as the rule reads it: format characters removed, white space collapsed, trimmed. */
    public static String normalise(String justification) {
        if (justification == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(justification.length());
        boolean space = false;
        for (int i = 0; i < justification.length(); ) {
            int c = justification.codePointAt(i);
            i += Character.charCount(c);
            if (Character.getType(c) == Character.FORMAT) {
                continue;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = true;
                continue;
            }
            if (space && !out.isEmpty()) {
                out.append(' ');
            }
            space = false;
            out.appendCodePoint(c);
        }
        return out.toString();
    }

    /** Refuses a break-glass access whose justification, normalised, is shorter than {@code minLength} or has no letter. */
    static void require(AccessContext context, int minLength) {
        String normalised = normalise(context.justification());
        int length = normalised.codePointCount(0, normalised.length());
        boolean hasLetter = normalised.codePoints().anyMatch(Character::isLetter);
        if (length < minLength || !hasLetter) {
            String why = normalised.isEmpty() ? "none was given (spaces and invisible characters do not count)"
                    : "'" + normalised + "' has " + length + " characters" + (hasLetter ? "" : " and no letter");
            throw new DmpException(DmpErrorCode.BREAK_GLASS_JUSTIFICATION_MISSING, "access mode "
                    + AccessMode.BREAK_GLASS.code() + " needs a justification of at least " + minLength
                    + " characters with words (dmp.policy.break-glass-min-length): " + why,
                    IdentityField.ACCESS_REASON.location());
        }
    }
}
