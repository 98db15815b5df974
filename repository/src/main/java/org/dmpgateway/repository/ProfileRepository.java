package org.dmpgateway.repository;

import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.profile.ProfileSection;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The medical profile's resources (table profile_resource): each entry a FHIR resource as JSON
 * text, kept by patient and section. The repository does not read the JSON.
 */
public interface ProfileRepository {

    /** One stored resource. */
    record StoredResource(String id, PatientRef patient, ProfileSection section, String json, String author,
                          Instant recorded) {
    }

    /** Inserts or replaces the resource with this id. */
    void save(StoredResource resource);

    /** The patient's resources, of one section or (null) all, newest first. */
    List<StoredResource> find(PatientRef patient, ProfileSection section);

    Optional<StoredResource> findById(PatientRef patient, String id);

    /** Deletes the patient's resource; answers whether there was one. */
    boolean delete(PatientRef patient, String id);
}
