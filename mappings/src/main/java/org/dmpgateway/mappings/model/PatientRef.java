package org.dmpgateway.mappings.model;

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

    /** The HL7v2 CX form used in XDS: {@code id^^^&oid&ISO}. */
    public String toCx() {
        return id + "^^^&" + authority + "&ISO";
    }

    @Override
    public String toString() {
        return toCx();
    }
}
