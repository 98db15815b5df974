package org.dmpgateway.core.update;

import org.apache.camel.Header;
import org.dmpgateway.model.CoreEndpoints;
import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.error.DmpError;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.AssociationKind;
import org.dmpgateway.model.AssociationRecord;
import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.DocumentUpdate;
import org.dmpgateway.model.EntryStatus;
import org.dmpgateway.model.SubmissionSetRecord;
import org.dmpgateway.model.trail.TraceAction;
import org.dmpgateway.repository.ConflictingWriteException;
import org.dmpgateway.repository.DocumentUpdateWrite;
import org.dmpgateway.repository.DocumentUpdateWrite.StatusChange;
import org.dmpgateway.repository.RegistryRepository;
import org.dmpgateway.core.GatewayIdentity;
import org.dmpgateway.core.metadata.DmpValueSetRule;
import org.dmpgateway.core.policy.AccessPolicy;
import org.dmpgateway.core.policy.Admission;
import org.dmpgateway.core.trail.AccessTrail;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The core of ITI-57 Update Document Set, FHIR PATCH and FHIR DELETE: masking and visibility changes
 * (TD3.3a, TD3.3b), other metadata changes, deprecation, archiving (TD3.3d) and deletion (TD3.3c)
 * of documents of the caller's patient.
 *
 * <p>The caller is admitted for the request's patient (UPDATE, or DELETE when the request only
 * deletes). Each document named must be a document of that patient the caller may handle and see
 * (otherwise it is unknown: METADATA_UPDATE_ERROR). Then:
 * <ul>
 *   <li><b>new metadata version</b>: its PreviousVersion must be the current version
 *       (METADATA_VERSION_ERROR otherwise); it keeps logicalId and uniqueId, gets the next version
 *       number and the stored hash, size and repositoryUniqueId (a metadata update cannot change the
 *       content); it is Approved, or Archived when the document was; the previous version becomes
 *       Deprecated. A change of the visibility statuses only (MASQUE_PS, INVISIBLE_PATIENT,
 *       INVISIBLE_REPRESENTANTS_LEGAUX) may be made by an author of the document or by the patient's
 *       admin doctor; any other change by an author only (NOT_AUTHOR);</li>
 *   <li><b>status change</b>: by an author only; OriginalStatus must be the document's status;
 *       allowed: {@link StatusTransition}; a deletion marks every version of the document Deleted.</li>
 * </ul>
 * All or nothing: every error of the request is reported, and nothing is stored if there is one.
 * The write (guarded by the statuses read here, see {@link DocumentUpdateWrite}) and its trace
 * commit in one transaction. Returns the new versions as stored.
 */
@Component
public class UpdateDocuments {
    /** Longest trace detail written (the trace column holds 4000 characters). */
    static final int MAX_DETAIL = 1000;

    private final RegistryRepository repository;
    private final AccessPolicy policy;
    private final AccessTrail trail;
    private final TransactionTemplate transaction;
    private final GatewayIdentity identity;
    private final DmpValueSetRule valueSets;

    public UpdateDocuments(RegistryRepository repository, AccessPolicy policy, AccessTrail trail,
                           TransactionTemplate transaction, GatewayIdentity identity, DmpValueSetRule valueSets) {
        this.repository = repository;
        this.policy = policy;
        this.trail = trail;
        this.transaction = transaction;
        this.identity = identity;
        this.valueSets = valueSets;
    }

    /** DELETE when the request does nothing but delete documents, UPDATE otherwise. */
    public static TraceAction traceAction(Object command) {
        if (command instanceof DocumentUpdate u && u.newVersions().isEmpty() && !u.statusChanges().isEmpty()
                && u.statusChanges().stream().allMatch(c -> c.newStatus() == EntryStatus.DELETED)) {
            return TraceAction.DELETE;
        }
        return TraceAction.UPDATE;
    }

