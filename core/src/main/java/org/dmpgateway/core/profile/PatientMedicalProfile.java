package org.dmpgateway.core.profile;

import org.dmpgateway.core.account.AccountClock;
import org.dmpgateway.core.account.AccountHistory;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.account.AccountErrorCode;
import org.dmpgateway.model.account.AccountException;
import org.dmpgateway.model.profile.MedicalProfile;
import org.dmpgateway.model.profile.PatientProfiles;
import org.dmpgateway.model.profile.ProfileCodec;
import org.dmpgateway.model.profile.ProfileEntry;
import org.dmpgateway.model.profile.ProfileInput;
import org.dmpgateway.model.profile.ProfileSection;
import org.dmpgateway.repository.ProfileRepository;
import org.dmpgateway.repository.ProfileRepository.StoredResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The patient's side of the medical profile ({@link PatientProfiles}, docs/medical-profile.md): the
 * signed-in patient reads the whole profile (BMI computed), adds, replaces and removes entries of any
 * section, each checked by {@link ProfileRules}; a measurement may also come from the patient's app
 * (the ANS health-measures feed). Each entry is stored as a FHIR resource ({@link ProfileCodec}) in
 * the profile's table; every change is traced in the record's history, by the patient.
 */
@Component
public class PatientMedicalProfile implements PatientProfiles {
    /** Author of what the patient typed. */
    static final String PATIENT = AccountHistory.PATIENT;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
    private static final ProfileRules.Refusal REFUSAL = (field, message) ->
            new AccountException(AccountErrorCode.INVALID_FIELD, field, field + " : " + message);

    private final ProfileRepository repository;
    private final ProfileCodec codec;
    private final AccountHistory history;
    private final AccountClock clock;
    private final TransactionTemplate transaction;

    public PatientMedicalProfile(ProfileRepository repository, ProfileCodec codec, AccountHistory history,
                                 AccountClock clock, TransactionTemplate transaction) {
        this.repository = repository;
        this.codec = codec;
        this.history = history;
        this.clock = clock;
        this.transaction = transaction;
    }

    @Override
    public MedicalProfile profile(PatientRef patient) {
        return ProfileRules.profile(repository.find(patient, null).stream().map(r -> codec.fromResource(r.json()))
                .toList());
    }

    @Override
    public ProfileEntry add(PatientRef patient, String typedSection, ProfileInput input) {
        ProfileSection section = ProfileRules.section(typedSection, REFUSAL);
        Instant now = clock.now();
        ProfileEntry entry = ProfileRules.check(section, input, now, REFUSAL)
                .recordedAs(UUID.randomUUID().toString(), PATIENT, now);
        return store(patient, entry, "medical profile: " + describe(entry) + " added by the patient");
    }

    @Override
    public ProfileEntry replace(PatientRef patient, String id, ProfileInput input) {
        ProfileEntry current = codec.fromResource(stored(patient, id).json());
        Instant now = clock.now();
        ProfileEntry entry = ProfileRules.check(current.section(), input, now, REFUSAL)
                .recordedAs(current.id(), PATIENT, now);
        return store(patient, entry, "medical profile: " + describe(entry) + " changed by the patient");
    }

    @Override
    public void remove(PatientRef patient, String id) {
        ProfileEntry current = codec.fromResource(stored(patient, id).json());
        transaction.executeWithoutResult(tx -> {
            repository.delete(patient, current.id());
            history.byPatient(patient, "medical profile: " + describe(current) + " removed by the patient");
        });
    }

    @Override
    public ProfileEntry addMeasure(PatientRef patient, PatientRef subject, ProfileInput input, String source) {
        if (subject != null && !subject.equals(patient)) {
            throw REFUSAL.refuse("subject", "la mesure concerne le patient " + subject.id() + " : vous ne pouvez "
                    + "alimenter que votre propre profil médical.");
        }
        Instant now = clock.now();
        ProfileEntry entry = ProfileRules.check(ProfileSection.MEASUREMENT, input, now, REFUSAL)
                .recordedAs(UUID.randomUUID().toString(), PATIENT, now);
        return store(patient, entry, "medical profile: " + describe(entry) + " sent by the patient's app"
                + (source == null || source.isBlank() ? "" : " (" + source.strip() + ")"));
    }

    private ProfileEntry store(PatientRef patient, ProfileEntry entry, String detail) {
        String json = codec.toResource(entry, patient);
        transaction.executeWithoutResult(tx -> {
            repository.save(new StoredResource(entry.id(), patient, entry.section(), json, entry.author(),
                    entry.recorded()));
            history.byPatient(patient, detail);
        });
        return entry;
    }

    private StoredResource stored(PatientRef patient, String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw REFUSAL.refuse("id", "l'identifiant de l'élément est celui de la liste de votre profil médical.");
        }
        return repository.findById(patient, id).orElseThrow(() -> new AccountException(AccountErrorCode.UNKNOWN_DOCUMENT,
                "id", "id : aucun élément " + id + " dans votre profil médical."));
    }

    /** The entry in the history's words (English, as every trace detail). */
    static String describe(ProfileEntry e) {
        String what = e.section().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " " + e.id();
        return e.measure() == null ? what : what + " (" + e.measure().name() + ")";
    }

    /** Every entry of the patient's profile, of one section (or all). */
    List<ProfileEntry> entries(PatientRef patient, ProfileSection section) {
        return repository.find(patient, section).stream().map(r -> codec.fromResource(r.json())).toList();
    }
}
