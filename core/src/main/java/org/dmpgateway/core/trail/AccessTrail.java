package org.dmpgateway.core.trail;

import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.Processor;
import org.dmpgateway.model.CoreEndpoints;
import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.error.DmpError;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.DocumentRemoval;
import org.dmpgateway.model.DocumentUpdate;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.Submission;
import org.dmpgateway.model.query.QueryCommand;
import org.dmpgateway.model.query.RegistryQuery.GetDocuments;
import org.dmpgateway.model.query.RetrieveCommand;
import org.dmpgateway.model.trail.AccessTrace;
import org.dmpgateway.model.trail.TraceAction;
import org.dmpgateway.model.trail.Notification;
import org.dmpgateway.repository.AccessTrailRepository;
import org.dmpgateway.repository.NotificationOutbox;
import org.dmpgateway.core.policy.Admission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.function.Function;

/**
 * The record's history and the patient's e-mails. A successful action is traced (and its e-mails
 * put in the outbox) by the action itself, inside its own database transaction, so that the action,
 * its trace and its notifications commit together; a refused attempt is traced on its own.
 */
@Component
public class AccessTrail {
    private static final Logger LOG = LoggerFactory.getLogger(AccessTrail.class);
    /** At most this many document ids are kept on one trace; the detail tells how many there were. */
    static final int MAX_IDS = 100;

    private final AccessTrailRepository traces;
    private final NotificationOutbox outbox;
    private final Clock clock;

    @Autowired
    public AccessTrail(AccessTrailRepository traces, NotificationOutbox outbox) {
        this(traces, outbox, Clock.systemUTC());
    }