    public List<DocumentEntryRecord> update(DocumentUpdate update, @Header(CoreEndpoints.ACCESS_CONTEXT) AccessContext caller) {
        if (update.submissionSet() == null) {
            throw new DmpException(DmpErrorCode.METADATA_ERROR, "SubmissionSet: a metadata update needs its submission set",
                    "SubmissionSet");
        }
        if (update.submissionSet().patientId() == null || update.submissionSet().uniqueId() == null) {
            throw new DmpException(DmpErrorCode.METADATA_ERROR, "SubmissionSet: a metadata update's submission set needs "
                    + "its patientId and uniqueId", update.submissionSet().entryUuid());
        }
        TraceAction action = traceAction(update);
        Admission admission = policy.admit(caller, update.submissionSet().patientId(), action);
        if (update.newVersions().isEmpty() && update.statusChanges().isEmpty()) {
            throw new DmpException(DmpErrorCode.METADATA_UPDATE_ERROR,
                    "the update names no document: send new metadata versions or UpdateAvailabilityStatus associations",
                    null);
        }
        SubmissionSetRecord set = submissionSet(update.submissionSet());
        Plan plan = new Plan(admission, set);
        update.newVersions().forEach(plan::newVersion);
        update.statusChanges().forEach(plan::statusChange);
        plan.newIdentifiersUnused();
        if (!plan.errors.isEmpty()) {
            throw new DmpException(plan.errors);
        }

        DocumentUpdateWrite write = new DocumentUpdateWrite(set, plan.newVersions, plan.associations,
                List.copyOf(plan.statusChanges.values()));
        try {
            transaction.executeWithoutResult(status -> {
                repository.storeDocumentUpdate(write);
                trail.succeeded(admission, action, plan.documentIds, summary(plan.details));
            });
        } catch (ConflictingWriteException e) {
            throw new DmpException(DmpErrorCode.METADATA_VERSION_ERROR, "a document of this update was changed by another "
                    + "request meanwhile (or its submission set uniqueId was used meanwhile); nothing of this update "
                    + "was stored: read the documents' current versions and send the update again", null);
        }
        return plan.newVersions;
    }

