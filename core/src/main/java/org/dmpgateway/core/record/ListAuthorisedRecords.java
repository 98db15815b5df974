package org.dmpgateway.core.record;

import org.apache.camel.Body;
import org.apache.camel.Header;
import org.dmpgateway.core.policy.AccessPolicy;
import org.dmpgateway.model.CoreEndpoints;
import org.dmpgateway.model.PatientRecord;
import org.dmpgateway.model.PatientRecordState;
import org.dmpgateway.model.ProfessionalConsent;
import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.access.AuthorisedRecord;
import org.dmpgateway.model.access.RecordListing;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.trail.TraceAction;
import org.dmpgateway.repository.AccessTrailRepository;
import org.dmpgateway.repository.PatientRecordRepository;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * TD0.4 "Liste des DMP autorisés" ({@code patientList}): the caller's own list, the open records
 * (CREATED, ACTIVATED) the patient authorised him on, with his authorisation given since the date
 * (LASTAUTORIZATION) or a document added since the date (LASTDOC); a record that blocks him, or that
 * is closed, opposed or not yet created, is never listed. What each record shows comes from its
 * history: his last successful action (lastAccessDate), the last document added (lastAddDate), the
 * last change of its documents or administrative data (lastUpdateDate: our reading, the DMP does not
 * say publicly), by anyone. A professional lists his own records only: another one named as the owner
 * is refused. The list reads no document: it is not traced in the records' histories.
 */
@Component
public class ListAuthorisedRecords {
    /** What counts as a change of the record for lastUpdateDate. */
    static final Set<TraceAction> CHANGES = Set.of(TraceAction.UPDATE, TraceAction.DELETE, TraceAction.UPDATE_RECORD,
            TraceAction.ADMINISTRATION);

    private final AccessPolicy policy;
    private final PatientRecordRepository records;
    private final AccessTrailRepository traces;

    public ListAuthorisedRecords(AccessPolicy policy, PatientRecordRepository records, AccessTrailRepository traces) {
        this.policy = policy;
        this.records = records;
        this.traces = traces;
    }

    public List<AuthorisedRecord> list(@Body RecordListing listing, @Header(CoreEndpoints.SINCE) Instant since,
                                       @Header(CoreEndpoints.LISTED_OWNER) String owner,
                                       @Header(CoreEndpoints.ACCESS_CONTEXT) AccessContext caller) {
        policy.admitProfessional(caller);
        if (owner != null && !owner.isBlank() && !owner.trim().equals(caller.actorId())) {
            throw new DmpException(DmpErrorCode.ACCESS_PATIENT_MISMATCH, "the listed professional: a professional "
                    + "lists his own records only, not those of " + owner.trim(), "owner");
        }
        Instant from = since == null ? Instant.EPOCH : since;
        List<AuthorisedRecord> list = new ArrayList<>();
        for (ProfessionalConsent consent : records.findConsentsOf(caller.actorId())) {
            if (!consent.isAuthorized()) {
                continue;
            }
            PatientRecord record = records.findPatient(consent.patient()).orElse(null);
            if (record == null || (record.state() != PatientRecordState.CREATED
                    && record.state() != PatientRecordState.ACTIVATED)) {
                continue;
            }
            Instant lastAdd = traces.lastAction(record.ins(), null, Set.of(TraceAction.SUBMIT)).orElse(null);
            boolean listed = listing == RecordListing.DOCUMENTS_SINCE
                    ? lastAdd != null && !lastAdd.isBefore(from)
                    : consent.since() != null && !consent.since().isBefore(from);
            if (listed) {
                list.add(new AuthorisedRecord(record, consent.isTreatingDoctor(), consent.since(),
                        traces.lastActions(record.ins()).get(caller.actorId()),
                        traces.lastAction(record.ins(), null, CHANGES).orElse(null), lastAdd));
            }
        }
        return list;
    }
}
