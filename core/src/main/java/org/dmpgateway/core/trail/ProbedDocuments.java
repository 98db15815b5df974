package org.dmpgateway.core.trail;

import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.AssociationRecord;
import org.dmpgateway.model.FolderRecord;
import org.dmpgateway.model.SubmissionSetRecord;
import org.dmpgateway.model.query.AssociationCriteria;
import org.dmpgateway.model.query.FolderCriteria;
import org.dmpgateway.model.query.SubmissionSetCriteria;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.query.DocumentCriteria;
import org.dmpgateway.model.trail.TraceAction;
import org.dmpgateway.repository.RegistryRepository;
import org.dmpgateway.core.policy.Admission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A request that names documents by id (ITI-18 GetDocuments, GetDocumentsAndAssociations,
 * GetRelatedDocuments, GetFoldersForDocument; ITI-43 and ITI-68 retrieve; FHIR read of
 * DocumentReference/Binary; the lookup before a FHIR PATCH or DELETE) is served inside the record
 * of the caller's identity: a document of another patient is answered as unknown, so that its
 * existence is not revealed. The attempt is nonetheless a probe on that other patient's record, and
 * every refused attempt belongs in the history of the record it targeted (issue 13, item 7): this
 * traces it there, action the request's own, outcome ACCESS_PATIENT_MISMATCH, documents the owner's
 * uniqueIds. The caller's answer does not change; the trace in the identity's record is written as
 * before by the request itself. The detail does not name the identity's patient (the owner's
 * history is read by the owner).
 */
@Component
public class ProbedDocuments {
    private static final Logger LOG = LoggerFactory.getLogger(ProbedDocuments.class);
    static final String DETAIL = "a document of this record was asked for by id with an identity naming another "
            + "patient; it was not served, and the caller was answered as if it did not exist";
    static final String OBJECT_DETAIL = "a folder, submission set or association of this record was asked for by id "
            + "with an identity naming another patient; it was not served, and the caller was answered as if it did "
            + "not exist";

    private final RegistryRepository repository;
    private final AccessTrail trail;

    public ProbedDocuments(RegistryRepository repository, AccessTrail trail) {
        this.repository = repository;
        this.trail = trail;
    }

    /**
     * Traces, in each other patient's history, the documents of that patient among those named by
     * these ids (entryUUIDs, uniqueIds, logical ids; null lists are ignored). An entryUUID in
     * {@code foundInRecord} was found by the caller's own selection, which is restricted to the
     * caller's patient: it names no other patient's document and is not looked up (a read by id
     * that finds its document costs no second selection). Never fails the request: a trace that
     * cannot be written is logged.
     */
    public void trace(Admission admission, TraceAction action, List<String> entryUuids, List<String> uniqueIds,
                      List<String> logicalUuids, Set<String> foundInRecord) {
        if (entryUuids != null && !foundInRecord.isEmpty()) {
            entryUuids = entryUuids.stream().filter(id -> !foundInRecord.contains(id)).toList();
        }
        if (isEmpty(entryUuids) && isEmpty(uniqueIds) && isEmpty(logicalUuids)) {
            return;
        }
        try {
            Map<PatientRef, Set<String>> byOwner = new LinkedHashMap<>();
            for (DocumentEntryRecord d : owned(entryUuids, uniqueIds, logicalUuids)) {
                if (d.patientId() != null && !d.patientId().equals(admission.patient())) {
                    byOwner.computeIfAbsent(d.patientId(), p -> new LinkedHashSet<>()).add(d.uniqueId());
                }
            }
            byOwner.forEach((owner, documents) -> trail.refused(admission.context(), owner, action,
                    new ArrayList<>(documents), new DmpException(DmpErrorCode.ACCESS_PATIENT_MISMATCH, DETAIL, null)));
        } catch (RuntimeException e) {
            LOG.error("could not trace a {} of another patient's documents in that patient's history", action, e);
        }
    }

