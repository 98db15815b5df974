package org.dmpgateway.core.account;

import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.trail.AccessTrace;
import org.dmpgateway.model.trail.TraceAction;
import org.dmpgateway.repository.AccessTrailRepository;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Every step of an account in the record's history (action {@link TraceAction#ACCOUNT}), in the
 * step's own transaction: the patient's own steps with the actor {@link #PATIENT}, the automatic
 * creation with {@link #GATEWAY}. Refused attempts (wrong code, lock) are traced too, with the
 * refusal's code as outcome. A step a legal representative takes on a child's profile
 * ({@link RepresentativeScope}) is traced with the representative as the actor (their INS and
 * name, "représentant légal").
 */
@Component
public class AccountHistory {
    public static final String PATIENT = "patient";
    static final String PATIENT_NAME = "Le patient (Mon espace santé)";
    public static final String GATEWAY = "dmp-gateway";
    static final String GATEWAY_NAME = "Mon espace santé (création automatique)";
    static final String REPRESENTATIVE = " (représentant légal)";

    private final AccessTrailRepository traces;
    private final AccountClock clock;

    public AccountHistory(AccessTrailRepository traces, AccountClock clock) {
        this.traces = traces;
        this.clock = clock;
    }

    public void byPatient(PatientRef ins, String detail) {
        byPatient(ins, detail, List.of());
    }

    /** A step of the patient about documents (downloaded, hidden, shown again), naming their uniqueIds. */
    public void byPatient(PatientRef ins, String detail, List<String> documentIds) {
        patientOrRepresentative(ins, AccessTrace.SUCCESS, detail, documentIds);
    }

    public void refused(PatientRef ins, String outcome, String detail) {
        patientOrRepresentative(ins, outcome, detail, List.of());
    }

    private void patientOrRepresentative(PatientRef ins, String outcome, String detail, List<String> documentIds) {
        RepresentativeScope.on(ins).ifPresentOrElse(
                r -> trace(ins, r.representative().id(), r.name() + REPRESENTATIVE, outcome, detail, documentIds),
                () -> trace(ins, PATIENT, PATIENT_NAME, outcome, detail, documentIds));
    }

    public void byGateway(PatientRef ins, String detail) {
        trace(ins, GATEWAY, GATEWAY_NAME, AccessTrace.SUCCESS, detail, List.of());
    }

    public void byActor(PatientRef ins, String actorId, String actorName, String detail) {
        trace(ins, actorId, actorName, AccessTrace.SUCCESS, detail, List.of());
    }

    private void trace(PatientRef ins, String actorId, String actorName, String outcome, String detail,
                       List<String> documentIds) {
        traces.record(new AccessTrace(null, clock.now(), actorId, actorName, null, null, null, null, ins,
                TraceAction.ACCOUNT, documentIds, outcome, detail, null));
    }
}
