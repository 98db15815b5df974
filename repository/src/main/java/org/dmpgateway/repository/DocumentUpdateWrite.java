package org.dmpgateway.repository;

import org.dmpgateway.model.AssociationRecord;
import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.EntryStatus;
import org.dmpgateway.model.SubmissionSetRecord;

import java.util.List;

/**
 * Everything one accepted metadata update (ITI-57) or removal (ITI-62) writes, in one database
 * transaction: the status changes of existing document entries, each guarded by the status the
 * core read (so that a concurrent change of the same entry makes the write fail whole), then the
 * update's submission set, the new metadata versions (registry values assigned; their content is
 * the stored content of the same uniqueId, so no content row is written) and the associations.
 *
 * @param submissionSet  the update's submission set; null for a write made of status changes only
 * @param newVersions    new document entry versions
 * @param associations   the associations of the update (HasMember to each new version,
 *                       UpdateAvailabilityStatus for each status change)
 * @param statusChanges  status changes of stored document entries
 */
public record DocumentUpdateWrite(SubmissionSetRecord submissionSet, List<DocumentEntryRecord> newVersions,
                                  List<AssociationRecord> associations, List<StatusChange> statusChanges) {
    public DocumentUpdateWrite {
        newVersions = List.copyOf(newVersions == null ? List.of() : newVersions);
        associations = List.copyOf(associations == null ? List.of() : associations);
        statusChanges = List.copyOf(statusChanges == null ? List.of() : statusChanges);
        if (submissionSet == null && (!newVersions.isEmpty() || !associations.isEmpty())) {
            throw new IllegalArgumentException("new versions and associations need the update's submission set");
        }
    }

    /** A write of status changes only (ITI-62). */
    public static DocumentUpdateWrite statusChangesOnly(List<StatusChange> changes) {
        return new DocumentUpdateWrite(null, List.of(), List.of(), changes);
    }

    /** The document entry {@code entryUuid} goes from {@code expected} (as read by the core) to {@code newStatus}. */
    public record StatusChange(String entryUuid, EntryStatus expected, EntryStatus newStatus) {
        public StatusChange {
            if (entryUuid == null || expected == null || newStatus == null) {
                throw new IllegalArgumentException("a status change needs the entryUUID, the expected and the new status");
            }
        }
    }
}