    /**
     * The same for a query naming folders, submission sets or associations by id (GetFolders,
     * GetFolderAndContents, GetSubmissionSets, GetSubmissionSetAndContents, GetAssociations): each
     * object of another patient among them is traced in that patient's history, by its uniqueId
     * (an association, which has none, by its entryUUID; its patient is that of its source or
     * target). Never fails the request.
     */
    public void traceObjects(Admission admission, TraceAction action, ObjectIds ids) {
        if (ids.isEmpty()) {
            return;
        }
        try {
            Map<PatientRef, Set<String>> byOwner = new LinkedHashMap<>();
            BiConsumer<PatientRef, String> probed = (owner, id) -> {
                if (owner != null && id != null && !owner.equals(admission.patient())) {
                    byOwner.computeIfAbsent(owner, p -> new LinkedHashSet<>()).add(id);
                }
            };
            if (!isEmpty(ids.folderUuids()) || !isEmpty(ids.folderUniqueIds())) {
                for (String uuid : nonNull(ids.folderUuids())) {
                    repository.findFolders(FolderCriteria.byUuids(List.of(uuid))).forEach(f -> probed.accept(f.patientId(), f.uniqueId()));
                }
                if (!isEmpty(ids.folderUniqueIds())) {
                    repository.findFolders(FolderCriteria.builder().uniqueIds(ids.folderUniqueIds()).build()).forEach(f -> probed.accept(f.patientId(), f.uniqueId()));
                }
            }
            if (!isEmpty(ids.folderLogicalUuids())) {
                repository.findFolders(FolderCriteria.builder().logicalUuids(ids.folderLogicalUuids()).build()).forEach(f -> probed.accept(f.patientId(), f.uniqueId()));
            }
            if (!isEmpty(ids.submissionSetUuids())) {
                repository.findSubmissionSets(SubmissionSetCriteria.byUuids(ids.submissionSetUuids()))
                        .forEach(s -> probed.accept(s.patientId(), s.uniqueId()));
            }
            if (!isEmpty(ids.submissionSetUniqueIds())) {
                repository.findSubmissionSets(SubmissionSetCriteria.builder()
                        .uniqueIds(ids.submissionSetUniqueIds()).build()).forEach(s -> probed.accept(s.patientId(), s.uniqueId()));
            }
            if (!isEmpty(ids.associationUuids())) {
                for (AssociationRecord a : repository.findAssociations(AssociationCriteria.builder()
                        .entryUuids(ids.associationUuids()).build())) {
                    probed.accept(ownerOf(List.of(a.sourceUuid(), a.targetUuid())), a.entryUuid());
                }
            }
            byOwner.forEach((owner, objects) -> trail.refused(admission.context(), owner, action,
                    new ArrayList<>(objects), new DmpException(DmpErrorCode.ACCESS_PATIENT_MISMATCH, OBJECT_DETAIL, null)));
        } catch (RuntimeException e) {
            LOG.error("could not trace a {} of another patient's objects in that patient's history", action, e);
        }
    }

    /** The ids a folder, submission-set or association query names; null lists are ignored. */
    public record ObjectIds(List<String> folderUuids, List<String> folderUniqueIds, List<String> folderLogicalUuids,
                            List<String> submissionSetUuids, List<String> submissionSetUniqueIds,
                            List<String> associationUuids) {
        boolean isEmpty() {
            return ProbedDocuments.isEmpty(folderUuids) && ProbedDocuments.isEmpty(folderUniqueIds)
                    && ProbedDocuments.isEmpty(folderLogicalUuids)
                    && ProbedDocuments.isEmpty(submissionSetUuids) && ProbedDocuments.isEmpty(submissionSetUniqueIds)
                    && ProbedDocuments.isEmpty(associationUuids);
        }
    }

    /** The patient of the first of these objects found (a submission set, a folder or a document). */
    private PatientRef ownerOf(List<String> uuids) {
        List<String> known = uuids.stream().filter(Objects::nonNull).toList();
        if (known.isEmpty()) {
            return null;
        }
        for (SubmissionSetRecord s : repository.findSubmissionSets(SubmissionSetCriteria.byUuids(known))) {
            return s.patientId();
        }
        for (FolderRecord f : repository.findFolders(FolderCriteria.byUuids(known))) {
            return f.patientId();
        }
        for (DocumentEntryRecord d : repository.findDocuments(DocumentCriteria.builder().entryUuids(known).build())) {
            return d.patientId();
        }
        return null;
    }

    private static List<String> nonNull(List<String> ids) {
        return ids == null ? List.of() : ids;
    }

    /** Every metadata version these ids name, whatever its patient (no visibility: the core's own lookup). */
    private List<DocumentEntryRecord> owned(List<String> entryUuids, List<String> uniqueIds, List<String> logicalUuids) {
        List<DocumentEntryRecord> found = new ArrayList<>();
        if (!isEmpty(entryUuids)) {
            found.addAll(repository.findDocuments(DocumentCriteria.builder().entryUuids(entryUuids).build()));
        }
        if (!isEmpty(uniqueIds)) {
            found.addAll(repository.findDocuments(DocumentCriteria.builder().uniqueIds(uniqueIds).build()));
        }
        if (!isEmpty(logicalUuids)) {
            found.addAll(repository.findDocuments(DocumentCriteria.builder().logicalUuids(logicalUuids).build()));
        }
        return found;
    }

    private static boolean isEmpty(List<String> ids) {
        return ids == null || ids.isEmpty();
    }
}
