package org.dmpgateway.core.patient;

import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.PatientRecord;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.repository.PatientRecordRepository;
import org.springframework.stereotype.Component;

/** Finds the patient record of an INS, refusing malformed and unknown identifiers. */
@Component
public class PatientResolver {
    private final PatientRecordRepository repository;

    public PatientResolver(PatientRecordRepository repository) {
        this.repository = repository;
    }

    public PatientRecord resolve(PatientRef ins) {
        if (ins == null) {
            throw new DmpException(DmpErrorCode.METADATA_ERROR, "patientId is missing", "patientId");
        }
        InsValidator.check(ins);
        return repository.findPatient(ins).orElseThrow(() -> new DmpException(DmpErrorCode.UNKNOWN_PATIENT,
                "patientId " + ins.toCx() + " is not a known DMP patient", "patientId"));
    }
}
