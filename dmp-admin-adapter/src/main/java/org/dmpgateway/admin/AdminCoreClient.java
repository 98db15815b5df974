package org.dmpgateway.admin;

import org.dmpgateway.model.ConsentStatus;
import org.dmpgateway.model.Core;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.access.AuthorisedRecord;
import org.dmpgateway.model.access.AuthorizationDeclaration;
import org.dmpgateway.model.access.PatientMatch;
import org.dmpgateway.model.access.PatientSearch;
import org.dmpgateway.model.access.ProfessionalStanding;
import org.dmpgateway.model.access.RecordListing;
import org.dmpgateway.model.access.RecordRevision;
import org.dmpgateway.model.access.RecordStatus;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.trail.TraceAction;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * Every call the DMP administrative services make to the core, through its typed front door
 * ({@link Core}). The core decides; the services translate its answers and refusals
 * ({@link DmpException}) into the DMP's messages.
 */
@Component
public class AdminCoreClient {
    private final Core core;

    public AdminCoreClient(Core core) {
        this.core = core;
    }

    /** TD0.2 / TD1.3a: the record of the caller's patient ({@code requested}: the patient the message names). */
    public RecordStatus recordStatus(AccessContext caller, PatientRef requested) {
        return core.recordStatus(requested, caller);
    }

    /** TD0.3: the caller declares or withdraws the patient's authorisation, or his médecin traitant role. */
    public RecordStatus declare(AccessContext caller, AuthorizationDeclaration declaration) {
        return core.declareAuthorization(declaration, caller);
    }

    /** TD1.6: the record's authorised and blocked professionals ({@code only}: one status, null for both). */
    public List<ProfessionalStanding> professionals(AccessContext caller, ConsentStatus only) {
        return core.listProfessionals(only, caller);
    }

    /** TD0.4: the records the caller is authorised on, listed as {@code listing} says since {@code since}. */
    public List<AuthorisedRecord> authorisedRecords(AccessContext caller, RecordListing listing, Instant since,
                                                    String owner) {
        return core.listAuthorisedRecords(listing, since, owner, caller);
    }

    /** A refusal the service decided itself (a malformed message), traced by the core in the record's history. */
    public void traceRefusal(AccessContext caller, DmpException refusal, TraceAction action) {
        if (!refusal.tracedByCore()) {
            core.traceRefusal(refusal, action, List.of(), caller);
        }
    }

    /** TD0.5: the patients matching the demographics searched, without their INS. */
    public List<PatientMatch> searchPatients(AccessContext caller, PatientSearch search) {
        return core.searchPatients(search, caller);
    }

    /** TD1.3b / TD1.4: the record's administrative data changed, or the record closed. */
    public RecordStatus revise(AccessContext caller, RecordRevision revision, PatientRef requested) {
        return core.reviseRecord(revision, requested, caller);
    }
}
