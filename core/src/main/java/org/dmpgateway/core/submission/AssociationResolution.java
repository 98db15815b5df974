package org.dmpgateway.core.submission;

import org.dmpgateway.model.error.DmpError;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.AssociationKind;
import org.dmpgateway.model.AssociationRecord;
import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.EntryStatus;
import org.dmpgateway.model.FolderRecord;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.Submission;
import org.dmpgateway.model.query.AssociationCriteria;
import org.dmpgateway.model.query.DocumentCriteria;
import org.dmpgateway.model.query.FolderCriteria;
import org.dmpgateway.repository.ObjectKind;
import org.dmpgateway.repository.RegistryRepository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Resolves the associations of a submission against the submission itself and the registry:
 * every end must exist with the right kind and patient; a replaced or transformed document must be
 * Approved. Collects what the registry must do as a consequence: the documents a replacement
 * deprecates (the replaced one, its addenda and its transforms), the folder memberships it carries over, and the folders whose lastUpdateTime moves.
 */
final class AssociationResolution {
    final List<String> deprecated = new ArrayList<>();
    final Set<String> touchedExistingFolders = new LinkedHashSet<>();
    final List<AssociationRecord> carriedOverMemberships = new ArrayList<>();
    final List<DmpError> errors = new ArrayList<>();

    private final Submission submission;
    private final RegistryRepository repository;
    private final Map<String, ObjectKind> kinds = new HashMap<>();
    private final Map<String, DocumentEntryRecord> existingDocuments = new HashMap<>();
    private final Map<String, FolderRecord> existingFolders = new HashMap<>();

    private AssociationResolution(Submission submission, RegistryRepository repository) {
        this.submission = submission;
        this.repository = repository;
    }

    static AssociationResolution resolve(Submission s, RegistryRepository repository) {
        AssociationResolution r = new AssociationResolution(s, repository);
        r.indexSubmittedObjects();
        r.loadReferencedObjects();
        s.associations().forEach(r::check);
        return r;
    }

    private void indexSubmittedObjects() {
        kinds.put(submission.submissionSet().entryUuid(), ObjectKind.SUBMISSION_SET);
        submission.documents().forEach(d -> kinds.put(d.entry().entryUuid(), ObjectKind.DOCUMENT_ENTRY));
        submission.folders().forEach(f -> kinds.put(f.entryUuid(), ObjectKind.FOLDER));
        submission.associations().forEach(a -> kinds.put(a.entryUuid(), ObjectKind.ASSOCIATION));
    }

    private void loadReferencedObjects() {
        Set<String> outside = new LinkedHashSet<>();
        for (AssociationRecord a : submission.associations()) {
            if (!kinds.containsKey(a.sourceUuid())) outside.add(a.sourceUuid());
            if (!kinds.containsKey(a.targetUuid())) outside.add(a.targetUuid());
        }
        outside.remove(null);
        if (outside.isEmpty()) {
            return;
        }
        Map<String, ObjectKind> found = repository.findObjectKinds(outside);
        List<String> docIds = found.entrySet().stream().filter(e -> e.getValue() == ObjectKind.DOCUMENT_ENTRY).map(Map.Entry::getKey).toList();
        List<String> folderIds = found.entrySet().stream().filter(e -> e.getValue() == ObjectKind.FOLDER).map(Map.Entry::getKey).toList();
        if (!docIds.isEmpty()) {
            repository.findDocuments(DocumentCriteria.builder().entryUuids(docIds).build())
                    .forEach(d -> existingDocuments.put(d.entryUuid(), d));
        }
        if (!folderIds.isEmpty()) {
            repository.findFolders(FolderCriteria.byUuids(folderIds)).forEach(f -> existingFolders.put(f.entryUuid(), f));
        }
        found.forEach((uuid, kind) -> kinds.putIfAbsent(uuid, kind));
    }

    private void check(AssociationRecord a) {
        ObjectKind source = kinds.get(a.sourceUuid());
        ObjectKind target = kinds.get(a.targetUuid());
        if (source == null || target == null) {
            String missing = source == null ? "sourceObject " + a.sourceUuid() : "targetObject " + a.targetUuid();
            errors.add(new DmpError(DmpErrorCode.UNRESOLVED_REFERENCE, "Association " + a.entryUuid() + " ("
                    + a.kind().name() + "): " + missing + " is neither in the request nor in the registry", a.entryUuid()));
            return;
        }
        if (a.kind() == AssociationKind.HAS_MEMBER) {
            checkMembership(a, source, target);
        } else if (a.kind().isDocumentRelationship()) {
            checkRelationship(a, source, target);
        } else {
            errors.add(new DmpError(DmpErrorCode.METADATA_ERROR, "Association " + a.entryUuid() + ": type "
                    + a.kind().urn() + " cannot be submitted with Provide and Register", a.entryUuid()));
        }
    }

    private void checkMembership(AssociationRecord a, ObjectKind source, ObjectKind target) {
        boolean fromSet = source == ObjectKind.SUBMISSION_SET && a.sourceUuid().equals(submission.submissionSet().entryUuid());
        boolean fromFolder = source == ObjectKind.FOLDER;
        if (!(fromSet || (fromFolder && target == ObjectKind.DOCUMENT_ENTRY))) {
            errors.add(new DmpError(DmpErrorCode.METADATA_ERROR, "Association " + a.entryUuid()
                    + ": HasMember must go from this submission set to a document, folder or association, or from a folder to a document",
                    a.entryUuid()));
            return;
        }
        checkPatient(a, a.targetUuid());
        if (fromFolder) {
            checkPatient(a, a.sourceUuid());
            if (existingFolders.containsKey(a.sourceUuid())) {
                touchedExistingFolders.add(a.sourceUuid());
            }
        }
    }

