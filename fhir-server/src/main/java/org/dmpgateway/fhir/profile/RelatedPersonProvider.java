package org.dmpgateway.fhir.profile;

import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import org.dmpgateway.model.profile.ProfileSection;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The medical profile's contacts (emergency contact, trusted person, carers) as RelatedPerson resources:
 * {@code GET RelatedPerson?patient=Patient/<id>} (or {@code patient.identifier=system|INS}). The core admits
 * the caller as for the record's documents and traces the read (docs/medical-profile.md).
 */
@Component
public class RelatedPersonProvider implements IResourceProvider {
    private final ProfileSections sections;

    public RelatedPersonProvider(ProfileSections sections) {
        this.sections = sections;
    }

    @Override
    public Class<RelatedPerson> getResourceType() {
        return RelatedPerson.class;
    }

    @Search
    public List<RelatedPerson> search(@RequiredParam(name = RelatedPerson.SP_PATIENT) ReferenceParam patient, RequestDetails request) {
        return sections.search(ProfileSection.CONTACT, patient, RelatedPerson.class, request);
    }
}
