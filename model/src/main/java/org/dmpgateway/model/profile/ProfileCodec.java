package org.dmpgateway.model.profile;

import org.dmpgateway.model.PatientRef;

/**
 * How a profile entry is stored: a FHIR R4 resource (JSON text) of its section's type. Implemented
 * with HAPI FHIR in module {@code mappings}, so that the core stores FHIR resources without reading
 * FHIR itself.
 */
public interface ProfileCodec {

    /** The entry as the JSON of its section's FHIR resource, about {@code patient}. */
    String toResource(ProfileEntry entry, PatientRef patient);

    /** The entry a stored resource holds. */
    ProfileEntry fromResource(String json);
}
