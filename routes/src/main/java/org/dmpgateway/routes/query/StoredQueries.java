package org.dmpgateway.routes.query;

import org.dmpgateway.mappings.error.DmpErrorCode;
import org.dmpgateway.mappings.error.DmpException;
import org.dmpgateway.mappings.model.AssociationKind;
import org.dmpgateway.mappings.model.AssociationRecord;
import org.dmpgateway.mappings.model.DocumentEntryRecord;
import org.dmpgateway.mappings.model.FolderRecord;
import org.dmpgateway.mappings.model.SubmissionSetRecord;
import org.dmpgateway.mappings.query.AssociationCriteria;
import org.dmpgateway.mappings.query.DocumentCriteria;
import org.dmpgateway.mappings.query.FolderCriteria;
import org.dmpgateway.mappings.query.QueryCommand;
import org.dmpgateway.mappings.query.QueryResult;
import org.dmpgateway.mappings.query.RegistryQuery;
import org.dmpgateway.mappings.query.RegistryQuery.*;
import org.dmpgateway.mappings.query.SubmissionSetCriteria;
import org.dmpgateway.repository.ObjectKind;
import org.dmpgateway.repository.RegistryRepository;
import org.dmpgateway.routes.patient.PatientResolver;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Executes the XDS stored queries (ITI-18 semantics, IHE ITI TF-2a 3.18.4.1.2.3.7) on the
 * repository. Patient-based queries first resolve the patient; id-based queries return what
 * exists. The result size is capped ({@code dmp.xds.max-query-results}): beyond it the caller gets
 * TOO_MANY_RESULTS rather than a silently cut list.
 */
@Component
public class StoredQueries {
    private final RegistryRepository repository;
    private final PatientResolver patients;
    private final int maxResults;

    public StoredQueries(RegistryRepository repository, PatientResolver patients,
                         @Value("${dmp.xds.max-query-results:5000}") int maxResults) {
        this.repository = repository;
        this.patients = patients;
        this.maxResults = maxResults;
    }

    public QueryResult execute(QueryCommand command) {
        RegistryQuery q = command.query();
        if (isPatientBased(q)) {
            if (q.patient() == null) {
                throw new DmpException(DmpErrorCode.INVALID_QUERY_PARAMETER,
                        "$XDSDocumentEntryPatientId (or the query's patient id parameter) is required", "patientId");
            }
            patients.resolve(q.patient());
        } else {
            requireIdentifiers(q);
        }
        Found found = run(q);
        return new QueryResult(found.documents, found.sets, found.folders, found.associations, command.objectRefsOnly());
    }

