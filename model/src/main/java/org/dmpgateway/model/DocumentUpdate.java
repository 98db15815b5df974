package org.dmpgateway.model;

import java.util.List;

/**
 * The internal command of a metadata update (ITI-57 Update Document Set, FHIR PATCH and DELETE): new
 * versions of existing document entries (same logicalId, {@code previousVersion} the version they
 * replace) and availability-status changes.
 *
 * @param submissionSet the submission set of the update
 * @param newVersions   new metadata versions of existing documents
 * @param statusChanges status changes (deprecate, archive, unarchive, delete)
 */
public record DocumentUpdate(SubmissionSetRecord submissionSet, List<NewVersion> newVersions,
                             List<StatusChange> statusChanges) {
    public DocumentUpdate {
        newVersions = List.copyOf(newVersions == null ? List.of() : newVersions);
        statusChanges = List.copyOf(statusChanges == null ? List.of() : statusChanges);
    }

    /** A new version of a document entry's metadata; {@code previousVersion} is the version it replaces. */
    public record NewVersion(DocumentEntryRecord entry, String previousVersion) {
    }

    /**
     * A status change of one document, named by entryUUID or logicalId ({@code target}), from
     * {@code originalStatus} to {@code newStatus}.
     */
    public record StatusChange(String target, EntryStatus originalStatus, EntryStatus newStatus) {
    }
}
