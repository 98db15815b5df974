package org.dmpgateway.fhir.profile;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import org.dmpgateway.fhir.identity.BearerTokenInterceptor;
import org.dmpgateway.mappings.fhir.profile.ProfileResources;
import org.dmpgateway.mappings.fhir.search.SearchTokens;
import org.dmpgateway.model.Core;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.profile.ProfessionalProfileAccess;
import org.dmpgateway.model.profile.ProfileSection;
import org.hl7.fhir.r4.model.DomainResource;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The one read the medical profile's providers share: a section of the patient the {@code patient}
 * parameter names, asked of the core with the caller's token (the core admits, refuses and traces),
 * answered as FHIR resources.
 */
@Component
public class ProfileSections {
    private final Core core;

    public ProfileSections(Core core) {
        this.core = core;
    }

    public <T extends DomainResource> List<T> search(ProfileSection section, ReferenceParam patient, Class<T> type,
                                                     RequestDetails request) {
        PatientRef requested = SearchTokens.patient(patient);
        return core.medicalProfile(new ProfessionalProfileAccess(section, null), requested,
                        BearerTokenInterceptor.caller(request)).stream()
                .map(e -> type.cast(ProfileResources.toFhir(e, requested)))
                .toList();
    }
}
