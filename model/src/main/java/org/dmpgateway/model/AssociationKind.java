package org.dmpgateway.model;

/** Association types of XDS, with their ebRIM URNs. */
public enum AssociationKind {
    HAS_MEMBER("urn:oasis:names:tc:ebxml-regrep:AssociationType:HasMember"),
    REPLACE("urn:ihe:iti:2007:AssociationType:RPLC"),
    TRANSFORM("urn:ihe:iti:2007:AssociationType:XFRM"),
    APPEND("urn:ihe:iti:2007:AssociationType:APND"),
    TRANSFORM_AND_REPLACE("urn:ihe:iti:2007:AssociationType:XFRM_RPLC"),
    SIGNS("urn:ihe:iti:2007:AssociationType:signs"),
    IS_SNAPSHOT_OF("urn:ihe:iti:2010:AssociationType:IsSnapshotOf"),
    UPDATE_AVAILABILITY_STATUS("urn:ihe:iti:2010:AssociationType:UpdateAvailabilityStatus"),
    SUBMIT_ASSOCIATION("urn:ihe:iti:2010:AssociationType:SubmitAssociation");

    private final String urn;

    AssociationKind(String urn) {
        this.urn = urn;
    }

    public String urn() {
        return urn;
    }

    /** True for the document relationships (RPLC, XFRM, APND, XFRM_RPLC, signs, IsSnapshotOf). */
    public boolean isDocumentRelationship() {
        return this != HAS_MEMBER && this != UPDATE_AVAILABILITY_STATUS && this != SUBMIT_ASSOCIATION;
    }

    /** True when the source replaces the target (RPLC, XFRM_RPLC). */
    public boolean isReplacement() {
        return this == REPLACE || this == TRANSFORM_AND_REPLACE;
    }

    public static AssociationKind fromUrn(String urn) {
        for (AssociationKind k : values()) {
            if (k.urn.equals(urn)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown association type " + urn);
    }
}
