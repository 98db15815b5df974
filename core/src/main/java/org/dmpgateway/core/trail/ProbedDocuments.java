package org.dmpgateway.core.trail;

import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.DocumentEntryRecord;
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
import java.util.Set;

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

    private final RegistryRepository repository;
    private final AccessTrail trail;

    public ProbedDocuments(RegistryRepository repository, AccessTrail trail) {
        this.repository = repository;
        this.trail = trail;
    }

    /**
     * Traces, in each other patient's history, the documents of that patient among those named by
     * these ids (entryUUIDs, uniqueIds, logical ids; null lists are ignored). Never fails the request:
     * a trace that cannot be written is logged.
     */
    public void trace(Admission admission, TraceAction action, List<String> entryUuids, List<String> uniqueIds,
                      List<String> logicalUuids) {
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
