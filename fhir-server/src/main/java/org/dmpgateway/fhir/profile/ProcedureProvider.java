package org.dmpgateway.fhir.profile;

import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import org.dmpgateway.model.profile.ProfileSection;
import org.hl7.fhir.r4.model.Procedure;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The medical profile's care history (hospitalisations and surgery) as Procedure resources:
 * {@code GET Procedure?patient=Patient/<id>} (or {@code patient.identifier=system|INS}). The core admits
 * the caller as for the record's documents and traces the read (docs/medical-profile.md).
 */
@Component
public class ProcedureProvider implements IResourceProvider {
    private final ProfileSections sections;

    public ProcedureProvider(ProfileSections sections) {
        this.sections = sections;
    }

    @Override
    public Class<Procedure> getResourceType() {
        return Procedure.class;
    }

    @Search
    public List<Procedure> search(@RequiredParam(name = Procedure.SP_PATIENT) ReferenceParam patient, RequestDetails request) {
        return sections.search(ProfileSection.CARE_HISTORY, patient, Procedure.class, request);
    }
}
