package org.dmpgateway.portal;

import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.profile.MedicalProfile;
import org.dmpgateway.model.profile.PatientProfiles;
import org.dmpgateway.model.profile.ProfileEntry;
import org.dmpgateway.model.profile.ProfileInput;
import org.springframework.stereotype.Component;

/**
 * Every call of the patient portal to the core about the medical profile, in one place: through the
 * typed front door {@link PatientProfiles} (module {@code model}), beside {@link PatientCoreClient}
 * for the account and the record. The portal decides nothing.
 */
@Component
public class ProfileCoreClient {
    private final PatientProfiles profiles;

    public ProfileCoreClient(PatientProfiles profiles) {
        this.profiles = profiles;
    }

    MedicalProfile profile(PatientRef patient) {
        return profiles.profile(patient);
    }

    ProfileEntry add(PatientRef patient, String section, ProfileInput body) {
        return profiles.add(patient, section, body);
    }

    ProfileEntry replace(PatientRef patient, String id, ProfileInput body) {
        return profiles.replace(patient, id, body);
    }

    void remove(PatientRef patient, String id) {
        profiles.remove(patient, id);
    }

    ProfileEntry addMeasure(PatientRef patient, PatientRef subject, ProfileInput input, String source) {
        return profiles.addMeasure(patient, subject, input, source);
    }
}