    /** The trace detail: what changed, document by document, cut after {@value #MAX_DETAIL} characters. */
    static String summary(List<String> details) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < details.size(); i++) {
            String next = (i == 0 ? "" : "; ") + details.get(i);
            if (out.length() + next.length() > MAX_DETAIL) {
                return out.append("; and ").append(details.size() - i).append(" more").toString();
            }
            out.append(next);
        }
        return out.toString();
    }

    private SubmissionSetRecord submissionSet(SubmissionSetRecord s) {
        return s.withEntryUuid(registryUuid(s.entryUuid())).withRegistryValues(EntryStatus.APPROVED,
                identity.homeCommunityId());
    }

    /** The entryUUID the registry stores: the request's when it is a UUID, a new one for a symbolic id. */
    private static String registryUuid(String id) {
        return id != null && id.startsWith("urn:uuid:") ? id : "urn:uuid:" + UUID.randomUUID();
    }

    private static AssociationRecord association(AssociationKind kind, String source, String target, String label,
                                                 String previousVersion, EntryStatus original, EntryStatus next) {
        return new AssociationRecord(registryUuid(null), kind, source, target, label, previousVersion,
                original == null ? null : original.urn(), next == null ? null : next.urn(), null, EntryStatus.APPROVED,
                null);
    }

    /** The checks and the writes of one request, collected document by document. */
    private final class Plan {
        final Admission admission;
        final DocumentAccess access;
        final SubmissionSetRecord set;
        final List<DmpError> errors = new ArrayList<>();
        final List<DocumentEntryRecord> newVersions = new ArrayList<>();
        final List<AssociationRecord> associations = new ArrayList<>();
        final Map<String, StatusChange> statusChanges = new LinkedHashMap<>();
        final List<String> documentIds = new ArrayList<>();
        final List<String> details = new ArrayList<>();
        final Set<String> touched = new HashSet<>();

        Plan(Admission admission, SubmissionSetRecord set) {
            this.admission = admission;
            this.access = new DocumentAccess(repository, policy, admission);
            this.set = set;
        }

        void newVersion(DocumentUpdate.NewVersion nv) {
            DocumentEntryRecord proposed = nv.entry();
            String target = proposed.logicalUuid();
            try {
                requireComplete(proposed);
                List<DmpError> outside = valueSets.problems(proposed);
                if (!outside.isEmpty()) {
                    throw new DmpException(outside);
                }
                DocumentEntryRecord current = access.byLogicalId(target).orElseThrow(() -> access.unknown(target));
                access.requireHandledAndVisible(current, target);
                MetadataChanges changes = MetadataChanges.between(current, proposed);
                requireMayChange(current, changes);
                if (!DocumentAccess.isCurrent(current)) {
                    throw new DmpException(DmpErrorCode.METADATA_UPDATE_ERROR, "document " + current.uniqueId()
                            + " has no current version (its newest version is "
                            + StatusTransition.label(current.availabilityStatus()) + "): only an Approved or Archived "
                            + "document gets a new metadata version", target);
                }
                if (!Objects.equals(nv.previousVersion(), current.version())) {
                    throw new DmpException(DmpErrorCode.METADATA_VERSION_ERROR, "DocumentEntry " + proposed.entryUuid()
                            + ": PreviousVersion " + nv.previousVersion() + " is not the current version "
                            + current.version() + " of document " + current.uniqueId() + " (logicalID " + target + ")",
                            proposed.entryUuid());
                }
                requireSameDocument(current, proposed);
                policy.requireHabilitation(admission, proposed);
                touch(current);

                EntryStatus status = current.availabilityStatus() == EntryStatus.ARCHIVED ? EntryStatus.ARCHIVED
                        : EntryStatus.APPROVED;
                String version = String.valueOf(DocumentAccess.versionNumber(current) + 1);
                DocumentEntryRecord stored = proposed.withIds(registryUuid(proposed.entryUuid()), current.logicalUuid())
                        .withRegistryValues(current.logicalUuid(), version, status, current.hash(), current.size(),
                                current.repositoryUniqueId(), identity.homeCommunityId())
                        .withSubmitter(current.submitterId());
                newVersions.add(stored);
                associations.add(association(AssociationKind.HAS_MEMBER, set.entryUuid(), stored.entryUuid(), "Original",
                        current.version(), null, null));
                statusChanges.put(current.entryUuid(), new StatusChange(current.entryUuid(), current.availabilityStatus(),
                        EntryStatus.DEPRECATED));
                documentIds.add(current.uniqueId());
                details.add("version " + version + " of " + current.uniqueId() + " (" + changes.describe() + ")");
            } catch (DmpException e) {
                errors.addAll(e.errors());
            }
        }

        void statusChange(DocumentUpdate.StatusChange sc) {
            String target = sc.target();
            try {
                DocumentEntryRecord entry = access.byEntryUuid(target).or(() -> access.byLogicalId(target))
                        .orElseThrow(() -> access.unknown(target));
                access.requireHandledAndVisible(entry, target);
                StatusTransition transition = StatusTransition.of(sc.originalStatus(), sc.newStatus()).orElseThrow(() ->
                        new DmpException(DmpErrorCode.METADATA_UPDATE_ERROR, "document " + entry.uniqueId()
                                + ": the status change " + StatusTransition.label(sc.originalStatus()) + " -> "
                                + StatusTransition.label(sc.newStatus()) + " is not allowed (allowed: "
                                + StatusTransition.allowed() + ")", target));
                access.requireAuthor(entry, transition.verb() + " it");
                if (sc.originalStatus() != entry.availabilityStatus()) {
                    throw new DmpException(DmpErrorCode.METADATA_UPDATE_ERROR, "document " + entry.uniqueId()
                            + ": OriginalStatus " + StatusTransition.label(sc.originalStatus()) + " is not its status, "
                            + StatusTransition.label(entry.availabilityStatus()), target);
                }
                touch(entry);
                List<StatusChange> changes = transition == StatusTransition.DELETE ? access.deletionOf(entry)
                        : List.of(new StatusChange(entry.entryUuid(), entry.availabilityStatus(), sc.newStatus()));
                changes.forEach(c -> statusChanges.put(c.entryUuid(), c));
                associations.add(association(AssociationKind.UPDATE_AVAILABILITY_STATUS, set.entryUuid(),
                        entry.entryUuid(), null, null, sc.originalStatus(), sc.newStatus()));
                documentIds.add(entry.uniqueId());
                details.add(transition.verb() + " " + entry.uniqueId());
            } catch (DmpException e) {
                errors.addAll(e.errors());
            }
        }

        /**
         * Only an author changes a document's metadata; the admin doctor (not an author) may change its
         * visibility statuses only.
         */
        private void requireMayChange(DocumentEntryRecord current, MetadataChanges changes) {
            if (admission.isAuthorOf(current) || (admission.adminDoctor() && changes.visibilityOnly())) {
                return;
            }
            String who = "professional " + admission.context().actorId();
            String message = admission.adminDoctor()
                    ? who + " is the patient's admin doctor but not an author of document " + current.uniqueId()
                    + ": the admin doctor may only add or remove its visibility statuses (MASQUE_PS, INVISIBLE_PATIENT, "
                    + "INVISIBLE_REPRESENTANTS_LEGAUX); this update also changes " + String.join(", ", changes.otherFields())
                    : who + " is not an author of document " + current.uniqueId() + ": only its author may change its "
                    + "metadata (the patient's admin doctor may mask or unmask it)";
            throw new DmpException(DmpErrorCode.NOT_AUTHOR, message, current.entryUuid());
        }

        /**
         * A new metadata version is a whole DocumentEntry: it carries the attributes a stored entry
         * must have (IHE ITI TF-2b 3.57.4.1.3.3.1: the new version holds all the metadata, not the
         * changes; ITI TF-3 Table 4.3.1-3: hash, size and repositoryUniqueId R for a stable entry) and
         * its author (DMP: author 1..*, PDSM4DMP DocumentEntry.fsh). METADATA_ERROR naming what is missing.
         */
        private void requireComplete(DocumentEntryRecord proposed) {
            List<String> missing = new ArrayList<>();
            if (proposed.repositoryUniqueId() == null || proposed.repositoryUniqueId().isBlank()) {
                missing.add("repositoryUniqueId");
            }
            if (proposed.hash() == null || proposed.hash().isBlank()) {
                missing.add("hash");
            }
            if (proposed.size() == null) {
                missing.add("size");
            }
            if (proposed.authors().stream().noneMatch(a -> (a.person() != null && !a.person().isBlank())
                    || !a.institutions().isEmpty())) {
                missing.add("author");
            }
            if (!missing.isEmpty()) {
                throw new DmpException(DmpErrorCode.METADATA_ERROR, "DocumentEntry " + proposed.entryUuid()
                        + ": a new metadata version must carry all the document's metadata; missing: "
                        + String.join(", ", missing), proposed.entryUuid());
            }
        }

        /** The new version is the same document: same patient, same uniqueId, same content. */
        private void requireSameDocument(DocumentEntryRecord current, DocumentEntryRecord proposed) {
            String where = proposed.entryUuid();
            if (!admission.patient().equals(proposed.patientId())) {
                throw new DmpException(DmpErrorCode.PATIENT_ID_MISMATCH, "DocumentEntry " + where + ": patientId "
                        + proposed.patientId() + " differs from the document's " + current.patientId()
                        + " (a metadata update cannot move a document to another patient)", where);
            }
            if (proposed.uniqueId() != null && !proposed.uniqueId().equals(current.uniqueId())) {
                throw new DmpException(DmpErrorCode.METADATA_UPDATE_ERROR, "DocumentEntry " + where + ": uniqueId "
                        + proposed.uniqueId() + " differs from the document's " + current.uniqueId()
                        + " (a new metadata version keeps the uniqueId)", where);
            }
            List<String> content = new ArrayList<>();
            if (proposed.hash() != null && !proposed.hash().equalsIgnoreCase(current.hash())) {
                content.add("hash " + proposed.hash() + " (stored " + current.hash() + ")");
            }
            if (proposed.size() != null && !proposed.size().equals(current.size())) {
                content.add("size " + proposed.size() + " (stored " + current.size() + ")");
            }
            if (proposed.repositoryUniqueId() != null && !proposed.repositoryUniqueId().equals(current.repositoryUniqueId())) {
                content.add("repositoryUniqueId " + proposed.repositoryUniqueId() + " (stored " + current.repositoryUniqueId() + ")");
            }
            if (!content.isEmpty()) {
                throw new DmpException(DmpErrorCode.METADATA_UPDATE_ERROR, "DocumentEntry " + where
                        + ": a metadata update cannot change the document's content: " + String.join(", ", content), where);
            }
        }

        /** One change per document and request. */
        private void touch(DocumentEntryRecord entry) {
            String document = entry.logicalUuid() != null ? entry.logicalUuid() : entry.entryUuid();
            if (!touched.add(document)) {
                throw new DmpException(DmpErrorCode.METADATA_UPDATE_ERROR, "document " + entry.uniqueId()
                        + " is changed twice in this request: send one change per document", entry.entryUuid());
            }
        }

        /** The submission set's uniqueId and the new entryUUIDs are not in the registry yet. */
        void newIdentifiersUnused() {
            if (!repository.findUniqueIdUses(List.of(set.uniqueId())).isEmpty()) {
                errors.add(new DmpError(DmpErrorCode.DUPLICATE_UNIQUE_ID, "SubmissionSet uniqueId " + set.uniqueId()
                        + " is already used in the registry", set.uniqueId()));
            }
            List<String> uuids = new ArrayList<>(newVersions.stream().map(DocumentEntryRecord::entryUuid).toList());
            uuids.add(set.entryUuid());
            repository.findObjectKinds(uuids).keySet().forEach(uuid -> errors.add(new DmpError(
                    DmpErrorCode.METADATA_UPDATE_ERROR, "entryUUID " + uuid + " is already used in the registry: "
                    + "a new metadata version (and the update's submission set) needs a new entryUUID", uuid)));
        }
    }
}
