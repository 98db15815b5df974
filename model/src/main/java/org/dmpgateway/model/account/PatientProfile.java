package org.dmpgateway.model.account;

import org.dmpgateway.model.PatientRecordState;
import org.dmpgateway.model.PatientRef;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A child's profile as its legal representative sees it in the profile selector: {@code id} (what
 * the representative sends to act on it), the child, the record's state, the access {@code status}
 * and the representatives who manage it ("Le profil de Lola est géré par", seed 002).
 */
public record PatientProfile(String id, PatientRef ins, String givenName, String familyName, LocalDate birthDate,
                             PatientRecordState state, Status status, Instant since, String invitedBy,
                             List<String> representatives) {

    public PatientProfile {
        representatives = representatives == null ? List.of() : List.copyOf(representatives);
    }

    /** ACTIVE: the representative acts on it; INVITED: to accept; MAJORITY: the child is 18, the access ended. */
    public enum Status {
        ACTIVE, INVITED, MAJORITY
    }
}
