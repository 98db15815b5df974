package org.dmpgateway.fhir.profile;

import org.dmpgateway.model.Core;
import org.dmpgateway.model.profile.ProfileSection;
import org.hl7.fhir.r4.model.Procedure;
import org.springframework.stereotype.Component;

/**
 * The medical profile's care history (hospitalisations and surgery) as Procedure resources:
 * {@code GET Procedure?patient=...} ({@link ProfileSectionProvider}).
 */
@Component
public class ProcedureProvider extends ProfileSectionProvider<Procedure> {
    public ProcedureProvider(Core core) {
        super(core, Procedure.class, ProfileSection.CARE_HISTORY);
    }
}
