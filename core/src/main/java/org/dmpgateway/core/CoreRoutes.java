package org.dmpgateway.core;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;
import org.dmpgateway.model.CoreEndpoints;
import org.dmpgateway.model.access.AuthorizationDeclaration;
import org.dmpgateway.model.access.PatientSearch;
import org.dmpgateway.model.access.RecordRevision;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.DocumentRemoval;
import org.dmpgateway.model.DocumentUpdate;
import org.dmpgateway.model.Submission;
import org.dmpgateway.model.query.ListSearch;
import org.dmpgateway.model.query.QueryCommand;
import org.dmpgateway.model.query.RetrieveCommand;
import org.dmpgateway.model.trail.TraceAction;
import org.dmpgateway.core.consent.DeclareAuthorization;
import org.dmpgateway.core.consent.ListProfessionals;
import org.dmpgateway.core.profile.ProfessionalMedicalProfile;
import org.dmpgateway.core.record.ListAuthorisedRecords;
import org.dmpgateway.core.record.ReviseRecord;
import org.dmpgateway.core.record.SearchPatientsWithoutIns;
import org.dmpgateway.core.query.ListMembers;
import org.dmpgateway.core.query.StoredQueries;
import org.dmpgateway.core.retrieve.RetrieveDocuments;
import org.dmpgateway.core.submission.SubmitDocuments;
import org.dmpgateway.core.trail.AccessTrail;
import org.dmpgateway.core.trail.ReadTraces;
import org.dmpgateway.core.update.RemoveDocuments;
import org.dmpgateway.core.update.UpdateDocuments;
import org.springframework.stereotype.Component;

import java.util.function.Function;

/**
 * The core transaction routes. Every adapter (SOAP, FHIR, REST) sends its internal command here,
 * with the caller's identity in the header {@link CoreEndpoints#ACCESS_CONTEXT}; the answer is the
 * internal result. Each service admits the caller through the access policy first; a refusal is
 * traced, then travels back to the adapter as a {@link DmpException}.
 */
@Component
public class CoreRoutes extends RouteBuilder {
    private final SubmitDocuments submitDocuments;
    private final StoredQueries storedQueries;
    private final ListMembers listMembers;
    private final RetrieveDocuments retrieveDocuments;
    private final DeclareAuthorization declareAuthorization;
    private final UpdateDocuments updateDocuments;
    private final RemoveDocuments removeDocuments;
    private final ReadTraces readTraces;
    private final AccessTrail trail;
    private final ListProfessionals listProfessionals;
    private final ListAuthorisedRecords listAuthorisedRecords;
    private final ReviseRecord reviseRecord;
    private final SearchPatientsWithoutIns searchPatients;
    private final ProfessionalMedicalProfile medicalProfile;

    public CoreRoutes(SubmitDocuments submitDocuments, StoredQueries storedQueries, ListMembers listMembers,
                      RetrieveDocuments retrieveDocuments,
                      DeclareAuthorization declareAuthorization, UpdateDocuments updateDocuments,
                      RemoveDocuments removeDocuments, ReadTraces readTraces, AccessTrail trail,
                      ListProfessionals listProfessionals, ListAuthorisedRecords listAuthorisedRecords,
                      ReviseRecord reviseRecord, SearchPatientsWithoutIns searchPatients,
                      ProfessionalMedicalProfile medicalProfile) {
        this.submitDocuments = submitDocuments;
        this.storedQueries = storedQueries;
        this.listMembers = listMembers;
        this.retrieveDocuments = retrieveDocuments;
        this.declareAuthorization = declareAuthorization;
        this.updateDocuments = updateDocuments;
        this.removeDocuments = removeDocuments;
        this.readTraces = readTraces;
        this.trail = trail;
        this.listProfessionals = listProfessionals;
        this.listAuthorisedRecords = listAuthorisedRecords;
        this.reviseRecord = reviseRecord;
        this.searchPatients = searchPatients;
        this.medicalProfile = medicalProfile;
    }

