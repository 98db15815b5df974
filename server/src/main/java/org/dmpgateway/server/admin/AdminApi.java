package org.dmpgateway.server.admin;

import org.dmpgateway.model.access.AccessMode;
import org.dmpgateway.model.ConsentStatus;
import org.dmpgateway.model.PatientRecord;
import org.dmpgateway.model.PatientRecordState;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.PatientSettings;
import org.dmpgateway.model.ProfessionalConsent;
import org.dmpgateway.model.access.CallerSoftware;
import org.dmpgateway.model.trail.AccessTrace;
import org.dmpgateway.model.trail.TraceAction;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The JSON documents of the /admin API (docs/admin-api.md). */
final class AdminApi {
    private AdminApi() {
    }

    /** A patient record as created or read. Absent settings take their defaults on creation. */
    record Patient(String ins, String authority, String familyName, String givenName, LocalDate birthDate,
                   String gender, PatientRecordState state, Settings settings, List<Professional> professionals,
                   Instant closedAt, String closureReason, String birthName) {

        static Patient of(PatientRecord r, List<ProfessionalConsent> professionals) {
            return new Patient(r.ins().id(), r.ins().authority(), r.familyName(), r.givenName(), r.birthDate(),
                    r.gender(), r.state(), Settings.of(r.settings()),
                    professionals == null ? null : professionals.stream().map(Professional::of).toList(),
                    r.closedAt(), r.closureReason(), r.birthName());
        }

        PatientRecord toRecord(PatientRef ins) {
            return new PatientRecord(ins, familyName, givenName, birthDate, gender, state,
                    settings == null ? PatientSettings.DEFAULTS : settings.applyTo(PatientSettings.DEFAULTS),
                    null, null, birthName);
        }
    }

    /** The patient's settings; in a PUT of settings, an absent field keeps its current value. */
    record Settings(String email, Boolean samuAccessAllowed, Boolean breakGlassAllowed, Boolean maskedVisibleInEmergency,
                    Boolean maskAll) {

        static Settings of(PatientSettings s) {
            return new Settings(s.email(), s.samuAccessAllowed(), s.breakGlassAllowed(), s.maskedVisibleInEmergency(),
                    s.maskAll());
        }

        PatientSettings applyTo(PatientSettings current) {
            return new PatientSettings(email != null ? (email.isBlank() ? null : email) : current.email(),
                    samuAccessAllowed != null ? samuAccessAllowed : current.samuAccessAllowed(),
                    breakGlassAllowed != null ? breakGlassAllowed : current.breakGlassAllowed(),
                    maskedVisibleInEmergency != null ? maskedVisibleInEmergency : current.maskedVisibleInEmergency(),
                    maskAll != null ? maskAll : current.maskAll());
        }
    }

    /** {@code closureReason}: when closing, a code of 1.2.250.1.213.4.1.2.4 (default FERMETURE_DEMANDE_PATIENT). */
    record StateChange(PatientRecordState state, String closureReason) {
    }

    /**
     * A professional on the patient's lists; {@code profession} (TRE_G15) and {@code specialty} (TRE_R01 /
     * TRE_G05) as his VIHF declares them (TD1.6 codeSpeciality): absent in a PUT keeps the current ones.
     */
    record Professional(String actorId, String name, ConsentStatus status, Boolean adminDoctor, Instant since,
                        Boolean treatingDoctor, String profession, String specialty) {
        static Professional of(ProfessionalConsent c) {
            return new Professional(c.actorId(), c.actorName(), c.status(), c.adminDoctor(), c.since(),
                    c.treatingDoctor(), c.professionCode(), c.specialtyCode());
        }
    }

    /** One line of the record's history, with the caller's software (null when none was named). */
    record Trace(long id, Instant time, String actorId, String actorName, String structureId, String role,
                 AccessMode mode, String justification, TraceAction action, List<String> documentIds, String outcome,
                 String detail, Software software) {
        static Trace of(AccessTrace t) {
            return new Trace(t.id(), t.time(), t.actorId(), t.actorName(), t.structureId(), t.role(), t.mode(),
                    t.justification(), t.action(), t.documentIds(), t.outcome(), t.detail(), Software.of(t.software()));
        }
    }

    /**
     * The caller's software of a trace: name and version (VIHF LPS_Nom LPS_Version), installation id
     * (LPS_ID), DMP homologation number (LPS_ID_HOMOLOGATION_DMP).
     */
    record Software(String name, String lpsId, String homologationDmp) {
        static Software of(CallerSoftware s) {
            return s == null ? null : new Software(s.name(), s.installationId(), s.homologation());
        }
    }

    /** An error: a stable code and a message naming the field and the rule. */
    record Error(String code, String message) {
    }
}
