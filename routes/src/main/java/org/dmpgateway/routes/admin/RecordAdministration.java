package org.dmpgateway.routes.admin;

import org.dmpgateway.mappings.error.DmpErrorCode;
import org.dmpgateway.mappings.error.DmpException;
import org.dmpgateway.mappings.model.ConsentStatus;
import org.dmpgateway.mappings.model.PatientRecord;
import org.dmpgateway.mappings.model.PatientRecordState;
import org.dmpgateway.mappings.model.PatientRef;
import org.dmpgateway.mappings.model.PatientSettings;
import org.dmpgateway.mappings.model.ProfessionalConsent;
import org.dmpgateway.mappings.trail.AccessTrace;
import org.dmpgateway.repository.AccessTrailRepository;
import org.dmpgateway.repository.PatientRecordRepository;
import org.dmpgateway.routes.patient.InsValidator;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * What a conformance tester (and later the patient side) sets up on a record: the record in any
 * state, its settings (e-mail, emergency switches, mask-all), the authorised and blocked
 * professionals and the admin doctor; and the record's history. Used by the /admin REST API.
 */
@Component
public class RecordAdministration {
    private final PatientRecordRepository records;
    private final AccessTrailRepository traces;
    private final Clock clock = Clock.systemUTC();

    public RecordAdministration(PatientRecordRepository records, AccessTrailRepository traces) {
        this.records = records;
        this.traces = traces;
    }

    /** Creates or replaces a record; true when it was created. */
    public boolean put(PatientRecord record) {
        InsValidator.check(record.ins());
        boolean created = records.findPatient(record.ins()).isEmpty();
        records.savePatient(record);
        return created;
    }

    public Optional<PatientRecord> find(PatientRef ins) {
        InsValidator.check(ins);
        return records.findPatient(ins);
    }

    public PatientRecord setState(PatientRef ins, PatientRecordState state) {
        PatientRecord changed = existing(ins).withState(state);
        records.savePatient(changed);
        return changed;
    }

    public PatientRecord setSettings(PatientRef ins, PatientSettings settings) {
        PatientRecord changed = existing(ins).withSettings(settings);
        records.savePatient(changed);
        return changed;
    }

    public ProfessionalConsent putProfessional(PatientRef ins, String actorId, String name, ConsentStatus status,
                                               boolean adminDoctor) {
        existing(ins);
        if (actorId == null || actorId.isBlank()) {
            throw new DmpException(DmpErrorCode.METADATA_ERROR, "actorId: the professional's identifier is required", "actorId");
        }
        if (adminDoctor && status != ConsentStatus.AUTHORIZED) {
            throw new DmpException(DmpErrorCode.METADATA_ERROR,
                    "adminDoctor: only an authorised professional can be the admin doctor", "adminDoctor");
        }
        ProfessionalConsent consent = new ProfessionalConsent(ins, actorId, name, status, adminDoctor, clock.instant());
        records.saveConsent(consent);
        return consent;
    }

    public boolean removeProfessional(PatientRef ins, String actorId) {
        existing(ins);
        return records.deleteConsent(ins, actorId);
    }

    public List<ProfessionalConsent> professionals(PatientRef ins) {
        existing(ins);
        return records.findConsents(ins);
    }

    public List<AccessTrace> traces(PatientRef ins, int limit) {
        InsValidator.check(ins);
        return traces.findByPatient(ins, limit);
    }

    private PatientRecord existing(PatientRef ins) {
        InsValidator.check(ins);
        return records.findPatient(ins).orElseThrow(() -> new DmpException(DmpErrorCode.UNKNOWN_PATIENT,
                "patient " + ins.toCx() + " has no record; create it first (PUT /admin/patients/{authority}/{ins})",
                "ins"));
    }
}
