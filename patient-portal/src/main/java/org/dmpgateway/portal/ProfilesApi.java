package org.dmpgateway.portal;

import org.dmpgateway.model.PatientRecordState;
import org.dmpgateway.model.account.PatientProfile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The JSON bodies of the profile calls of the patient API (docs/patient-api.md, "Children and legal representatives"). */
final class ProfilesApi {
    private ProfilesApi() {
    }

    /** The child's provisional code, the representative's own Vitale data, the decision and the certification. */
    record ChildActivation(String code, String cardType, String nir, String serialNumber, String decision,
                           Boolean termsAccepted, Boolean legalRepresentative) {
    }

    /** The second representative's identity and the declaration. */
    record Sharing(String familyName, String givenName, String birthDate, String nir, Boolean legalRepresentative) {
    }

    /** A profile of the selector; {@code id} goes in the {@code Patient-Profile} header (null after an opposition). */
    record Profile(String id, String ins, String authority, String givenName, String familyName, LocalDate birthDate,
                   PatientRecordState state, String status, Instant since, String invitedBy,
                   List<String> representatives) {
        static Profile of(PatientProfile p) {
            return new Profile(p.id(), p.ins().id(), p.ins().authority(), p.givenName(), p.familyName(),
                    p.birthDate(), p.state(), p.status() == null ? null : p.status().name(), p.since(), p.invitedBy(),
                    p.representatives());
        }
    }
}
