package org.dmpgateway.model.account;

import org.dmpgateway.model.PatientRef;

import java.time.Instant;

/**
 * A minor's profile attached to a legal representative's account (dmp-rules.md section 1,
 * "Minors"): {@code id} is the profile's identifier for this representative; {@code invitedBy} the
 * representative who shared the profile (null for the one who activated it); {@code acceptedAt}
 * null while the invitation waits for the invited representative.
 */
public record LegalRepresentation(String id, PatientRef child, PatientRef representative, PatientRef invitedBy,
                                  Instant since, Instant acceptedAt) {

    public LegalRepresentation {
        if (id == null || child == null || representative == null || since == null) {
            throw new IllegalArgumentException("a legal representation needs its id, the child, the representative "
                    + "and its date");
        }
    }

    public boolean accepted() {
        return acceptedAt != null;
    }

    public LegalRepresentation withAccepted(Instant when) {
        return new LegalRepresentation(id, child, representative, invitedBy, since, when);
    }
}
