package org.dmpgateway.fhir.profile;

import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import org.dmpgateway.model.profile.ProfileSection;
import org.hl7.fhir.r4.model.Consent;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The medical profile's wishes (advance directives and other wishes) as Consent resources:
 * {@code GET Consent?patient=Patient/<id>} (or {@code patient.identifier=system|INS}). The core admits
 * the caller as for the record's documents and traces the read (docs/medical-profile.md).
 */
@Component
public class ConsentProvider implements IResourceProvider {
    private final ProfileSections sections;

    public ConsentProvider(ProfileSections sections) {
        this.sections = sections;
    }

    @Override
    public Class<Consent> getResourceType() {
        return Consent.class;
    }

    @Search
    public List<Consent> search(@RequiredParam(name = Consent.SP_PATIENT) ReferenceParam patient, RequestDetails request) {
        return sections.search(ProfileSection.WISH, patient, Consent.class, request);
    }
}
