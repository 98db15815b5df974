package org.dmpgateway.model;

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
import org.dmpgateway.model.profile.ProfessionalProfileAccess;
import org.dmpgateway.model.profile.ProfileEntry;
import org.dmpgateway.model.query.DocumentsPage;
import org.dmpgateway.model.query.FoundLists;
import org.dmpgateway.model.query.ListSearch;
import org.dmpgateway.model.query.QueryCommand;
import org.dmpgateway.model.query.QueryResult;
import org.dmpgateway.model.query.RetrieveCommand;
import org.dmpgateway.model.query.RetrieveResult;
import org.dmpgateway.model.query.StreamedQueryResult;
import org.dmpgateway.model.trail.AccessTrace;
import org.dmpgateway.model.trail.TraceAction;

import java.time.Instant;
import java.util.List;

/**
 * The core's front door: one method per command an adapter sends (SOAP, FHIR, REST, and the adapters
 * to come). Every method takes the caller's identity ({@link AccessContext}, read by the adapter);
 * the core admits the caller through its access policy, applies the DMP's rules and traces the
 * action in the record's history.
 *
 * <p>Failures: a refusal is a {@link DmpException} whose {@link DmpException#tracedByCore()} is true
 * when the core traced it already (the adapter must not report it again through
 * {@link #traceRefusal}); anything unexpected is an {@link IllegalStateException}. A command without
 * a caller is refused (IDENTITY_MISSING).
 *
 * <p>Adapters depend on this interface only (module {@code model}); the implementation over Camel
 * lives in module {@code core}.
 */
public interface Core {

    /** ITI-41, ITI-65, ITI-105: stores a submission; answers it as stored (UUIDs resolved). */
    Submission submit(Submission submission, AccessContext caller);

    /** ITI-18, ITI-66, ITI-67: a stored query, the caller's visibility applied. */
    QueryResult query(QueryCommand command, AccessContext caller);

    /**
     * ITI-18: the same answer as {@link #query}, admitted, capped and traced the same way, with the
     * documents of a FindDocuments (LeafClass, without relationships) left in an open cursor, read
     * one by one while the answer is written; the caller closes it
     * ({@link StreamedQueryResult#close()}) whatever happens. Other queries come back whole.
     */
    default StreamedQueryResult queryStreamed(QueryCommand command, AccessContext caller) {
        return StreamedQueryResult.whole(query(command, caller));
    }

    /**
     * ITI-66: the submission sets and folders a List search selects, each with the documents it
     * references that the caller may see (the same visibility as a stored query: habilitation,
     * masking, deleted entries), found as one query: one admission, one trace naming these
     * documents (each once). {@code dmp.xds.max-query-results} caps the number of Lists (sets and
     * folders together), not their members.
     */
    FoundLists findLists(ListSearch search, AccessContext caller);

    /**
     * ITI-67: one page of a FindDocuments (its offset and limit) and the number of documents the same
     * caller would get without them ({@code Bundle.total}), as one query: one admission, one trace
     * naming the page's documents. The total is the page's end when the page shows it (fewer
     * documents than the limit), counted otherwise.
     */
    DocumentsPage findPage(QueryCommand command, AccessContext caller);

    /**
     * The documents an id-based query names, for a change the caller prepares (FHIR PATCH, DELETE):
     * admitted with the rules of {@code change} (UPDATE or DELETE), not traced when it succeeds (the
     * change that follows is), a refusal traced with the change's action.
     */
    QueryResult findForChange(QueryCommand command, TraceAction change, AccessContext caller);

    /** ITI-43, ITI-68: the documents' content. */
    RetrieveResult retrieve(RetrieveCommand command, AccessContext caller);

    /** ITI-57, FHIR PATCH and DELETE: metadata update; answers the new document entry versions. */
    List<DocumentEntryRecord> update(DocumentUpdate update, AccessContext caller);

    /** ITI-62: the author's logical deletion of document entries. */
    void remove(DocumentRemoval removal, AccessContext caller);

    /** TD0.3: the professional's software declares or withdraws the patient's authorisation. */
    RecordStatus declareAuthorization(AuthorizationDeclaration declaration, AccessContext caller);

    /**
     * TD0.2: the record's state and the caller's standing; {@code requested} the patient the request
     * names, or null for the caller's own patient.
     */
    RecordStatus recordStatus(PatientRef requested, AccessContext caller);

    /**
     * The record's access history, newest first, at most {@code limit} traces (null: 500). Only the
     * record's admin doctor (normal mode) and the patient themself may read it (TRACE_ACCESS_DENIED);
     * the read is traced (READ_TRACES). {@code requested}: the patient the request names, or null.
     */
    List<AccessTrace> readTraces(PatientRef requested, Integer limit, AccessContext caller);

    /**
     * A refusal an adapter answered itself once the caller was known (a malformed request answered
     * 400, a document not found 404, a version mismatch 412...): the core traces it in the targeted
     * record's history with {@code action} and the document ids the request named. Never throws a
     * refusal; without a caller nothing is traced.
     */
    void traceRefusal(DmpException refusal, TraceAction action, List<String> documentIds, AccessContext caller);

    /**
     * TD1.6: the caller's patient's authorised and blocked professionals ({@code only} one status,
     * null for both). Admitted like a read of the record; traced LIST_PROFESSIONALS.
     */
    List<ProfessionalStanding> listProfessionals(ConsentStatus only, AccessContext caller);

    /**
     * TD0.4: the open records the caller is authorised on, with his authorisation given since
     * {@code since} or a document added since {@code since} ({@code listing}). Not about the caller's
     * patient: the VIHF's resource-id is ignored. {@code owner}: the professional whose records the
     * request names, or null for the caller; a professional lists only his own records.
     */
    List<AuthorisedRecord> listAuthorisedRecords(RecordListing listing, Instant since, String owner,
                                                 AccessContext caller);

    /**
     * TD1.3b, TD1.4: the caller changes the administrative data of his patient's record or closes it
     * ({@code requested}: the patient the message names). Answers the record's new status.
     */
    RecordStatus reviseRecord(RecordRevision revision, PatientRef requested, AccessContext caller);

    /**
     * TD0.5: the patients whose records match the demographics a professional searches by, without
     * their INS. Not about the caller's patient: the VIHF's resource-id is ignored. At most a few
     * patients (beyond: TOO_MANY_RESULTS); which records may be found is the core's rule.
     */
    List<PatientMatch> searchPatients(PatientSearch search, AccessContext caller);

    /**
     * The medical profile over FHIR (issue 16): a professional reads one of the sections professionals
     * read (vaccinations, care history, contacts and wishes) or adds a vaccination
     * ({@code access.vaccination()} set). Admitted as a query (read) or a submission (vaccination
     * added) of the record; traced QUERY or SUBMIT with the section. Answers the section's entries
     * (read) or the one vaccination added.
     */
    List<ProfileEntry> medicalProfile(ProfessionalProfileAccess access, PatientRef requested, AccessContext caller);
}