    @Override
    public void configure() {
        // no redelivery, no logging here: a refusal travels back to the adapter, which answers it
        errorHandler(defaultErrorHandler().logExhausted(false).logStackTrace(false));

        command(CoreEndpoints.SUBMIT_DOCUMENTS, "submit-documents", Submission.class, submitDocuments, "submit",
                refusedAs(TraceAction.SUBMIT));
        command(CoreEndpoints.QUERY_REGISTRY, "query-registry", QueryCommand.class, storedQueries, "execute",
                refusedAs(TraceAction.QUERY));
        // ITI-18: the same query, the documents of a FindDocuments read while the answer is written
        command(CoreEndpoints.QUERY_REGISTRY_STREAMED, "query-registry-streamed", QueryCommand.class, storedQueries,
                "executeStreamed", refusedAs(TraceAction.QUERY));
        // ITI-67: a page of FindDocuments and the total of its selection, as one query
        command(CoreEndpoints.FIND_DOCUMENTS_PAGE, "find-documents-page", QueryCommand.class, storedQueries, "page",
                refusedAs(TraceAction.QUERY));
        // the document a FHIR PATCH or DELETE names: refused (and traced) as that change, never as a query
        command(CoreEndpoints.FIND_FOR_CHANGE, "find-for-change", QueryCommand.class, storedQueries, "findForChange",
                exchange -> exchange.getMessage().getHeader(CoreEndpoints.CHANGE_ACTION, TraceAction.UPDATE,
                        TraceAction.class));
        // ITI-66: the Lists and their visible members as one query
        command(CoreEndpoints.FIND_LISTS, "find-lists", ListSearch.class, listMembers, "find",
                refusedAs(TraceAction.QUERY));
        command(CoreEndpoints.RETRIEVE_DOCUMENTS, "retrieve-documents", RetrieveCommand.class, retrieveDocuments,
                "retrieve", refusedAs(TraceAction.RETRIEVE));
        // an ITI-57 request that only deletes documents is traced as DELETE, like ITI-62
        command(CoreEndpoints.UPDATE_DOCUMENTS, "update-documents", DocumentUpdate.class, updateDocuments, "update",
                exchange -> UpdateDocuments.traceAction(exchange.getMessage().getBody()));
        command(CoreEndpoints.REMOVE_DOCUMENTS, "remove-documents", DocumentRemoval.class, removeDocuments, "remove",
                refusedAs(TraceAction.DELETE));
        command(CoreEndpoints.DECLARE_AUTHORIZATION, "declare-authorization", AuthorizationDeclaration.class,
                declareAuthorization, "declare",
                exchange -> DeclareAuthorization.traceAction(exchange.getMessage().getBody()));
        command(CoreEndpoints.RECORD_STATUS, "record-status", null, declareAuthorization, "status",
                refusedAs(TraceAction.STATUS_CHECK));
        command(CoreEndpoints.READ_TRACES, "read-traces", null, readTraces, "read",
                refusedAs(TraceAction.READ_TRACES));
        // the DMP's administrative services: TD1.6, TD0.4, TD1.3b / TD1.4
        command(CoreEndpoints.LIST_PROFESSIONALS, "list-professionals", null, listProfessionals, "list",
                refusedAs(TraceAction.LIST_PROFESSIONALS));
        // TD0.4 is about no record in particular: a refusal (no identity) is traced in the VIHF's patient's history
        command(CoreEndpoints.LIST_AUTHORISED_RECORDS, "list-authorised-records", null, listAuthorisedRecords, "list",
                refusedAs(TraceAction.QUERY));
        command(CoreEndpoints.REVISE_RECORD, "revise-record", RecordRevision.class, reviseRecord, "revise",
                exchange -> ReviseRecord.traceAction(exchange.getMessage().getBody()));
        // TD0.5 is about no record in particular either: a refusal is traced in the VIHF's patient's history
        command(CoreEndpoints.SEARCH_PATIENTS, "search-patients", PatientSearch.class, searchPatients, "search",
                refusedAs(TraceAction.QUERY));
        // the medical profile over FHIR (issue 16): a read as a query, a vaccination added as a submission
        command(CoreEndpoints.MEDICAL_PROFILE, "medical-profile", null, medicalProfile, "handle",
                ProfessionalMedicalProfile::traceAction);

        // a refusal an adapter answered itself once the caller was known (400, 404, 412...)
        from(CoreEndpoints.TRACE_REFUSAL).routeId("trace-refusal")
                .bean(trail, "reported");
    }

    /**
     * One command route: the body converted to the command type (when one is given), handed to the
     * service's method; a refusal ({@link DmpException}) is traced with the action {@code refusedAs}
     * names, then travels back to the caller unchanged.
     */
    private void command(String uri, String routeId, Class<?> commandType, Object service, String method,
                         Function<Exchange, TraceAction> refusedAs) {
        RouteDefinition route = from(uri).routeId(routeId);
        route.onException(DmpException.class)
                .process(trail.traceRefusal(refusedAs))
                .end();
        if (commandType != null) {
            route.convertBodyTo(commandType);
        }
        route.bean(service, method);
    }

    private static Function<Exchange, TraceAction> refusedAs(TraceAction action) {
        return exchange -> action;
    }
}
