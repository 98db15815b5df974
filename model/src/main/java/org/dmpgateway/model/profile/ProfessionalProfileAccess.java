package org.dmpgateway.model.profile;

/**
 * A professional's command on the medical profile over FHIR (module {@code core} answers it through
 * {@link org.dmpgateway.model.Core}): read one of the sections professionals read, or add a
 * vaccination.
 *
 * @param section the section read or written
 * @param vaccination the vaccination to add (as read from the FHIR Immunization), null for a read
 */
public record ProfessionalProfileAccess(ProfileSection section, ProfileInput vaccination) {
}
