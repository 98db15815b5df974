package org.dmpgateway.fhir.profile;

import org.dmpgateway.model.Core;
import org.dmpgateway.model.profile.ProfileSection;
import org.hl7.fhir.r4.model.Consent;
import org.springframework.stereotype.Component;

/**
 * The medical profile's wishes (advance directives and other wishes) as Consent resources:
 * {@code GET Consent?patient=...} ({@link ProfileSectionProvider}).
 */
@Component
public class ConsentProvider extends ProfileSectionProvider<Consent> {
    public ConsentProvider(Core core) {
        super(core, Consent.class, ProfileSection.WISH);
    }
}
