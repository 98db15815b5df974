package org.dmpgateway.model;

import java.util.List;

/**
 * The internal command of a document submission (ITI-41, later ITI-65): one submission set, its
 * documents with content, folders and associations.
 */
public record Submission(SubmissionSetRecord submissionSet,
                         List<SubmittedDocument> documents,
                         List<FolderRecord> folders,
                         List<AssociationRecord> associations) {
    public Submission {
        documents = List.copyOf(documents == null ? List.of() : documents);
        folders = List.copyOf(folders == null ? List.of() : folders);
        associations = List.copyOf(associations == null ? List.of() : associations);
    }
}
