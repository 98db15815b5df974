package org.dmpgateway.model.profile;

import org.dmpgateway.model.PatientRef;

/**
 * The patient side's front door to the medical profile (dmp-rules.md section 5): the signed-in
 * patient reads and edits each section. Refusals are {@link org.dmpgateway.model.account.AccountException}
 * naming the field and the rule, in French. Implemented in module {@code core}.
 */
public interface PatientProfiles {

    /** The whole profile, BMI computed. */
    MedicalProfile profile(PatientRef patient);

    /** Adds an entry to {@code section} (a {@link ProfileSection} name); answers it as stored. */
    ProfileEntry add(PatientRef patient, String section, ProfileInput input);

    /** Replaces entry {@code id} of the patient's profile; answers it as stored. */
    ProfileEntry replace(PatientRef patient, String id, ProfileInput input);

    /** Removes entry {@code id} from the patient's profile. */
    void remove(PatientRef patient, String id);

    /**
     * A measurement sent by the patient's app (ANS health-measures feed, a transaction Bundle with one
     * Observation): checked as a measurement the patient types; {@code source} names the app
     * (Observation.meta.source) for the history; {@code subject} the patient the Observation names
     * (null when it names none), refused when it is not the signed-in patient. Answers it as stored.
     */
    ProfileEntry addMeasure(PatientRef patient, PatientRef subject, ProfileInput input, String source);
}
