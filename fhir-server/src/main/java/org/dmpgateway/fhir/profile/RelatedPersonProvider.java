package org.dmpgateway.fhir.profile;

import org.dmpgateway.model.Core;
import org.dmpgateway.model.profile.ProfileSection;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.springframework.stereotype.Component;

/**
 * The medical profile's contacts (emergency contact, trusted person, carers) as RelatedPerson resources:
 * {@code GET RelatedPerson?patient=...} ({@link ProfileSectionProvider}).
 */
@Component
public class RelatedPersonProvider extends ProfileSectionProvider<RelatedPerson> {
    public RelatedPersonProvider(Core core) {
        super(core, RelatedPerson.class, ProfileSection.CONTACT);
    }
}
