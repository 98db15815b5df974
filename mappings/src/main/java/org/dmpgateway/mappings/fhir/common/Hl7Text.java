package org.dmpgateway.mappings.fhir.common;

import java.util.ArrayList;
import java.util.List;

/**
 * The HL7v2 composite strings the internal model keeps (XCN, XON, CX, XTN): split into components
 * and sub-components, escaping of the delimiters, and assembly with trailing empty components
 * dropped, as IPF renders them.
 */
public final class Hl7Text {
    private Hl7Text() {
    }

    /** Component n (1-based) of a composite, unescaped; "" when absent. */
    public static String component(String composite, int n) {
        return unescape(raw(composite, n, '^'));
    }

    /** Sub-component m (1-based) of component n, unescaped; "" when absent. */
    public static String sub(String composite, int n, int m) {
        return unescape(raw(raw(composite, n, '^'), m, '&'));
    }

    private static String raw(String s, int n, char separator) {
        if (s == null) {
            return "";
        }
        int start = 0;
        for (int i = 1; i < n; i++) {
            int next = s.indexOf(separator, start);
            if (next < 0) {
                return "";
            }
            start = next + 1;
        }
        int end = s.indexOf(separator, start);
        return end < 0 ? s.substring(start) : s.substring(start, end);
    }

    /** Joins components (already escaped), dropping trailing empty ones. */
    public static String join(char separator, String... parts) {
        List<String> list = new ArrayList<>();
        for (String p : parts) {
            list.add(p == null ? "" : p);
        }
        while (!list.isEmpty() && list.get(list.size() - 1).isEmpty()) {
            list.remove(list.size() - 1);
        }
        return String.join(String.valueOf(separator), list);
    }

    /** The HL7v2 escape sequences of the delimiters. */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\E\\");
                case '^' -> out.append("\\S\\");
                case '&' -> out.append("\\T\\");
                case '~' -> out.append("\\R\\");
                case '|' -> out.append("\\F\\");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String unescape(String s) {
        if (s == null || s.indexOf('\\') < 0) {
            return s == null ? "" : s;
        }
        return s.replace("\\S\\", "^").replace("\\T\\", "&").replace("\\R\\", "~").replace("\\F\\", "|")
                .replace("\\E\\", "\\");
    }

    /** {@code &oid&ISO}, the assigning authority sub-components, or "" without OID. */
    public static String authority(String oid) {
        return oid == null || oid.isEmpty() ? "" : "&" + oid + "&ISO";
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
