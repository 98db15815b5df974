package org.dmpgateway.fhir.patient;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import org.dmpgateway.model.Core;
import org.dmpgateway.fhir.error.FhirRefusal;
import org.dmpgateway.fhir.identity.BearerTokenInterceptor;
import org.dmpgateway.model.access.RecordStatus;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.mappings.fhir.patient.PatientIds;
import org.dmpgateway.mappings.fhir.patient.PatientMapper;
import org.dmpgateway.model.PatientRef;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * TD0.2 over FHIR (PDSM4DMP transaction_td02): does this patient have a DMP, in which state, and
 * what is the caller's standing. The core answers (RECORD_STATUS, in every record state); the
 * patient asked about must be the token's ({@code ACCESS_PATIENT_MISMATCH} otherwise).
 * <ul>
 *   <li>{@code GET Patient?identifier=urn:oid:1.2.250.1.213.1.4.8|<INS>}: a searchset with the Patient,
 *       or no entry when the patient has no DMP (unknown, or NOTIFIED: opposition period running);</li>
 *   <li>{@code GET Patient/<INS>-<authority OID>}: the Patient, or 404 when there is no DMP.</li>
 * </ul>
 */
@Component
public class PatientProvider implements IResourceProvider {
    private final Core core;

    public PatientProvider(Core core) {
        this.core = core;
    }

    @Override
    public Class<Patient> getResourceType() {
        return Patient.class;
    }

    @Read
    public Patient read(@IdParam IdType id, RequestDetails request) {
        PatientRef patient = PatientIds.fromResourceId(id.getIdPart());
        RecordStatus status = status(patient, request);
        if (!PatientMapper.hasDmp(status)) {
            throw FhirRefusal.of(DmpErrorCode.DMP_UNKNOWN, "patient " + patient.toCx() + " has no DMP yet "
                    + "(NOTIFIED: the opposition period runs)", "Patient.id");
        }
        return PatientMapper.toResource(status);
    }

    @Search
    public List<Patient> search(@RequiredParam(name = Patient.SP_IDENTIFIER) TokenParam identifier,
                                RequestDetails request) {
        PatientRef patient = PatientIds.fromIdentifier(identifier.getSystem(), identifier.getValue());
        RecordStatus status;
        try {
            status = status(patient, request);
        } catch (DmpException refusal) {
            if (refusal.code() == DmpErrorCode.UNKNOWN_PATIENT) {
                return List.of();
            }
            throw refusal;
        }
        return PatientMapper.hasDmp(status) ? List.of(PatientMapper.toResource(status)) : List.of();
    }

    private RecordStatus status(PatientRef patient, RequestDetails request) {
        return core.recordStatus(patient, BearerTokenInterceptor.caller(request));
    }
}
