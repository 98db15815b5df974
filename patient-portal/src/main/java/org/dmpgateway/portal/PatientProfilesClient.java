package org.dmpgateway.portal;

import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.account.PatientProfile;
import org.dmpgateway.model.account.PatientProfiles;
import org.dmpgateway.model.account.ProfileCall;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Every call of the patient portal to the core about children's profiles, in one place, through
 * the typed front door {@link PatientProfiles} (module {@code model}); like {@link PatientCoreClient}
 * it hands the typed values to the core and returns its answer.
 */
@Component
public class PatientProfilesClient {
    private final PatientProfiles profiles;

    public PatientProfilesClient(PatientProfiles profiles) {
        this.profiles = profiles;
    }

    PatientProfile addChild(PatientRef representative, ProfilesApi.ChildActivation body) {
        return profiles.addChild(representative, body.code(), body.cardType(), body.nir(), body.serialNumber(),
                body.decision(), body.termsAccepted(), body.legalRepresentative());
    }

    List<PatientProfile> profiles(PatientRef representative) {
        return profiles.profiles(representative);
    }

    PatientProfile share(PatientRef representative, String profileId, ProfilesApi.Sharing body) {
        return profiles.share(representative, profileId, body.familyName(), body.givenName(), body.birthDate(),
                body.nir(), body.legalRepresentative());
    }

    PatientProfile accept(PatientRef representative, String profileId) {
        return profiles.accept(representative, profileId);
    }

    <T> T onProfile(PatientRef representative, String profileId, ProfileCall<T> call) throws Exception {
        return profiles.onProfile(representative, profileId, call);
    }
}
