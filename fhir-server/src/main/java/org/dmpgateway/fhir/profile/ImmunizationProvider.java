package org.dmpgateway.fhir.profile;

import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.dmpgateway.fhir.identity.BearerTokenInterceptor;
import org.dmpgateway.mappings.fhir.patient.PatientIds;
import org.dmpgateway.mappings.fhir.profile.ImmunizationReader;
import org.dmpgateway.mappings.fhir.profile.ProfileResources;
import org.dmpgateway.model.Core;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.profile.ProfessionalProfileAccess;
import org.dmpgateway.model.profile.ProfileEntry;
import org.dmpgateway.model.profile.ProfileSection;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Immunization;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The medical profile's vaccinations as Immunization resources: {@code GET Immunization?patient=...}
 * reads them ({@link ProfileSectionProvider}), {@code POST Immunization} adds one (vaccineCode,
 * occurrenceDateTime, lotNumber, note; the patient of Immunization.patient). The core admits the
 * caller as for the record's documents (a read as a query, an addition as a submission), checks the
 * vaccination's fields and traces both (docs/medical-profile.md).
 */
@Component
public class ImmunizationProvider extends ProfileSectionProvider<Immunization> {

    public ImmunizationProvider(Core core) {
        super(core, Immunization.class, ProfileSection.VACCINATION);
    }

    @Create
    public MethodOutcome create(@ResourceParam Immunization immunization, RequestDetails request) {
        PatientRef patient = PatientIds.fromReference(immunization.getPatient(), null, "Immunization.patient");
        List<ProfileEntry> added = core.medicalProfile(new ProfessionalProfileAccess(ProfileSection.VACCINATION,
                ImmunizationReader.vaccination(immunization)), patient, BearerTokenInterceptor.caller(request));
        Immunization stored = (Immunization) ProfileResources.toFhir(added.get(0), patient);
        return new MethodOutcome(new IdType("Immunization", stored.getIdElement().getIdPart()), true)
                .setResource(stored);
    }
}