    private void checkRelationship(AssociationRecord a, ObjectKind source, ObjectKind target) {
        boolean sourceIsNewDocument = submission.documents().stream().anyMatch(d -> d.entry().entryUuid().equals(a.sourceUuid()));
        if (a.kind() == AssociationKind.SIGNS && sourceIsNewDocument
                && a.targetUuid().equals(submission.submissionSet().entryUuid())) {
            // IHE DSG detached signature of the whole submission set: the signature document of this
            // request signs this submission set (the official DMP example TD2.1, answered Success)
            return;
        }
        if (!sourceIsNewDocument || target != ObjectKind.DOCUMENT_ENTRY) {
            errors.add(new DmpError(DmpErrorCode.METADATA_ERROR, "Association " + a.entryUuid() + " (" + a.kind().name()
                    + ") must go from a document of this request to a document of the registry", a.entryUuid()));
            return;
        }
        DocumentEntryRecord original = existingDocuments.get(a.targetUuid());
        if (original == null) {
            errors.add(new DmpError(DmpErrorCode.UNRESOLVED_REFERENCE, "Association " + a.entryUuid() + " (" + a.kind().name()
                    + "): targetObject " + a.targetUuid() + " is not a document of the registry", a.entryUuid()));
            return;
        }
        checkPatient(a, a.targetUuid());
        boolean needsCurrent = a.kind().isReplacement() || a.kind() == AssociationKind.TRANSFORM || a.kind() == AssociationKind.APPEND;
        if (needsCurrent && original.availabilityStatus() != EntryStatus.APPROVED) {
            errors.add(new DmpError(DmpErrorCode.DEPRECATED_DOCUMENT, "Association " + a.entryUuid() + " (" + a.kind().name()
                    + "): document " + original.uniqueId() + " is " + original.availabilityStatus()
                    + ", only an Approved document can be replaced, transformed or appended", a.entryUuid()));
            return;
        }
        if (a.kind().isReplacement()) {
            deprecated.add(original.entryUuid());
            deprecateAddendaAndTransforms(original.entryUuid());
            carryOverFolderMemberships(original.entryUuid(), a.sourceUuid());
        }
    }

    /**
     * A replaced document's addenda and transforms (the Approved documents linked to it by APND or
     * XFRM) are deprecated with it (IHE ITI TF-3 4.2.2, RPLC): they describe a version that is no
     * longer current.
     */
    private void deprecateAddendaAndTransforms(String replacedUuid) {
        List<String> children = repository.findAssociations(AssociationCriteria.builder()
                        .targetUuids(List.of(replacedUuid)).kinds(List.of(AssociationKind.APPEND, AssociationKind.TRANSFORM))
                        .statuses(List.of(EntryStatus.APPROVED)).build()).stream()
                .map(AssociationRecord::sourceUuid).distinct().toList();
        if (children.isEmpty()) {
            return;
        }
        repository.findDocuments(DocumentCriteria.builder().entryUuids(children)
                        .statuses(List.of(EntryStatus.APPROVED)).build())
                .forEach(child -> {
                    if (!deprecated.contains(child.entryUuid())) {
                        deprecated.add(child.entryUuid());
                    }
                });
    }

    /** A replacement joins every folder the replaced document belonged to (ITI-42 3.42.4.1.3.5). */
    private void carryOverFolderMemberships(String replacedUuid, String replacementUuid) {
        var memberships = repository.findAssociations(AssociationCriteria.builder().targetUuids(List.of(replacedUuid))
                .kinds(List.of(AssociationKind.HAS_MEMBER)).statuses(List.of(EntryStatus.APPROVED)).build());
        List<String> sources = memberships.stream().map(AssociationRecord::sourceUuid).toList();
        if (sources.isEmpty()) {
            return;
        }
        Map<String, ObjectKind> sourceKinds = repository.findObjectKinds(sources);
        Map<String, Boolean> done = new LinkedHashMap<>();
        for (AssociationRecord m : memberships) {
            if (sourceKinds.get(m.sourceUuid()) == ObjectKind.FOLDER && done.put(m.sourceUuid(), true) == null) {
                carriedOverMemberships.add(new AssociationRecord("urn:uuid:" + UUID.randomUUID(), AssociationKind.HAS_MEMBER,
                        m.sourceUuid(), replacementUuid, null, null, null, null, null, EntryStatus.APPROVED, Map.of()));
                touchedExistingFolders.add(m.sourceUuid());
            }
        }
    }

    private void checkPatient(AssociationRecord a, String uuid) {
        PatientRef expected = submission.submissionSet().patientId();
        PatientRef found = null;
        if (existingDocuments.containsKey(uuid)) {
            found = existingDocuments.get(uuid).patientId();
        } else if (existingFolders.containsKey(uuid)) {
            found = existingFolders.get(uuid).patientId();
        }
        if (found != null && !found.equals(expected)) {
            errors.add(SubmissionChecks.mismatch("Association " + a.entryUuid() + " names object " + uuid + " which",
                    found, expected, a.entryUuid()));
        }
    }
}
