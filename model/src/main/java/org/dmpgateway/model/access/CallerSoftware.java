package org.dmpgateway.model.access;

/**
 * The software that sends a request on the professional's behalf, as the identity declares it, kept
 * with every line of the record's history (issue 21).
 *
 * @param name           "LPS_Nom LPS_Version" (VIHF), or the bearer token's {@code software} claim
 * @param installationId the installation or serial identifier of the software (VIHF {@code LPS_ID})
 * @param homologation   the software's DMP homologation number (VIHF {@code LPS_ID_HOMOLOGATION_DMP})
 */
public record CallerSoftware(String name, String installationId, String homologation) {

    public CallerSoftware {
        name = blankToNull(name);
        installationId = blankToNull(installationId);
        homologation = blankToNull(homologation);
    }

    /** The software of these parts, or null when none is given. */
    public static CallerSoftware of(String name, String installationId, String homologation) {
        CallerSoftware software = new CallerSoftware(name, installationId, homologation);
        return software.isEmpty() ? null : software;
    }

    /** A software known only by its name and version. */
    public static CallerSoftware named(String name) {
        return of(name, null, null);
    }

    public boolean isEmpty() {
        return name == null && installationId == null && homologation == null;
    }

    /**
     * One line for logs, e.g. {@code LPS GIE-SV 1 (LPS_ID 01.01.01.01, LPS_ID_HOMOLOGATION_DMP NumAutorisation)}.
     */
    @Override
    public String toString() {
        StringBuilder ids = new StringBuilder();
        if (installationId != null) {
            ids.append("LPS_ID ").append(installationId);
        }
        if (homologation != null) {
            ids.append(ids.isEmpty() ? "" : ", ").append("LPS_ID_HOMOLOGATION_DMP ").append(homologation);
        }
        if (ids.isEmpty()) {
            return name == null ? "" : name;
        }
        return (name == null ? "" : name + " ") + "(" + ids + ")";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
