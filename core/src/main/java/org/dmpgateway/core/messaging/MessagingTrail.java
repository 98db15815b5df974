package org.dmpgateway.core.messaging;

import org.dmpgateway.core.account.AccountClock;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.trail.AccessTrace;
import org.dmpgateway.model.trail.TraceAction;
import org.dmpgateway.repository.AccessTrailRepository;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Every step of the secure messaging in the record's history (action {@link TraceAction#MESSAGING}),
 * in the step's transaction: a message received, not delivered (bounced), an exchange ended, a
 * message read (and its read receipt), a reply of the patient. The actor is the professional's
 * address, or the patient.
 */
@Component
public class MessagingTrail {
    /** The outcome of a message not delivered (the sender got a bounce). */
    public static final String NOT_DELIVERED = "NOT_DELIVERED";
    static final String PATIENT = "patient";
    static final String PATIENT_NAME = "Le patient (Mon espace santé)";

    private final AccessTrailRepository traces;
    private final AccountClock clock;

    public MessagingTrail(AccessTrailRepository traces, AccountClock clock) {
        this.traces = traces;
        this.clock = clock;
    }

    void byProfessional(PatientRef patient, String professional, String outcome, String detail) {
        traces.record(new AccessTrace(null, clock.now(), professional, professional, null, null, null, null, patient,
                TraceAction.MESSAGING, List.of(), outcome, detail, null));
    }

    void byPatient(PatientRef patient, String detail) {
        traces.record(new AccessTrace(null, clock.now(), PATIENT, PATIENT_NAME, null, null, null, null, patient,
                TraceAction.MESSAGING, List.of(), AccessTrace.SUCCESS, detail, null));
    }
}
