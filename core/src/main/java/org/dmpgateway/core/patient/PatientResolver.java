package org.dmpgateway.core.patient;

import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.PatientRecord;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.repository.PatientRecordRepository;
import org.dmpgateway.repository.RecordStanding;
import org.springframework.stereotype.Component;

/** Finds the patient record of an INS, refusing malformed and unknown identifiers. */
@Component
public class PatientResolver {
    private final PatientRecordRepository repository;

    public PatientResolver(PatientRecordRepository repository) {
        this.repository = repository;
    }

    public PatientRecord resolve(PatientRef ins) {
        check(ins);
        return repository.findPatient(ins).orElseThrow(() -> unknown(ins));
    }

    /**
     * The record of an INS with the professional's standing on it (entry on its lists, earlier
     * access), read together; refused as {@link #resolve} refuses.
     */
    public RecordStanding standing(PatientRef ins, String actorId) {
        check(ins);
        return repository.findStanding(ins, actorId).orElseThrow(() -> unknown(ins));
    }

    private static void check(PatientRef ins) {
        if (ins == null) {
            throw new DmpException(DmpErrorCode.METADATA_ERROR, "patientId is missing", "patientId");
        }
        InsValidator.check(ins);
    }

    private static DmpException unknown(PatientRef ins) {
        return new DmpException(DmpErrorCode.UNKNOWN_PATIENT, "patientId " + ins.toCx() + " is not a known DMP patient",
                "patientId");
    }
}
