package org.dmpgateway.fhir.profile;

import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import org.dmpgateway.fhir.identity.BearerTokenInterceptor;
import org.dmpgateway.mappings.fhir.profile.ProfileResources;
import org.dmpgateway.mappings.fhir.search.SearchTokens;
import org.dmpgateway.model.Core;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.profile.ProfessionalProfileAccess;
import org.dmpgateway.model.profile.ProfileSection;
import org.hl7.fhir.r4.model.DomainResource;

import java.util.List;

/**
 * What the medical profile's providers share (one provider per resource type, docs/medical-profile.md):
 * the search of one section of the patient the {@code patient} parameter names
 * ({@code patient=Patient/<id>} or {@code patient.identifier=system|INS}), asked of the core with the
 * caller's token (the core admits, refuses and traces), answered as the section's FHIR resources.
 */
abstract class ProfileSectionProvider<T extends DomainResource> implements IResourceProvider {
    /** The search parameter every profile resource type names its patient with. */
    static final String PATIENT = "patient";

    final Core core;
    private final Class<T> type;
    private final ProfileSection section;

    ProfileSectionProvider(Core core, Class<T> type, ProfileSection section) {
        this.core = core;
        this.type = type;
        this.section = section;
    }

    @Override
    public Class<T> getResourceType() {
        return type;
    }

    @Search
    public List<T> search(@RequiredParam(name = PATIENT) ReferenceParam patient, RequestDetails request) {
        PatientRef requested = SearchTokens.patient(patient);
        return core.medicalProfile(new ProfessionalProfileAccess(section, null), requested,
                        BearerTokenInterceptor.caller(request)).stream()
                .map(e -> type.cast(ProfileResources.toFhir(e, requested)))
                .toList();
    }
}
