package org.dmpgateway.core.record;

import org.apache.camel.Body;
import org.apache.camel.Header;
import org.dmpgateway.core.policy.AccessPolicy;
import org.dmpgateway.core.policy.Admission;
import org.dmpgateway.core.trail.AccessTrail;
import org.dmpgateway.model.CoreEndpoints;
import org.dmpgateway.model.PatientRecord;
import org.dmpgateway.model.PatientRecordState;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.PatientSettings;
import org.dmpgateway.model.ProfessionalConsent;
import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.access.AccessMode;
import org.dmpgateway.model.access.RecordRevision;
import org.dmpgateway.model.access.RecordStatus;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.trail.TraceAction;
import org.dmpgateway.repository.PatientRecordRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * TD1.3b (change of the record's administrative data) and TD1.4 (closure) by a professional.
 * Who may: a professional the patient authorised, in normal access mode, on an open record that is
 * not attached to Mon espace santé: GIE SESAM-Vitale PDT-INF-526 v1.8, footnote 10, "TD1.3b / TD1.4 /
 * TD1.5 - Transactions possibles seulement pour les DMP non associés à MES" (state CREATED here; an
 * ACTIVATED record is closed by its patient in Mon espace santé). A blocked professional, a closed or
 * opposed record: the usual refusals of the access policy (PS_BLOCKED, DMP_CLOSED, DMP_OPPOSED).
 * <p>
 * The closure is the record's one closure ({@link PatientRecord#closed}, as /admin and the patient's
 * account closure): the date (now) and the reason (default FERMETURE_DEMANDE_PATIENT, the only one the
 * official examples show) are kept, TD0.2 and FHIR return them. Both are traced (UPDATE_RECORD with the
 * fields changed, CLOSE_RECORD with the reason) in the change's transaction.
 */
@Component
public class ReviseRecord {
    private final AccessPolicy policy;
    private final PatientRecordRepository records;
    private final AccessTrail trail;
    private final TransactionTemplate transaction;
    private final Clock clock = Clock.systemUTC();

    public ReviseRecord(AccessPolicy policy, PatientRecordRepository records, AccessTrail trail,
                        TransactionTemplate transaction) {
        this.policy = policy;
        this.records = records;
        this.trail = trail;
        this.transaction = transaction;
    }

    /** CLOSE_RECORD for a closure, UPDATE_RECORD for a change of the administrative data. */
    public static TraceAction traceAction(Object command) {
        return command instanceof RecordRevision r && r.closure() ? TraceAction.CLOSE_RECORD : TraceAction.UPDATE_RECORD;
    }

    public RecordStatus revise(@Body RecordRevision revision,
                               @Header(CoreEndpoints.REQUESTED_PATIENT) PatientRef requested,
                               @Header(CoreEndpoints.ACCESS_CONTEXT) AccessContext caller) {
        TraceAction action = traceAction(revision);
        Admission admission = policy.admit(caller, requested, action);
        if (caller.mode() != AccessMode.NORMAL) {
            throw new DmpException(DmpErrorCode.PS_NOT_AUTHORIZED, "the record's administrative data are changed and "
                    + "the record closed in normal access mode only, not in mode " + caller.mode().code(), null);
        }
        PatientRecord current = admission.record();
        if (current.state() == PatientRecordState.ACTIVATED) {
            throw new DmpException(DmpErrorCode.PS_NOT_AUTHORIZED, "this DMP is attached to Mon espace santé: "
                    + (revision.closure() ? "its patient closes it" : "its patient changes its administrative data")
                    + " in Mon espace santé (TD1.3b / TD1.4 only for a DMP not attached to Mon espace santé, "
                    + "PDT-INF-526 v1.8)", null);
        }
        PatientRecord changed;
        String detail;
        if (revision.closure()) {
            String reason = revision.closureReason() == null || revision.closureReason().isBlank()
                    ? PatientRecord.CLOSED_AT_PATIENT_REQUEST : revision.closureReason();
            changed = current.closed(clock.instant(), reason);
            detail = "closed (" + reason + ")";
        } else {
            List<String> fields = new ArrayList<>();
            changed = modified(current, revision, fields);
            detail = fields.isEmpty() ? "unchanged" : "changed: " + String.join(", ", fields);
        }
        PatientRecord saved = changed;
        transaction.executeWithoutResult(tx -> {
            records.savePatient(saved);
            trail.succeeded(admission, action, List.of(), detail);
        });
        ProfessionalConsent consent = admission.consent();
        return new RecordStatus(saved.ins(), saved.state(), consent == null ? null : consent.status(),
                admission.adminDoctor(), saved.familyName(), saved.givenName(), saved.birthDate(), saved.gender(),
                consent != null && consent.isTreatingDoctor(), saved.closedAt(), saved.closureReason(), !detail.equals("unchanged"));
    }

    private static PatientRecord modified(PatientRecord r, RecordRevision v, List<String> fields) {
        String family = pick(r.familyName(), v.familyName(), "familyName", fields);
        String given = pick(r.givenName(), v.givenName(), "givenName", fields);
        var birth = pick(r.birthDate(), v.birthDate(), "birthDate", fields);
        String gender = pick(r.gender(), v.gender(), "gender", fields);
        PatientSettings s = r.settings();
        boolean breakGlass = pick(s.breakGlassAllowed(), v.breakGlassAllowed(), "breakGlassAllowed", fields);
        boolean samu = pick(s.samuAccessAllowed(), v.samuAccessAllowed(), "samuAccessAllowed", fields);
        PatientSettings settings = new PatientSettings(s.email(), samu, breakGlass, s.maskedVisibleInEmergency(),
                s.maskAll());
        return new PatientRecord(r.ins(), family, given, birth, gender, r.state(), settings, r.closedAt(),
                r.closureReason(), r.birthName());
    }

    private static <T> T pick(T current, T proposed, String name, List<String> fields) {
        if (proposed == null || Objects.equals(current, proposed)) {
            return current;
        }
        fields.add(name);
        return proposed;
    }
}
