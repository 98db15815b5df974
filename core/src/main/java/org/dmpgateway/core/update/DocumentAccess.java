package org.dmpgateway.core.update;

import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.EntryStatus;
import org.dmpgateway.model.query.DocumentCriteria;
import org.dmpgateway.repository.DocumentUpdateWrite.StatusChange;
import org.dmpgateway.repository.RegistryRepository;
import org.dmpgateway.core.policy.AccessPolicy;
import org.dmpgateway.core.policy.Admission;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The documents one admitted caller may change, for ITI-57 and ITI-62: only document entries of the
 * caller's patient, never a deleted one, and only one the caller may handle (habilitation matrix)
 * and see (masking). A document the caller may not see is answered as unknown, like one that does
 * not exist, so that a masked document's existence is not revealed; then only its author (or, for
 * a masking change, the admin doctor) may change it.
 */
final class DocumentAccess {
    private final RegistryRepository repository;
    private final AccessPolicy policy;
    private final Admission admission;

    DocumentAccess(RegistryRepository repository, AccessPolicy policy, Admission admission) {
        this.repository = repository;
        this.policy = policy;
        this.admission = admission;
    }

    /** The entry with this entryUUID, of the caller's patient, not deleted. */
    Optional<DocumentEntryRecord> byEntryUuid(String entryUuid) {
        return repository.findDocuments(DocumentCriteria.builder().patient(admission.patient())
                        .entryUuids(List.of(entryUuid)).build()).stream()
                .filter(e -> e.availabilityStatus() != EntryStatus.DELETED).findFirst();
    }

    /**
     * The version of the document with this logicalId that a change applies to: the current one
     * (Approved or Archived), else the newest; none when the document is unknown or deleted.
     */
    Optional<DocumentEntryRecord> byLogicalId(String logicalUuid) {
        List<DocumentEntryRecord> versions = versions(logicalUuid);
        Optional<DocumentEntryRecord> current = versions.stream().filter(DocumentAccess::isCurrent).reduce((a, b) -> b);
        return current.isPresent() ? current
                : versions.stream().filter(e -> e.availabilityStatus() != EntryStatus.DELETED).reduce((a, b) -> b);
    }

    /** Approved or Archived: the version that stands for the document. */
    static boolean isCurrent(DocumentEntryRecord e) {
        return e.availabilityStatus() == EntryStatus.APPROVED || e.availabilityStatus() == EntryStatus.ARCHIVED;
    }

    /**
     * Refuses a document the caller may not handle (HABILITATION_DENIED) or may not see (answered as
     * unknown: METADATA_UPDATE_ERROR naming {@code target}).
     */
    void requireHandledAndVisible(DocumentEntryRecord entry, String target) {
        policy.requireHabilitation(admission, entry);
        boolean visible = !repository.findDocuments(DocumentCriteria.builder().patient(admission.patient())
                .entryUuids(List.of(entry.entryUuid())).visibility(admission.visibility()).limit(1).build()).isEmpty();
        if (!visible) {
            throw unknown(target);
        }
    }

    /** Refuses a caller who is not an author of the entry: NOT_AUTHOR, saying what only the author may do. */
    void requireAuthor(DocumentEntryRecord entry, String what) {
        if (!admission.isAuthorOf(entry)) {
            throw new DmpException(DmpErrorCode.NOT_AUTHOR, "professional " + admission.context().actorId()
                    + " is not an author of document " + entry.uniqueId() + ": only its author may " + what,
                    entry.entryUuid());
        }
    }

    /**
     * The status changes that delete a document: every version sharing its logicalId (or the entry
     * alone when it has none) goes to Deleted, so that no version of a deleted document can be
     * found again, not even a Deprecated one.
     */
    List<StatusChange> deletionOf(DocumentEntryRecord entry) {
        List<DocumentEntryRecord> versions = entry.logicalUuid() == null ? List.of(entry) : versions(entry.logicalUuid());
        return versions.stream().filter(v -> v.availabilityStatus() != EntryStatus.DELETED)
                .map(v -> new StatusChange(v.entryUuid(), v.availabilityStatus(), EntryStatus.DELETED)).toList();
    }

    DmpException unknown(String target) {
        return new DmpException(DmpErrorCode.METADATA_UPDATE_ERROR, "no document entry of patient "
                + admission.patient().toCx() + " has the entryUUID or logicalID " + target
                + " (or it is not visible to this professional)", target);
    }

    /** Versions of one document of the caller's patient, oldest first. */
    private List<DocumentEntryRecord> versions(String logicalUuid) {
        return repository.findDocuments(DocumentCriteria.builder().patient(admission.patient())
                        .logicalUuids(List.of(logicalUuid)).build()).stream()
                .sorted(Comparator.comparingInt(DocumentAccess::versionNumber)).toList();
    }

    static int versionNumber(DocumentEntryRecord e) {
        try {
            return e.version() == null ? 0 : Integer.parseInt(e.version());
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
