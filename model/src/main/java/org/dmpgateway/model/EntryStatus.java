package org.dmpgateway.model;

/**
 * Availability status of a registry object, with the ebRIM / CI-SIS URNs
 * (JDV_J52-AvailabilityStatus-CISIS).
 */
public enum EntryStatus {
    SUBMITTED("urn:oasis:names:tc:ebxml-regrep:StatusType:Submitted"),
    APPROVED("urn:oasis:names:tc:ebxml-regrep:StatusType:Approved"),
    DEPRECATED("urn:oasis:names:tc:ebxml-regrep:StatusType:Deprecated"),
    /** CI-SIS: archived and current. */
    ARCHIVED("urn:asip:ci-sis:2010:StatusType:Archived"),
    /** CI-SIS: logically deleted (unpublished). */
    DELETED("urn:asip:ci-sis:2010:StatusType:Deleted");

    private final String urn;

    EntryStatus(String urn) {
        this.urn = urn;
    }

    public String urn() {
        return urn;
    }

    public static EntryStatus fromUrn(String urn) {
        for (EntryStatus s : values()) {
            if (s.urn.equals(urn)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown availability status " + urn);
    }
}