    AccessTrail(AccessTrailRepository traces, NotificationOutbox outbox, Clock clock) {
        this.traces = traces;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Traces a successful action and queues its e-mails: first access of this professional, and
     * any emergency access. Call it inside the action's transaction.
     */
    public void succeeded(Admission admission, TraceAction action, List<String> documentIds, String detail) {
        Instant now = clock.instant();
        traces.record(trace(admission.context(), null, action, documentIds, AccessTrace.SUCCESS, detail, now));
        accessMails(admission, now).forEach(outbox::enqueue);
    }

    /**
     * {@link #succeeded} for an action that writes nothing else (a query, a retrieve), committed when
     * it returns: the trace alone is one statement, committed by itself (no transaction around it:
     * one round trip fewer); when e-mails go with it, the trace and the e-mails commit together in
     * one transaction of {@code transaction}.
     */
    public void readSucceeded(TransactionTemplate transaction, Admission admission, TraceAction action,
                              List<String> documentIds, String detail) {
        Instant now = clock.instant();
        AccessTrace trace = trace(admission.context(), null, action, documentIds, AccessTrace.SUCCESS, detail, now);
        List<Notification> mails = accessMails(admission, now);
        if (mails.isEmpty()) {
            traces.record(trace);
            return;
        }
        transaction.executeWithoutResult(status -> {
            traces.record(trace);
            mails.forEach(outbox::enqueue);
        });
    }

    /** The e-mails an access sends the patient: first access of this professional, any emergency access. */
    private static List<Notification> accessMails(Admission admission, Instant now) {
        List<Notification> mails = new ArrayList<>(2);
        if (admission.firstAccess()) {
            PatientNotifications.firstAccess(admission.record(), admission.context(), now).ifPresent(mails::add);
        }
        if (admission.context().mode().isEmergency()) {
            PatientNotifications.emergencyAccess(admission.record(), admission.context(), now).ifPresent(mails::add);
        }
        return mails;
    }

    /** Queues the e-mail telling the patient documents were added. Call it inside the submission's transaction. */
    public void documentsAdded(Admission admission, List<DocumentEntryRecord> documents) {
        if (!documents.isEmpty()) {
            PatientNotifications.documentsAdded(admission.record(), admission.context(), documents, clock.instant())
                    .ifPresent(outbox::enqueue);
        }
    }

    /** Traces a status check (TD0.2), which reads no document and may concern a closed record. */
    public void checked(AccessContext context) {
        traces.record(trace(context, null, TraceAction.STATUS_CHECK, List.of(), AccessTrace.SUCCESS, null, clock.instant()));
    }

    /** Traces a refused attempt (its own transaction: the action's was rolled back or never began). */
    public void refused(AccessContext context, TraceAction action, List<String> documentIds, DmpException refusal) {
        refused(context, null, action, documentIds, refusal);
    }

    /**
     * Traces a refused attempt in the history of the record it targeted: {@code targeted}, the
     * patient the request named, when it names one (a probe on another patient than the identity's
     * is traced in that patient's history), else the identity's patient.
     */
    public void refused(AccessContext context, PatientRef targeted, TraceAction action, List<String> documentIds,
                        DmpException refusal) {
        String detail = refusal.errors().stream().map(DmpError::message).distinct().collect(Collectors.joining("; "));
        traces.record(trace(context, targeted, action, documentIds, refusal.code().name(), detail, clock.instant()));
    }

    /**
     * Traces a refusal an adapter answered itself ({@link CoreEndpoints#TRACE_REFUSAL}: a malformed
     * request answered 400, a document not found answered 404, a version mismatch 412...), once the
     * caller's identity is known. Without an identity there is no record to trace it in: ignored.
     */
    public void reported(DmpException refusal, @Header(CoreEndpoints.ACCESS_CONTEXT) AccessContext context,
                         @Header(CoreEndpoints.TRACE_ACTION) TraceAction action,
                         @Header(CoreEndpoints.DOCUMENT_IDS) List<String> documentIds) {
        if (context == null || refusal == null) {
            return;
        }
        refused(context, null, action == null ? TraceAction.QUERY : action,
                documentIds == null ? List.of() : documentIds, refusal);
    }

    /**
     * The processor a core route runs when its service refused ({@code onException(DmpException)}):
     * traces the refusal with the request's identity and documents and marks it
     * {@link DmpException#tracedByCore() traced}; the refusal then travels back to the adapter.
     */
    public Processor traceRefusal(Function<Exchange, TraceAction> actionOfExchange) {
        return exchange -> {
            Exception caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
            if (caught == null) {
                caught = exchange.getException();
            }
            if (caught instanceof DmpException refused) {
                TraceAction action = actionOfExchange.apply(exchange);
                try {
                    Object body = exchange.getMessage().getBody();
                    refused(exchange.getMessage().getHeader(CoreEndpoints.ACCESS_CONTEXT, AccessContext.class),
                            targetedPatient(body), action, documentIdsOf(body), refused);
                    refused.markTracedByCore();
                } catch (RuntimeException e) {
                    LOG.error("could not trace a refused {} ({})", action, refused.getMessage(), e);
                }
            }
        };
    }

    private AccessTrace trace(AccessContext c, PatientRef targeted, TraceAction action, List<String> ids,
                              String outcome, String detail, Instant now) {
        List<String> kept = ids.size() > MAX_IDS ? ids.subList(0, MAX_IDS) : ids;
        String fullDetail = ids.size() > MAX_IDS ? (detail == null ? "" : detail + "; ") + ids.size() + " documents"
                : detail;
        if (c == null) {
            return new AccessTrace(null, now, null, null, null, null, null, null, targeted, action, kept, outcome,
                    fullDetail, null);
        }
        String role = c.professionCode() + (c.specialtyCode() == null ? "" : "/" + c.specialtyCode());
        return new AccessTrace(null, now, c.actorId(), c.actorName(), c.structureId(), role, c.mode(),
                c.justification(), targeted != null ? targeted : c.patient(), action, kept, outcome, fullDetail,
                c.software());
    }

    /**
     * The patient a command names itself (the one the access policy compares with the identity's),
     * or null: a submission's or update's submission set patient, a query's patient parameter.
     */
    static PatientRef targetedPatient(Object body) {
        if (body instanceof Submission s && s.submissionSet() != null) {
            return s.submissionSet().patientId();
        }
        if (body instanceof DocumentUpdate u && u.submissionSet() != null) {
            return u.submissionSet().patientId();
        }
        if (body instanceof QueryCommand q && q.query() != null) {
            return q.query().patient();
        }
        return null;
    }

    private static List<String> documentIdsOf(Object body) {
        if (body instanceof Submission s) {
            return s.documents().stream().map(d -> d.entry().uniqueId()).filter(Objects::nonNull).toList();
        }
        if (body instanceof RetrieveCommand r) {
            // ITI-68 names the document by its entryUUID: trace the identifier the request gave
            return r.items().stream().map(i -> i.documentUniqueId() != null ? i.documentUniqueId() : i.entryUuid())
                    .filter(Objects::nonNull).toList();
        }
        if (body instanceof DocumentUpdate u) {
            List<String> ids = new ArrayList<>(u.newVersions().stream().map(v -> v.entry().uniqueId())
                    .filter(Objects::nonNull).toList());
            u.statusChanges().stream().map(DocumentUpdate.StatusChange::target).filter(Objects::nonNull)
                    .forEach(ids::add);
            return ids;
        }
        if (body instanceof DocumentRemoval r && r.entryUuids() != null) {
            return r.entryUuids().stream().filter(Objects::nonNull).toList();
        }
        if (body instanceof QueryCommand q && q.query() instanceof GetDocuments g) {
            return g.selection().identifiers();
        }
        return List.of();
    }
}
