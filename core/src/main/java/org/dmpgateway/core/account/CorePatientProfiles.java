package org.dmpgateway.core.account;

import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.account.PatientProfile;
import org.dmpgateway.model.account.PatientProfiles;
import org.dmpgateway.model.account.ProfileCall;
import org.springframework.stereotype.Component;

import java.util.List;

/** The {@link PatientProfiles} front door: each command handed to {@link ChildProfiles}, which decides. */
@Component
public class CorePatientProfiles implements PatientProfiles {
    private final ChildProfiles children;

    public CorePatientProfiles(ChildProfiles children) {
        this.children = children;
    }

    @Override
    public PatientProfile addChild(PatientRef representative, String code, String cardType, String nir,
                                   String serialNumber, String decision, Boolean termsAccepted,
                                   Boolean legalRepresentative) {
        return children.addChild(representative, code, cardType, nir, serialNumber, decision, termsAccepted,
                legalRepresentative);
    }

    @Override
    public List<PatientProfile> profiles(PatientRef representative) {
        return children.profiles(representative);
    }

    @Override
    public PatientProfile share(PatientRef representative, String profileId, String familyName, String givenName,
                                String birthDate, String nir, Boolean legalRepresentative) {
        return children.share(representative, profileId, familyName, givenName, birthDate, nir, legalRepresentative);
    }

    @Override
    public PatientProfile accept(PatientRef representative, String profileId) {
        return children.accept(representative, profileId);
    }

    @Override
    public <T> T onProfile(PatientRef representative, String profileId, ProfileCall<T> call) throws Exception {
        return children.onProfile(representative, profileId, call);
    }
}
