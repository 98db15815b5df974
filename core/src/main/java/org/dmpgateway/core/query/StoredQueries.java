package org.dmpgateway.core.query;

import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.AssociationKind;
import org.dmpgateway.model.AssociationRecord;
import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.FolderRecord;
import org.dmpgateway.model.SubmissionSetRecord;
import org.dmpgateway.model.query.AssociationCriteria;
import org.dmpgateway.model.query.DocumentCriteria;
import org.dmpgateway.model.query.DocumentsPage;
import org.dmpgateway.model.query.FolderCriteria;
import org.dmpgateway.model.query.QueryCommand;
import org.dmpgateway.model.query.QueryResult;
import org.dmpgateway.model.query.RegistryQuery;
import org.dmpgateway.model.query.RegistryQuery.FindDocuments;
import org.dmpgateway.model.query.RegistryQuery.FindFolders;
import org.dmpgateway.model.query.RegistryQuery.FindSubmissionSets;
import org.dmpgateway.model.query.RegistryQuery.GetAll;
import org.dmpgateway.model.query.RegistryQuery.GetAssociations;
import org.dmpgateway.model.query.RegistryQuery.GetDocuments;
import org.dmpgateway.model.query.RegistryQuery.GetDocumentsAndAssociations;
import org.dmpgateway.model.query.RegistryQuery.GetFolderAndContents;
import org.dmpgateway.model.query.RegistryQuery.GetFolders;
import org.dmpgateway.model.query.RegistryQuery.GetFoldersForDocument;
import org.dmpgateway.model.query.RegistryQuery.GetRelatedDocuments;
import org.dmpgateway.model.query.RegistryQuery.GetSubmissionSetAndContents;
import org.dmpgateway.model.query.RegistryQuery.GetSubmissionSets;
import org.dmpgateway.model.query.Selection;
import org.dmpgateway.model.query.StreamedQueryResult;
import org.dmpgateway.model.query.SubmissionSetCriteria;
import org.dmpgateway.repository.DocumentKey;
import org.dmpgateway.repository.ObjectKind;
import org.dmpgateway.repository.RegistryRepository;
import org.dmpgateway.config.DmpProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.apache.camel.Header;
import org.dmpgateway.model.CoreEndpoints;
import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.trail.TraceAction;
import org.dmpgateway.core.policy.AccessPolicy;
import org.dmpgateway.core.policy.Admission;
import org.dmpgateway.core.trail.AccessTrail;
import org.dmpgateway.core.trail.ProbedDocuments;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Executes the XDS stored queries (ITI-18 semantics, IHE ITI TF-2a 3.18.4.1.2.3.7) on the
 * repository, for one admitted professional: every selection is restricted to the patient of the
 * caller's identity and, for documents, to what the caller may see ({@link Admission#visibility()}:
 * habilitation, masking, deleted entries), inside the SQL query itself. Associations are returned
 * only when each end is an object the caller may see. The result size is capped
 * ({@code dmp.xds.max-query-results}): beyond it the caller gets TOO_MANY_RESULTS rather than a
 * silently cut list. The cap is checked against what one query returns: a FindDocuments that asks
 * for a page ({@link DocumentCriteria#offset()}, {@link DocumentCriteria#limit()}, cut in SQL after
 * the visibility filter) is refused only when the page itself would exceed the cap. Each query is
 * traced. {@link #page} gives a page of FindDocuments with the total of its selection.
 */
@Component
public class StoredQueries {
    private final RegistryRepository repository;
    private final AccessPolicy policy;
    private final AccessTrail trail;
    private final TransactionTemplate transaction;
    private final ProbedDocuments probes;
    private final int maxResults;

    /** With {@code dmp.xds.max-query-results} of the configuration tree. */
    @Autowired
    public StoredQueries(RegistryRepository repository, AccessPolicy policy, AccessTrail trail,
                         TransactionTemplate transaction, ProbedDocuments probes, DmpProperties.Xds xds) {
        this(repository, policy, trail, transaction, probes, xds.maxQueryResults());
    }

    public StoredQueries(RegistryRepository repository, AccessPolicy policy, AccessTrail trail,
                         TransactionTemplate transaction, ProbedDocuments probes, int maxResults) {
        this.repository = repository;
        this.policy = policy;
        this.trail = trail;
        this.transaction = transaction;
        this.probes = probes;
        this.maxResults = maxResults;
    }

    public QueryResult execute(QueryCommand command, @Header(CoreEndpoints.ACCESS_CONTEXT) AccessContext caller) {
        RegistryQuery q = command.query();
        require(q.selection());
        Admission admission = policy.admit(caller, q.patient(), TraceAction.QUERY);
        return traced(admission, command, new Execution(admission).run(q));
    }

    /** The answer of a query run for an admitted caller, its probes and the documents it gives traced. */
    private QueryResult traced(Admission admission, QueryCommand command, Found found) {
        RegistryQuery q = command.query();
        traceProbes(admission, TraceAction.QUERY, q, found.documents);
        trail.readSucceeded(transaction, admission, TraceAction.QUERY,
                found.documents.stream().map(DocumentEntryRecord::uniqueId).toList(),
                q.getClass().getSimpleName() + ": " + found.documents.size() + " documents");
        return new QueryResult(found.documents, found.sets, found.folders, found.associations, command.objectRefsOnly());
    }

    /**
     * The same answer as {@link #execute}, its documents left in an open cursor when the query is a
     * FindDocuments asking for full objects without relationships (the large answers of ITI-18):
     * admitted, capped and traced before any entry is read. The identifiers of the selected entries
     * are selected first (the criteria and the caller's visibility are applied there, once: the cap,
     * the trace); the entries of these keys are then read one by one by their row ids while the
     * adapter writes them: the answer holds the entries the trace names, none other (an entry changed
     * in between is given as it is now). Other queries are answered whole. The caller closes the
     * cursor ({@link StreamedQueryResult#close()}).
     */
    public StreamedQueryResult executeStreamed(QueryCommand command,
                                               @Header(CoreEndpoints.ACCESS_CONTEXT) AccessContext caller) {
        if (!(command.query() instanceof FindDocuments find) || find.withRelationships() || command.objectRefsOnly()) {
            return StreamedQueryResult.whole(execute(command, caller));
        }
        require(find.selection());
        Admission admission = policy.admit(caller, find.patient(), TraceAction.QUERY);
        DocumentCriteria criteria = new Execution(admission).capped(find.criteria());
        List<DocumentKey> keys = repository.findDocumentKeys(criteria);
        if (keys.size() > maxResults) {
            throw tooMany(maxResults);
        }
        traceProbes(admission, TraceAction.QUERY, find, List.of());
        trail.readSucceeded(transaction, admission, TraceAction.QUERY, keys.stream().map(DocumentKey::uniqueId).toList(),
                find.getClass().getSimpleName() + ": " + keys.size() + " documents");
        return new StreamedQueryResult(new QueryResult(List.of(), List.of(), List.of(), List.of(), false), keys.size(),
                repository.openDocuments(keys));
    }

    /**
     * The documents an id-based query names, for the change an adapter prepares
     * ({@link CoreEndpoints#FIND_FOR_CHANGE}: FHIR PATCH and DELETE): the caller is admitted with the
     * rules of that change ({@code action}, UPDATE or DELETE), and the read is not traced, since the
     * change that follows is; a refusal is traced with the change's action by the route.
     */
    public QueryResult findForChange(QueryCommand command, @Header(CoreEndpoints.ACCESS_CONTEXT) AccessContext caller,
                                     @Header(CoreEndpoints.CHANGE_ACTION) TraceAction action) {
        RegistryQuery q = command.query();
        if (action != TraceAction.UPDATE && action != TraceAction.DELETE) {
            throw new IllegalArgumentException(CoreEndpoints.CHANGE_ACTION + " must be UPDATE or DELETE, not " + action);
        }
        if (!q.selection().byIdentifiers()) {
            throw new DmpException(DmpErrorCode.INVALID_QUERY_PARAMETER,
                    "a change names its documents by id, not by a search", null);
        }
        require(q.selection());
        Admission admission = policy.admit(caller, q.patient(), action);
        Found found = new Execution(admission).run(q);
        traceProbes(admission, action, q, found.documents);
        return new QueryResult(found.documents, found.sets, found.folders, found.associations, command.objectRefsOnly());
    }

    /**
     * A page of a FindDocuments (its offset and limit) and the number of documents the same caller
     * would get without them (a paged search's total), as one query: admitted and traced once, like
     * {@link #execute}. A page with fewer documents than its limit ends the selection, so the total
     * is its offset plus what it holds; only a full page, an empty one past the first, or a page of
     * no document (limit 0) needs the COUNT, run with the same admission (the caller's visibility
     * applied).
     */
    public DocumentsPage page(QueryCommand command, @Header(CoreEndpoints.ACCESS_CONTEXT) AccessContext caller) {
        if (!(command.query() instanceof FindDocuments find)) {
            throw new DmpException(DmpErrorCode.INVALID_QUERY_PARAMETER, "only FindDocuments can be paged, not "
                    + (command.query() == null ? "no query" : command.query().getClass().getSimpleName()), null);
        }
        require(find.selection());
        Admission admission = policy.admit(caller, find.patient(), TraceAction.QUERY);
        Found page = new Execution(admission).run(find);
        long total = total(find.criteria(), page.documents.size(), admission);
        return new DocumentsPage(traced(admission, command, page), total);
    }

    /** The number of documents of a page's selection: from the page when it shows the end, counted otherwise. */
    private long total(DocumentCriteria c, int held, Admission admission) {
        int offset = c.offset() == null ? 0 : Math.max(0, c.offset());
        if (c.limit() == null || (held < c.limit() && (held > 0 || offset == 0))) {
            return offset + held;
        }
        return repository.countDocuments(c.toBuilder().patient(admission.patient())
                .visibility(admission.visibility()).offset(null).limit(null).build());
    }

    /**
     * A query naming documents by id (GetDocuments, GetDocumentsAndAssociations, GetRelatedDocuments,
     * GetFoldersForDocument) or folders, submission sets or associations by id (GetFolders,
     * GetFolderAndContents, GetSubmissionSets, GetSubmissionSetAndContents, GetAssociations) runs
     * inside the identity's record: objects of another patient it names are not returned (nothing
     * tells the caller they exist), and the probe is traced in their owner's history
     * ({@link ProbedDocuments}). The ids are those the query's {@link Selection} states.
     */
    static DmpException tooMany(int maxResults) {
        return new DmpException(DmpErrorCode.TOO_MANY_RESULTS, "the query matches more than " + maxResults
                + " objects; narrow it (codes, time range, status)", null);
    }

    /**
     * Traces the probes of an id-based query in the other patients' histories ({@link ProbedDocuments}),
     * given the documents the query found in the caller's record.
     */
    private void traceProbes(Admission admission, TraceAction action, RegistryQuery q,
                             List<DocumentEntryRecord> found) {
        Selection s = q.selection();
        switch (s.target()) {
            case PATIENT_RECORD -> { }
            case DOCUMENTS -> probes.trace(admission, action, s.entryUuids(), s.uniqueIds(), s.logicalUuids(),
                    entryUuidsOf(found));
            case FOLDERS -> probes.traceObjects(admission, action, new ProbedDocuments.ObjectIds(s.entryUuids(),
                    s.uniqueIds(), s.logicalUuids(), null, null, null));
            case SUBMISSION_SETS -> probes.traceObjects(admission, action, new ProbedDocuments.ObjectIds(null, null, null,
                    s.entryUuids(), s.uniqueIds(), null));
            case ASSOCIATIONS -> probes.traceObjects(admission, action, new ProbedDocuments.ObjectIds(null, null, null,
                    null, null, s.entryUuids()));
        }
    }

    /** The entryUUIDs of the documents found. */
    private static Set<String> entryUuidsOf(List<DocumentEntryRecord> found) {
        Set<String> ids = new HashSet<>();
        found.forEach(d -> ids.add(d.entryUuid()));
        return ids;
    }

    /**
     * The one check of what a query requires, derived from what the query states it selects by: a
     * search in a record names its patient; an id-based query names at least one object (an empty
     * selection would mean "everything").
     */
    static void require(Selection selection) {
        if (selection.isComplete()) {
            return;
        }
        throw switch (selection.target()) {
            case PATIENT_RECORD -> new DmpException(DmpErrorCode.INVALID_QUERY_PARAMETER,
                    "$XDSDocumentEntryPatientId (or the query's patient id parameter) is required", "patientId");
            case DOCUMENTS, FOLDERS, SUBMISSION_SETS, ASSOCIATIONS -> new DmpException(
                    DmpErrorCode.INVALID_QUERY_PARAMETER, "the query names no object: give entryUUIDs or uniqueIds", null);
        };
    }

    private record Found(List<DocumentEntryRecord> documents, List<SubmissionSetRecord> sets,
                         List<FolderRecord> folders, List<AssociationRecord> associations) {
        static Found docs(List<DocumentEntryRecord> d) { return new Found(d, List.of(), List.of(), List.of()); }
        static Found sets(List<SubmissionSetRecord> s) { return new Found(List.of(), s, List.of(), List.of()); }
        static Found folders(List<FolderRecord> f) { return new Found(List.of(), List.of(), f, List.of()); }
        static final Found NONE = new Found(List.of(), List.of(), List.of(), List.of());
    }

    /** One query for one admitted caller: every selection goes through the caller's scope. */
    private final class Execution {
        private final Admission admission;

        Execution(Admission admission) {
            this.admission = admission;
        }

        Found run(RegistryQuery q) {
            Found found = select(q);
            return new Found(found.documents, found.sets, found.folders, visibleAssociations(found));
        }

        private Found select(RegistryQuery q) {
            if (q instanceof FindDocuments f) return withRelationships(documents(f.criteria()), f.withRelationships());
            if (q instanceof FindSubmissionSets f) return Found.sets(capped(findSubmissionSets(f.criteria())));
            if (q instanceof FindFolders f) return Found.folders(capped(findFolders(f.criteria())));
            if (q instanceof GetAll g) return getAll(g);
            if (q instanceof GetDocuments g) return withRelationships(documents(DocumentCriteria.builder()
                    .entryUuids(g.uuids()).uniqueIds(g.uniqueIds()).logicalUuids(g.logicalUuids()).build()),
                    g.withRelationships());
            if (q instanceof GetFolders g) return Found.folders(findFolders(FolderCriteria.builder().entryUuids(g.uuids())
                    .uniqueIds(g.uniqueIds()).logicalUuids(g.logicalUuids()).build()));
            if (q instanceof GetAssociations g) return new Found(List.of(), List.of(), List.of(),
                    repository.findAssociations(AssociationCriteria.touching(g.uuids())));
            if (q instanceof GetDocumentsAndAssociations g) return documentsAndAssociations(g);
            if (q instanceof GetSubmissionSets g) return submissionSetsOf(g.uuids());
            if (q instanceof GetSubmissionSetAndContents g) return submissionSetAndContents(g);
            if (q instanceof GetFolderAndContents g) return folderAndContents(g);
            if (q instanceof GetFoldersForDocument g) return foldersForDocument(g);
            if (q instanceof GetRelatedDocuments g) return relatedDocuments(g);
            throw new DmpException(DmpErrorCode.UNKNOWN_STORED_QUERY, "stored query " + q.getClass().getSimpleName()
                    + " is not supported", null);
        }

        /**
         * Documents of the caller's patient the caller may see, capped: one row more than the cap is
         * asked for so that an answer beyond it is refused; a smaller page asked for by the caller is
         * kept as it is (and its offset passed on).
         */
        private List<DocumentEntryRecord> documents(DocumentCriteria c) {
            return capped(repository.findDocuments(capped(c)));
        }

        /**
         * The criteria restricted to the caller's patient and visibility, one row more than the cap
         * asked for, a smaller page asked for by the caller kept as it is.
         */
        DocumentCriteria capped(DocumentCriteria c) {
            int beyondCap = maxResults + 1;
            int limit = c.limit() == null ? beyondCap : Math.min(c.limit(), beyondCap);
            return c.toBuilder().limit(limit).patient(admission.patient()).visibility(admission.visibility()).build();
        }

        private <T> List<T> capped(List<T> rows) {
            if (rows.size() > maxResults) {
                throw tooMany(maxResults);
            }
            return rows;
        }

        private Found getAll(GetAll g) {
            var docs = documents(DocumentCriteria.builder().patient(g.patient()).statuses(g.documentStatuses())
                    .formatCodes(g.formatCodes()).confidentialityCodes(g.confidentialityCodes()).onDemand(g.onDemand()).build());
            var sets = capped(findSubmissionSets(SubmissionSetCriteria.byPatient(g.patient(), g.submissionSetStatuses())));
            var folders = capped(findFolders(FolderCriteria.byPatient(g.patient(), g.folderStatuses())));
            Set<String> ids = new HashSet<>();
            docs.forEach(d -> ids.add(d.entryUuid()));
            sets.forEach(s -> ids.add(s.entryUuid()));
            folders.forEach(f -> ids.add(f.entryUuid()));
            return new Found(docs, sets, folders, associationsAmong(ids));
        }

        /**
         * The documents, with (when asked) the document relationships whose source is one of them; run()
         * then keeps those whose target the caller may see.
         */
        private Found withRelationships(List<DocumentEntryRecord> docs, boolean asked) {
            if (!asked || docs.isEmpty()) {
                return Found.docs(docs);
            }
            List<AssociationRecord> relationships = repository.findAssociations(AssociationCriteria.fromSources(
                            docs.stream().map(DocumentEntryRecord::entryUuid).toList())).stream()
                    .filter(a -> a.kind().isDocumentRelationship()).toList();
            return new Found(docs, List.of(), List.of(), relationships);
        }

        /**
         * Associations whose both ends are among the given objects, and those from one of the objects
         * to one of these associations: a submission set's HasMember to the folder-membership
         * association it submitted is part of the set's contents (ITI TF-3 4.1.10, GetAll,
         * GetSubmissionSetAndContents).
         */
        private List<AssociationRecord> associationsAmong(Set<String> ids) {
            if (ids.isEmpty()) {
                return List.of();
            }
            List<AssociationRecord> fromObjects = repository.findAssociations(AssociationCriteria.fromSources(List.copyOf(ids)));
            Set<String> among = new HashSet<>();
            fromObjects.stream().filter(a -> ids.contains(a.targetUuid())).forEach(a -> among.add(a.entryUuid()));
            return fromObjects.stream()
                    .filter(a -> ids.contains(a.targetUuid()) || among.contains(a.targetUuid())).toList();
        }

        private Found documentsAndAssociations(GetDocumentsAndAssociations g) {
            var docs = documents(DocumentCriteria.builder().entryUuids(g.uuids()).uniqueIds(g.uniqueIds()).build());
            if (docs.isEmpty()) {
                return Found.NONE;
            }
            var assocs = repository.findAssociations(AssociationCriteria.touching(docs.stream().map(DocumentEntryRecord::entryUuid).toList()));
            return new Found(docs, List.of(), List.of(), assocs);
        }

        /** The submission sets that contain the given objects, with the HasMember associations that say so. */
        private Found submissionSetsOf(List<String> uuids) {
            var memberships = repository.findAssociations(AssociationCriteria.builder().targetUuids(uuids)
                    .kinds(List.of(AssociationKind.HAS_MEMBER)).build());
            if (memberships.isEmpty()) {
                return Found.NONE;
            }
            var sources = memberships.stream().map(AssociationRecord::sourceUuid).distinct().toList();
            var sets = findSubmissionSets(SubmissionSetCriteria.byUuids(sources));
            Set<String> setIds = new HashSet<>();
            sets.forEach(s -> setIds.add(s.entryUuid()));
            return new Found(List.of(), sets, List.of(),
                    memberships.stream().filter(a -> setIds.contains(a.sourceUuid())).toList());
        }

        private Found submissionSetAndContents(GetSubmissionSetAndContents g) {
            var sets = findSubmissionSets(SubmissionSetCriteria.builder().entryUuids(single(g.uuid()))
                    .uniqueIds(single(g.uniqueId())).build());
            if (sets.isEmpty()) {
                return Found.NONE;
            }
            SubmissionSetRecord set = sets.get(0);
            var members = repository.findAssociations(AssociationCriteria.builder().sourceUuids(List.of(set.entryUuid()))
                    .kinds(List.of(AssociationKind.HAS_MEMBER)).build());
            List<String> targets = members.stream().map(AssociationRecord::targetUuid).toList();
            Map<String, ObjectKind> kinds = targets.isEmpty() ? Map.of() : repository.findObjectKinds(targets);
            var docs = documents(DocumentCriteria.builder().entryUuids(ofKind(kinds, ObjectKind.DOCUMENT_ENTRY))
                    .formatCodes(g.formatCodes()).confidentialityCodes(g.confidentialityCodes()).onDemand(g.onDemand()).build());
            var folders = findFolders(FolderCriteria.byUuids(ofKind(kinds, ObjectKind.FOLDER)));
            Set<String> ids = new HashSet<>();
            ids.add(set.entryUuid());
            docs.forEach(d -> ids.add(d.entryUuid()));
            folders.forEach(f -> ids.add(f.entryUuid()));
            return new Found(docs, List.of(set), folders, associationsAmong(ids));
        }

        private Found folderAndContents(GetFolderAndContents g) {
            var folders = findFolders(FolderCriteria.builder().entryUuids(single(g.uuid()))
                    .uniqueIds(single(g.uniqueId())).build());
            if (folders.isEmpty()) {
                return Found.NONE;
            }
            FolderRecord folder = folders.get(0);
            var members = repository.findAssociations(AssociationCriteria.builder().sourceUuids(List.of(folder.entryUuid()))
                    .kinds(List.of(AssociationKind.HAS_MEMBER)).build());
            var docs = documents(DocumentCriteria.builder().entryUuids(members.stream().map(AssociationRecord::targetUuid).toList())
                    .formatCodes(g.formatCodes()).confidentialityCodes(g.confidentialityCodes()).onDemand(g.onDemand()).build());
            Set<String> docIds = new HashSet<>();
            docs.forEach(d -> docIds.add(d.entryUuid()));
            return new Found(docs, List.of(), List.of(folder),
                    members.stream().filter(a -> docIds.contains(a.targetUuid())).toList());
        }

        private Found foldersForDocument(GetFoldersForDocument g) {
            DocumentEntryRecord doc = oneDocument(g.uuid(), g.uniqueId());
            if (doc == null) {
                return Found.NONE;
            }
            var memberships = repository.findAssociations(AssociationCriteria.builder().targetUuids(List.of(doc.entryUuid()))
                    .kinds(List.of(AssociationKind.HAS_MEMBER)).build());
            var sources = memberships.stream().map(AssociationRecord::sourceUuid).distinct().toList();
            return sources.isEmpty() ? Found.NONE : Found.folders(findFolders(FolderCriteria.byUuids(sources)));
        }

        private Found relatedDocuments(GetRelatedDocuments g) {
            DocumentEntryRecord doc = oneDocument(g.uuid(), g.uniqueId());
            if (doc == null) {
                return Found.NONE;
            }
            List<AssociationKind> kinds = g.associationKinds();
            var assocs = repository.findAssociations(AssociationCriteria.builder()
                    .sourceOrTargetUuids(List.of(doc.entryUuid())).kinds(kinds).build()).stream().filter(a -> a.kind().isDocumentRelationship()).toList();
            if (assocs.isEmpty()) {
                return Found.NONE;
            }
            Set<String> others = new HashSet<>();
            assocs.forEach(a -> others.add(a.sourceUuid().equals(doc.entryUuid()) ? a.targetUuid() : a.sourceUuid()));
            var related = findDocuments(DocumentCriteria.builder().entryUuids(List.copyOf(others))
                    .onDemand(g.onDemand()).build());
            List<DocumentEntryRecord> docs = new ArrayList<>();
            docs.add(doc);
            docs.addAll(related);
            Set<String> present = new HashSet<>();
            docs.forEach(d -> present.add(d.entryUuid()));
            return new Found(docs, List.of(), List.of(), assocs.stream()
                    .filter(a -> present.contains(a.sourceUuid()) && present.contains(a.targetUuid())).toList());
        }

        private DocumentEntryRecord oneDocument(String uuid, String uniqueId) {
            var docs = findDocuments(DocumentCriteria.builder().entryUuids(single(uuid))
                    .uniqueIds(single(uniqueId)).limit(1).build());
            return docs.isEmpty() ? null : docs.get(0);
        }

        private static List<String> single(String value) {
            return value == null ? null : List.of(value);
        }

        private static List<String> ofKind(Map<String, ObjectKind> kinds, ObjectKind kind) {
            return kinds.entrySet().stream().filter(e -> e.getValue() == kind).map(Map.Entry::getKey).toList();
        }

        /** Documents of the caller's patient that the caller may see. */
        private List<DocumentEntryRecord> findDocuments(DocumentCriteria c) {
            return repository.findDocuments(c.toBuilder().patient(admission.patient()).visibility(admission.visibility()).build());
        }

        private List<FolderRecord> findFolders(FolderCriteria c) {
            return repository.findFolders(c.toBuilder().patient(admission.patient()).build());
        }

        private List<SubmissionSetRecord> findSubmissionSets(SubmissionSetCriteria c) {
            return repository.findSubmissionSets(c.toBuilder().patient(admission.patient()).build());
        }

        /**
         * The found associations whose two ends the caller may see: objects of the answer, or objects
         * of the caller's patient visible to the caller (an association's end may be an association).
         */
        private List<AssociationRecord> visibleAssociations(Found found) {
            if (found.associations.isEmpty()) {
                return found.associations;
            }
            Set<String> visible = new HashSet<>();
            found.documents.forEach(d -> visible.add(d.entryUuid()));
            found.sets.forEach(x -> visible.add(x.entryUuid()));
            found.folders.forEach(f -> visible.add(f.entryUuid()));
            found.associations.forEach(x -> visible.add(x.entryUuid()));
            Set<String> others = new HashSet<>();
            for (AssociationRecord x : found.associations) {
                if (!visible.contains(x.sourceUuid())) others.add(x.sourceUuid());
                if (!visible.contains(x.targetUuid())) others.add(x.targetUuid());
            }
            if (!others.isEmpty()) {
                Map<String, ObjectKind> kinds = repository.findObjectKinds(others);
                List<String> docs = ofKind(kinds, ObjectKind.DOCUMENT_ENTRY);
                List<String> folders = ofKind(kinds, ObjectKind.FOLDER);
                List<String> sets = ofKind(kinds, ObjectKind.SUBMISSION_SET);
                if (!docs.isEmpty()) findDocuments(DocumentCriteria.builder().entryUuids(docs).build())
                        .forEach(d -> visible.add(d.entryUuid()));
                if (!folders.isEmpty()) findFolders(FolderCriteria.byUuids(folders)).forEach(f -> visible.add(f.entryUuid()));
                if (!sets.isEmpty()) findSubmissionSets(SubmissionSetCriteria.byUuids(sets)).forEach(x -> visible.add(x.entryUuid()));
                ofKind(kinds, ObjectKind.ASSOCIATION).forEach(visible::add);
            }
            return found.associations.stream()
                    .filter(x -> visible.contains(x.sourceUuid()) && visible.contains(x.targetUuid())).toList();
        }
    }
}
