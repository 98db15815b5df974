package org.dmpgateway.core;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.dmpgateway.model.Core;
import org.dmpgateway.model.CoreEndpoints;
import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.DocumentRemoval;
import org.dmpgateway.model.DocumentUpdate;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.Submission;
import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.ConsentStatus;
import org.dmpgateway.model.access.AuthorisedRecord;
import org.dmpgateway.model.access.AuthorizationDeclaration;
import org.dmpgateway.model.access.PatientMatch;
import org.dmpgateway.model.access.PatientSearch;
import org.dmpgateway.model.access.ProfessionalStanding;
import org.dmpgateway.model.access.RecordListing;
import org.dmpgateway.model.access.RecordRevision;
import org.dmpgateway.model.access.RecordStatus;
import org.dmpgateway.model.error.Causes;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link Core} over Camel: each command goes to its core route ({@link CoreRoutes},
 * {@link CoreEndpoints}) with the caller in the header {@link CoreEndpoints#ACCESS_CONTEXT}; the
 * answer comes back typed, a refusal as the core's {@link DmpException} itself, anything else as an
 * {@link IllegalStateException}. The one place that knows the routes' names and answer types.
 */
@Component
public class CamelCore implements Core {
    private static final Logger LOG = LoggerFactory.getLogger(CamelCore.class);

    private final ProducerTemplate producer;
    /** The core's endpoints, each resolved once (not its URI normalised and looked up on every command). */
    private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();

    public CamelCore(ProducerTemplate producer) {
        this.producer = producer;
    }

    @Override
    public Submission submit(Submission submission, AccessContext caller) {
        return send(CoreEndpoints.SUBMIT_DOCUMENTS, submission, caller, Map.of(), Submission.class);
    }

    @Override
    public QueryResult query(QueryCommand command, AccessContext caller) {
        return send(CoreEndpoints.QUERY_REGISTRY, command, caller, Map.of(), QueryResult.class);
    }

    @Override
    public StreamedQueryResult queryStreamed(QueryCommand command, AccessContext caller) {
        return send(CoreEndpoints.QUERY_REGISTRY_STREAMED, command, caller, Map.of(), StreamedQueryResult.class);
    }

    @Override
    public FoundLists findLists(ListSearch search, AccessContext caller) {
        return send(CoreEndpoints.FIND_LISTS, search, caller, Map.of(), FoundLists.class);
    }

    @Override
    public DocumentsPage findPage(QueryCommand command, AccessContext caller) {
        return send(CoreEndpoints.FIND_DOCUMENTS_PAGE, command, caller, Map.of(), DocumentsPage.class);
    }

    @Override
    public QueryResult findForChange(QueryCommand command, TraceAction change, AccessContext caller) {
        return send(CoreEndpoints.FIND_FOR_CHANGE, command, caller, Map.of(CoreEndpoints.CHANGE_ACTION, change),
                QueryResult.class);
    }

    @Override
    public RetrieveResult retrieve(RetrieveCommand command, AccessContext caller) {
        return send(CoreEndpoints.RETRIEVE_DOCUMENTS, command, caller, Map.of(), RetrieveResult.class);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<DocumentEntryRecord> update(DocumentUpdate update, AccessContext caller) {
        List<DocumentEntryRecord> versions = send(CoreEndpoints.UPDATE_DOCUMENTS, update, caller, Map.of(), List.class);
        return versions == null ? List.of() : versions;
    }

    @Override
    public void remove(DocumentRemoval removal, AccessContext caller) {
        send(CoreEndpoints.REMOVE_DOCUMENTS, removal, caller, Map.of(), null);
    }

    @Override
    public RecordStatus declareAuthorization(AuthorizationDeclaration declaration, AccessContext caller) {
        return send(CoreEndpoints.DECLARE_AUTHORIZATION, declaration, caller, Map.of(), RecordStatus.class);
    }

    @Override
    public RecordStatus recordStatus(PatientRef requested, AccessContext caller) {
        return send(CoreEndpoints.RECORD_STATUS, requested, caller, Map.of(), RecordStatus.class);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<AccessTrace> readTraces(PatientRef requested, Integer limit, AccessContext caller) {
        Map<String, Object> headers = limit == null ? Map.of() : Map.of(CoreEndpoints.LIMIT, limit);
        List<AccessTrace> traces = send(CoreEndpoints.READ_TRACES, requested, caller, headers, List.class);
        return traces == null ? List.of() : traces;
    }

    @Override
    public void traceRefusal(DmpException refusal, TraceAction action, List<String> documentIds, AccessContext caller) {
        if (caller == null || refusal == null) {
            return;
        }
        Map<String, Object> headers = new HashMap<>();
        headers.put(CoreEndpoints.TRACE_ACTION, action);
        headers.put(CoreEndpoints.DOCUMENT_IDS, documentIds == null ? List.of() : documentIds);
        try {
            send(CoreEndpoints.TRACE_REFUSAL, refusal, caller, headers, null);
        } catch (RuntimeException e) {
            LOG.error("could not trace a refused {} ({})", action, refusal.getMessage(), e);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<ProfessionalStanding> listProfessionals(ConsentStatus only, AccessContext caller) {
        List<ProfessionalStanding> list = send(CoreEndpoints.LIST_PROFESSIONALS, only, caller, Map.of(), List.class);
        return list == null ? List.of() : list;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<AuthorisedRecord> listAuthorisedRecords(RecordListing listing, Instant since, String owner,
                                                        AccessContext caller) {
        Map<String, Object> headers = new HashMap<>();
        if (since != null) {
            headers.put(CoreEndpoints.SINCE, since);
        }
        if (owner != null) {
            headers.put(CoreEndpoints.LISTED_OWNER, owner);
        }
        List<AuthorisedRecord> list = send(CoreEndpoints.LIST_AUTHORISED_RECORDS, listing, caller, headers, List.class);
        return list == null ? List.of() : list;
    }

    @Override
    public RecordStatus reviseRecord(RecordRevision revision, PatientRef requested, AccessContext caller) {
        Map<String, Object> headers = requested == null ? Map.of() : Map.of(CoreEndpoints.REQUESTED_PATIENT, requested);
        return send(CoreEndpoints.REVISE_RECORD, revision, caller, headers, RecordStatus.class);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<PatientMatch> searchPatients(PatientSearch search, AccessContext caller) {
        List<PatientMatch> found = send(CoreEndpoints.SEARCH_PATIENTS, search, caller, Map.of(), List.class);
        return found == null ? List.of() : found;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<ProfileEntry> medicalProfile(ProfessionalProfileAccess access, PatientRef requested,
                                             AccessContext caller) {
        Map<String, Object> headers = requested == null ? Map.of() : Map.of(CoreEndpoints.REQUESTED_PATIENT, requested);
        List<ProfileEntry> entries = send(CoreEndpoints.MEDICAL_PROFILE, access, caller, headers, List.class);
        return entries == null ? List.of() : entries;
    }

    private <T> T send(String endpoint, Object command, AccessContext caller, Map<String, Object> headers,
                       Class<T> answerType) {
        Endpoint target = endpoints.computeIfAbsent(endpoint, uri -> producer.getCamelContext().getEndpoint(uri));
        Exchange answer = producer.request(target, exchange -> {
            exchange.getIn().setBody(command);
            exchange.getIn().setHeaders(new HashMap<>(headers));
            exchange.getIn().setHeader(CoreEndpoints.ACCESS_CONTEXT, caller);
        });
        Exception failure = answer.getException();
        if (failure != null) {
            DmpException refusal = Causes.refusalIn(failure);
            if (refusal != null) {
                throw refusal;
            }
            throw new IllegalStateException("the core command " + endpoint + " failed", failure);
        }
        return answerType == null ? null : answer.getMessage().getBody(answerType);
    }
}
