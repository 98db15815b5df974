package org.dmpgateway.core.trail;

import org.apache.camel.Body;
import org.apache.camel.Header;
import org.dmpgateway.model.CoreEndpoints;
import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.trail.AccessTrace;
import org.dmpgateway.model.trail.TraceAction;
import org.dmpgateway.repository.AccessTrailRepository;
import org.dmpgateway.core.policy.AccessPolicy;
import org.dmpgateway.core.policy.Admission;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * Reads the record's access history for its admin doctor or the patient (FHIR AuditEvent search):
 * the caller's patient's traces, newest first, at most {@link CoreEndpoints#LIMIT} (default
 * {@value #DEFAULT_LIMIT}). Who may read is the policy's decision
 * ({@link AccessPolicy#admitTraceReader}). The read is itself traced (READ_TRACES), in the same
 * transaction as the read, after it: the answer shows the history as it was before this read.
 */
@Component
public class ReadTraces {
    /** Traces answered when the caller gives no limit. */
    public static final int DEFAULT_LIMIT = 500;

    private final AccessPolicy policy;
    private final AccessTrailRepository traces;
    private final AccessTrail trail;
    private final TransactionTemplate transaction;

    public ReadTraces(AccessPolicy policy, AccessTrailRepository traces, AccessTrail trail,
                      TransactionTemplate transaction) {
        this.policy = policy;
        this.traces = traces;
        this.trail = trail;
        this.transaction = transaction;
    }

    public List<AccessTrace> read(@Body Object requested, @Header(CoreEndpoints.ACCESS_CONTEXT) AccessContext caller,
                                  @Header(CoreEndpoints.LIMIT) Integer limit) {
        Admission admission = policy.admitTraceReader(caller, requested instanceof PatientRef p ? p : null);
        if (limit != null && limit < 0) {
            throw new DmpException(DmpErrorCode.INVALID_QUERY_PARAMETER, "the number of traces asked for ("
                    + limit + ") must be 0 or more", CoreEndpoints.LIMIT);
        }
        int max = limit == null ? DEFAULT_LIMIT : limit;
        return transaction.execute(status -> {
            List<AccessTrace> found = traces.findByPatient(admission.patient(), max);
            trail.succeeded(admission, TraceAction.READ_TRACES, List.of(), found.size() + " traces read");
            return found;
        });
    }
}
