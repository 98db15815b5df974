package org.dmpgateway.repository;

import org.dmpgateway.model.CodedValue;

import java.util.List;

/**
 * A stored fact of each document entry row: the confidentiality codes of the newest metadata
 * version of its document (the row of the same {@code logical_uuid} with the highest id; the
 * entry's own codes when it has no logicalUUID), in {@code document_entry.newest_confidentiality}
 * (migration V3_35). The visibility rule ({@link SqlSelect#visibility}: a masking code on the
 * newest version hides every version) reads it in the entry's own row, instead of two lookups per
 * entry (the newest version by logicalUUID, then its coded_value rows). Which codes mask stays
 * the core's rule ({@code DocumentVisibility.maskingCodes}); the column only says which codes the
 * newest version carries.
 *
 * <p>Kept in step by {@link SubmissionWriter}: a row is written with its own codes, and a row
 * inserted for a document that already has versions (a metadata update: same logicalUUID) writes
 * its codes into the older versions' rows too. Nothing else changes a stored version's codes.
 *
 * <p>Layout: {@code |token|token|}, one token per code, {@code code^system} or {@code code}
 * when the code has no system; {@code \}, {@code |} and {@code ^} inside a code or system are
 * written {@code \\}, {@code \p} and {@code \c}; {@code |} alone when the newest version has no
 * confidentiality code. A null column (a row the back-fill of V3_37 has not reached) is never
 * taken for "no code": the visibility test then counts the entry as masked (it fails closed).
 */
public final class NewestConfidentiality {
    /** The LIKE escape character of {@link #likePattern}. */
    static final char LIKE_ESCAPE = '!';

    private NewestConfidentiality() {
    }

    /** The column's text for these codes ({@code |} for none). */
    public static String write(List<CodedValue> codes) {
        return writeCodes(codes == null ? List.of() : codes.stream().map(c -> new String[]{c.code(), c.codeSystem()}).toList());
    }

    /** The column's text for these codes, each [code, system] ({@code |} for none). */
    static String writeCodes(List<String[]> codes) {
        StringBuilder text = new StringBuilder("|");
        for (String[] c : codes) {
            text.append(token(c[0], c[1])).append('|');
        }
        return text.toString();
    }

    /**
     * A LIKE pattern (escape {@value #LIKE_ESCAPE}) that matches the column when it holds this
     * code: the same code and the same system, or no system when {@code system} is null (as the
     * rule's code comparison: the display name is ignored).
     */
    static String likePattern(String code, String system) {
        String token = "|" + token(code, system) + "|";
        return "%" + token.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    private static String token(String code, String system) {
        return escape(code) + (system == null ? "" : "^" + escape(system));
    }

    private static String escape(String value) {
        if (value == null) {
            return "";
        }
        return value.replace("\\", "\\\\").replace("|", "\\p").replace("^", "\\c");
    }
}
