package org.dmpgateway.core.admin;

import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.ConsentStatus;
import org.dmpgateway.model.PatientRecord;
import org.dmpgateway.model.PatientRecordState;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.PatientSettings;
import org.dmpgateway.model.ProfessionalConsent;
import org.dmpgateway.model.trail.AccessTrace;
import org.dmpgateway.model.trail.TraceAction;
import org.dmpgateway.repository.AccessTrailRepository;
import org.dmpgateway.repository.PatientRecordRepository;
import org.dmpgateway.core.patient.InsValidator;
import org.dmpgateway.core.policy.SubjectRoles;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * What a conformance tester (and later the patient side) sets up on a record: the record in any
 * state, its settings (e-mail, emergency switches, mask-all), the authorised and blocked
 * professionals and the admin doctor; and the record's history. Used by the /admin REST API.
 * Every change is traced in the patient's history (action {@link TraceAction#ADMINISTRATION}, actor
 * {@link #ACTOR_ID}), in the change's own transaction: a change without its trace is never stored.
 */
@Component
public class RecordAdministration {
    /** The actor of the traces of /admin changes. */
    public static final String ACTOR_ID = "admin-api";
    static final String ACTOR_NAME = "API d'administration (dmp.admin.token)";

    private final PatientRecordRepository records;
    private final AccessTrailRepository traces;
    private final TransactionTemplate transaction;
    private final SubjectRoles roles;
    private final Clock clock = Clock.systemUTC();

    public RecordAdministration(PatientRecordRepository records, AccessTrailRepository traces,
                                TransactionTemplate transaction, SubjectRoles roles) {
        this.records = records;
        this.traces = traces;
        this.transaction = transaction;
        this.roles = roles;
    }

    /** Creates or replaces a record; true when it was created. */
    public boolean put(PatientRecord record) {
        InsValidator.check(record.ins());
        return Boolean.TRUE.equals(transaction.execute(status -> {
            boolean created = records.findPatient(record.ins()).isEmpty();
            records.savePatient(record);
            traced(record.ins(), (created ? "record created" : "record replaced") + ", state " + record.state()
                    + ", settings " + record.settings());
            return created;
        }));
    }

    public Optional<PatientRecord> find(PatientRef ins) {
        InsValidator.check(ins);
        return records.findPatient(ins);
    }

    public PatientRecord setState(PatientRef ins, PatientRecordState state) {
        return setState(ins, state, null);
    }

    /**
     * The record in {@code state}; closing it (CLOSED) keeps the date (now) and the reason
     * ({@code closureReason}, a code of PatientRecord.CLOSURE_REASON_SYSTEM; default
     * FERMETURE_DEMANDE_PATIENT, the only one of the official examples). Closing a closed record
     * keeps its date and reason.
     */
    public PatientRecord setState(PatientRef ins, PatientRecordState state, String closureReason) {
        return transaction.execute(status -> {
            PatientRecord current = existing(ins);
            PatientRecord changed = state == PatientRecordState.CLOSED && current.state() != PatientRecordState.CLOSED
                    ? current.closed(clock.instant(), closureReason == null || closureReason.isBlank()
                            ? PatientRecord.CLOSED_AT_PATIENT_REQUEST : closureReason)
                    : current.withState(state);
            records.savePatient(changed);
            traced(ins, "state " + current.state() + " -> " + state
                    + (changed.closureReason() == null ? "" : " (" + changed.closureReason() + ")"));
            return changed;
        });
    }

    public PatientRecord setSettings(PatientRef ins, PatientSettings settings) {
        return transaction.execute(status -> {
            PatientRecord changed = existing(ins).withSettings(settings);
            records.savePatient(changed);
            traced(ins, "settings " + settings);
            return changed;
        });
    }

    public ProfessionalConsent putProfessional(PatientRef ins, String actorId, String name, ConsentStatus status,
                                               boolean adminDoctor) {
        return putProfessional(ins, actorId, name, status, adminDoctor, false);
    }

    /** {@code treatingDoctor}: the professional is the patient's médecin traitant DMP (authorised only). */
    public ProfessionalConsent putProfessional(PatientRef ins, String actorId, String name, ConsentStatus status,
                                               boolean adminDoctor, boolean treatingDoctor) {
        return putProfessional(ins, actorId, name, status, adminDoctor, treatingDoctor, null, null);
    }

    /**
     * {@code profession} (TRE_G15 code, e.g. 10) and {@code specialty} (TRE_R01 / TRE_G05 code, e.g. SM26),
     * as a VIHF declares them (TD1.6 {@code codeSpeciality}): null keeps the current ones (those TD0.3 stored,
     * or the seed's), blank clears them; a code outside JDV_J65 is refused.
     */
    public ProfessionalConsent putProfessional(PatientRef ins, String actorId, String name, ConsentStatus status,
                                               boolean adminDoctor, boolean treatingDoctor, String profession,
                                               String specialty) {
        existing(ins);
        if (actorId == null || actorId.isBlank()) {
            throw new DmpException(DmpErrorCode.METADATA_ERROR, "actorId: the professional's identifier is required", "actorId");
        }
        if (adminDoctor && status != ConsentStatus.AUTHORIZED) {
            throw new DmpException(DmpErrorCode.METADATA_ERROR,
                    "adminDoctor: only an authorised professional can be the admin doctor", "adminDoctor");
        }
        if (treatingDoctor && status != ConsentStatus.AUTHORIZED) {
            throw new DmpException(DmpErrorCode.METADATA_ERROR,
                    "treatingDoctor: only an authorised professional can be the médecin traitant DMP", "treatingDoctor");
        }
        ProfessionalConsent current = records.findConsent(ins, actorId).orElse(null);
        String professionCode = role(profession, current == null ? null : current.professionCode(), "profession");
        String specialtyCode = role(specialty, current == null ? null : current.specialtyCode(), "specialty");
        ProfessionalConsent consent = new ProfessionalConsent(ins, actorId, name, status, adminDoctor, clock.instant(),
                treatingDoctor, professionCode, specialtyCode);
        transaction.executeWithoutResult(tx -> {
            records.saveConsent(consent);
            traced(ins, "professional " + actorId + (name == null ? "" : " (" + name + ")") + " " + status
                    + (adminDoctor ? ", admin doctor" : "") + (treatingDoctor ? ", médecin traitant DMP" : "")
                    + (professionCode == null ? "" : ", profession " + professionCode)
                    + (specialtyCode == null ? "" : ", specialty " + specialtyCode));
        });
        return consent;
    }

    /** The profession or specialty code kept: the one given (checked against JDV_J65), else the current one. */
    private String role(String given, String current, String field) {
        if (given == null) {
            return current;
        }
        if (given.isBlank()) {
            return null;
        }
        String code = given.trim();
        SubjectRoles.Role known = field.equals("profession") ? roles.profession(code) : roles.specialty(code);
        if (known == null) {
            throw new DmpException(DmpErrorCode.METADATA_ERROR, field + ": " + code + " is not a "
                    + (field.equals("profession") ? "profession (TRE_G15, e.g. 10)" : "specialty (TRE_R01 / TRE_G05, e.g. SM26)")
                    + " code of the value set JDV_J65", field);
        }
        return code;
    }

    public boolean removeProfessional(PatientRef ins, String actorId) {
        existing(ins);
        return Boolean.TRUE.equals(transaction.execute(tx -> {
            boolean removed = records.deleteConsent(ins, actorId);
            if (removed) {
                traced(ins, "professional " + actorId + " removed (neither authorised nor blocked)");
            }
            return removed;
        }));
    }

    public List<ProfessionalConsent> professionals(PatientRef ins) {
        existing(ins);
        return records.findConsents(ins);
    }

    public List<AccessTrace> traces(PatientRef ins, int limit) {
        InsValidator.check(ins);
        return traces.findByPatient(ins, limit);
    }

    /** The trace of a change made through /admin, in the patient's history. */
    private void traced(PatientRef ins, String detail) {
        traces.record(new AccessTrace(null, clock.instant(), ACTOR_ID, ACTOR_NAME, null, null, null, null, ins,
                TraceAction.ADMINISTRATION, List.of(), AccessTrace.SUCCESS, detail, null));
    }

    private PatientRecord existing(PatientRef ins) {
        InsValidator.check(ins);
        return records.findPatient(ins).orElseThrow(() -> new DmpException(DmpErrorCode.UNKNOWN_PATIENT,
                "patient " + ins.toCx() + " has no record; create it first (PUT /admin/patients/{authority}/{ins})",
                "ins"));
    }
}
