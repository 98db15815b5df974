package org.dmpgateway.model;

import java.util.regex.Pattern;


/**
 * A patient identifier: the INS matricule (or any id) and the OID of its assigning authority
 * (1.2.250.1.213.1.4.8 INS-NIR, .9 INS-NIA, .10 INS-NIR-TEST, .11 INS-NIR-DEMO).
 */
public record PatientRef(String id, String authority) {
    public PatientRef {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a patient identifier needs a value");
        }
        if (authority == null || authority.isBlank()) {
            throw new IllegalArgumentException("a patient identifier needs an assigning authority OID");
        }
    }

    private static final Pattern OID = Pattern.compile("[0-2](\\.(0|[1-9][0-9]*))+");

    /**
     * Reads the CX form {@code INS^^^&OID&ISO^NH} (VIHF resource-id, FHIR token claim): the INS and
     * its authority's OID. The INS key is the core's business.
     *
     * @throws IllegalArgumentException when the value is not such a CX
     */
    public static PatientRef fromCx(String cx) {
        String[] components = cx == null ? new String[0] : cx.split("\\^", -1);
        String[] authority = components.length >= 4 ? components[3].split("&", -1) : new String[0];
        String id = components.length == 0 ? "" : components[0].trim();
        if (id.isEmpty() || authority.length < 3 || !OID.matcher(authority[1]).matches()
                || !"ISO".equals(authority[2])) {
            throw new IllegalArgumentException("not a patient CX INS^^^&OID&ISO^NH: '" + cx + "'");
        }
        return new PatientRef(id, authority[1]);
    }

    /** The HL7v2 CX form used in XDS: {@code id^^^&oid&ISO}. */
    public String toCx() {
        return id + "^^^&" + authority + "&ISO";
    }

    @Override
    public String toString() {
        return toCx();
    }
}