    private Found run(RegistryQuery q) {
        if (q instanceof FindDocuments f) return Found.docs(documents(f.criteria()));
        if (q instanceof FindSubmissionSets f) return Found.sets(capped(repository.findSubmissionSets(f.criteria())));
        if (q instanceof FindFolders f) return Found.folders(capped(repository.findFolders(f.criteria())));
        if (q instanceof GetAll g) return getAll(g);
        if (q instanceof GetDocuments g) return Found.docs(documents(DocumentCriteria.builder().entryUuids(g.uuids())
                .uniqueIds(g.uniqueIds()).logicalUuids(g.logicalUuids()).build()));
        if (q instanceof GetFolders g) return Found.folders(repository.findFolders(new FolderCriteria(null, g.uuids(),
                g.uniqueIds(), g.logicalUuids(), null, null, null)));
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

    private static boolean isPatientBased(RegistryQuery q) {
        return q instanceof FindDocuments || q instanceof FindSubmissionSets || q instanceof FindFolders
                || q instanceof GetAll;
    }

    /** Id-based queries must name at least one object: an empty selection would mean "everything". */
    private static void requireIdentifiers(RegistryQuery q) {
        boolean named = true;
        if (q instanceof GetDocuments g) named = any(g.uuids(), g.uniqueIds(), g.logicalUuids());
        if (q instanceof GetFolders g) named = any(g.uuids(), g.uniqueIds(), g.logicalUuids());
        if (q instanceof GetAssociations g) named = any(g.uuids());
        if (q instanceof GetDocumentsAndAssociations g) named = any(g.uuids(), g.uniqueIds());
        if (q instanceof GetSubmissionSets g) named = any(g.uuids());
        if (q instanceof GetSubmissionSetAndContents g) named = g.uuid() != null || g.uniqueId() != null;
        if (q instanceof GetFolderAndContents g) named = g.uuid() != null || g.uniqueId() != null;
        if (q instanceof GetFoldersForDocument g) named = g.uuid() != null || g.uniqueId() != null;
        if (q instanceof GetRelatedDocuments g) named = g.uuid() != null || g.uniqueId() != null;
        if (!named) {
            throw new DmpException(DmpErrorCode.INVALID_QUERY_PARAMETER,
                    "the query names no object: give entryUUIDs or uniqueIds", null);
        }
    }

    @SafeVarargs
    private static boolean any(List<String>... lists) {
        for (List<String> l : lists) {
            if (l != null && !l.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private record Found(List<DocumentEntryRecord> documents, List<SubmissionSetRecord> sets,
                         List<FolderRecord> folders, List<AssociationRecord> associations) {
        static Found docs(List<DocumentEntryRecord> d) { return new Found(d, List.of(), List.of(), List.of()); }
        static Found sets(List<SubmissionSetRecord> s) { return new Found(List.of(), s, List.of(), List.of()); }
        static Found folders(List<FolderRecord> f) { return new Found(List.of(), List.of(), f, List.of()); }
        static final Found NONE = new Found(List.of(), List.of(), List.of(), List.of());
    }

    private List<DocumentEntryRecord> documents(DocumentCriteria c) {
        return capped(repository.findDocuments(c.toBuilder().limit(maxResults + 1).build()));
    }

    private <T> List<T> capped(List<T> rows) {
        if (rows.size() > maxResults) {
            throw new DmpException(DmpErrorCode.TOO_MANY_RESULTS, "the query matches more than " + maxResults
                    + " objects; narrow it (codes, time range, status)", null);
        }
        return rows;
    }

    private Found getAll(GetAll g) {
        var docs = documents(DocumentCriteria.builder().patient(g.patient()).statuses(g.documentStatuses())
                .formatCodes(g.formatCodes()).confidentialityCodes(g.confidentialityCodes()).onDemand(g.onDemand()).build());
        var sets = capped(repository.findSubmissionSets(SubmissionSetCriteria.byPatient(g.patient(), g.submissionSetStatuses())));
        var folders = capped(repository.findFolders(FolderCriteria.byPatient(g.patient(), g.folderStatuses())));
        Set<String> ids = new HashSet<>();
        docs.forEach(d -> ids.add(d.entryUuid()));
        sets.forEach(s -> ids.add(s.entryUuid()));
        folders.forEach(f -> ids.add(f.entryUuid()));
        return new Found(docs, sets, folders, associationsAmong(ids));
    }

    /** Associations whose both ends are among the given objects. */
    private List<AssociationRecord> associationsAmong(Set<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return repository.findAssociations(AssociationCriteria.fromSources(List.copyOf(ids))).stream()
                .filter(a -> ids.contains(a.targetUuid())).toList();
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
        var memberships = repository.findAssociations(new AssociationCriteria(null, null, null, uuids,
                List.of(AssociationKind.HAS_MEMBER), null));
        if (memberships.isEmpty()) {
            return Found.NONE;
        }
        var sources = memberships.stream().map(AssociationRecord::sourceUuid).distinct().toList();
        var sets = repository.findSubmissionSets(SubmissionSetCriteria.byUuids(sources));
        Set<String> setIds = new HashSet<>();
        sets.forEach(s -> setIds.add(s.entryUuid()));
        return new Found(List.of(), sets, List.of(),
                memberships.stream().filter(a -> setIds.contains(a.sourceUuid())).toList());
    }

    private Found submissionSetAndContents(GetSubmissionSetAndContents g) {
        var sets = repository.findSubmissionSets(new SubmissionSetCriteria(null, single(g.uuid()), single(g.uniqueId()),
                null, null, org.dmpgateway.mappings.query.TimeRangeCriterion.NONE, null, null));
        if (sets.isEmpty()) {
            return Found.NONE;
        }
        SubmissionSetRecord set = sets.get(0);
        var members = repository.findAssociations(new AssociationCriteria(null, null, List.of(set.entryUuid()), null,
                List.of(AssociationKind.HAS_MEMBER), null));
        List<String> targets = members.stream().map(AssociationRecord::targetUuid).toList();
        Map<String, ObjectKind> kinds = targets.isEmpty() ? Map.of() : repository.findObjectKinds(targets);
        var docs = documents(DocumentCriteria.builder().entryUuids(ofKind(kinds, ObjectKind.DOCUMENT_ENTRY))
                .formatCodes(g.formatCodes()).confidentialityCodes(g.confidentialityCodes()).onDemand(g.onDemand()).build());
        var folders = repository.findFolders(FolderCriteria.byUuids(ofKind(kinds, ObjectKind.FOLDER)));
        Set<String> ids = new HashSet<>();
        ids.add(set.entryUuid());
        docs.forEach(d -> ids.add(d.entryUuid()));
        folders.forEach(f -> ids.add(f.entryUuid()));
        List<AssociationRecord> assocs = new ArrayList<>(associationsAmong(ids));
        // HasMember associations from the set to folder-membership associations of this submission
        Set<String> assocIds = new HashSet<>();
        assocs.forEach(a -> assocIds.add(a.entryUuid()));
        members.stream().filter(a -> kinds.get(a.targetUuid()) == ObjectKind.ASSOCIATION && assocIds.contains(a.targetUuid()))
                .forEach(assocs::add);
        return new Found(docs, List.of(set), folders, assocs);
    }

    private Found folderAndContents(GetFolderAndContents g) {
        var folders = repository.findFolders(new FolderCriteria(null, single(g.uuid()), single(g.uniqueId()), null, null,
                null, null));
        if (folders.isEmpty()) {
            return Found.NONE;
        }
        FolderRecord folder = folders.get(0);
        var members = repository.findAssociations(new AssociationCriteria(null, null, List.of(folder.entryUuid()), null,
                List.of(AssociationKind.HAS_MEMBER), null));
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
        var memberships = repository.findAssociations(new AssociationCriteria(null, null, null, List.of(doc.entryUuid()),
                List.of(AssociationKind.HAS_MEMBER), null));
        var sources = memberships.stream().map(AssociationRecord::sourceUuid).distinct().toList();
        return sources.isEmpty() ? Found.NONE : Found.folders(repository.findFolders(FolderCriteria.byUuids(sources)));
    }

    private Found relatedDocuments(GetRelatedDocuments g) {
        DocumentEntryRecord doc = oneDocument(g.uuid(), g.uniqueId());
        if (doc == null) {
            return Found.NONE;
        }
        List<AssociationKind> kinds = g.associationKinds();
        var assocs = repository.findAssociations(new AssociationCriteria(null, List.of(doc.entryUuid()), null, null,
                kinds, null)).stream().filter(a -> a.kind().isDocumentRelationship()).toList();
        if (assocs.isEmpty()) {
            return Found.NONE;
        }
        Set<String> others = new HashSet<>();
        assocs.forEach(a -> others.add(a.sourceUuid().equals(doc.entryUuid()) ? a.targetUuid() : a.sourceUuid()));
        var related = repository.findDocuments(DocumentCriteria.builder().entryUuids(List.copyOf(others))
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
        var docs = repository.findDocuments(DocumentCriteria.builder().entryUuids(single(uuid))
                .uniqueIds(single(uniqueId)).limit(1).build());
        return docs.isEmpty() ? null : docs.get(0);
    }

    private static List<String> single(String value) {
        return value == null ? null : List.of(value);
    }

    private static List<String> ofKind(Map<String, ObjectKind> kinds, ObjectKind kind) {
        return kinds.entrySet().stream().filter(e -> e.getValue() == kind).map(Map.Entry::getKey).toList();
    }
}
