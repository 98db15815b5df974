package org.dmpgateway.model.query;

import org.dmpgateway.model.AssociationRecord;
import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.FolderRecord;
import org.dmpgateway.model.SubmissionSetRecord;

import java.util.List;

/** What a stored query found. With {@code objectRefsOnly} the adapter returns only the UUIDs. */
public record QueryResult(List<DocumentEntryRecord> documents,
                          List<SubmissionSetRecord> submissionSets,
                          List<FolderRecord> folders,
                          List<AssociationRecord> associations,
                          boolean objectRefsOnly) {
    public QueryResult {
        documents = List.copyOf(documents == null ? List.of() : documents);
        submissionSets = List.copyOf(submissionSets == null ? List.of() : submissionSets);
        folders = List.copyOf(folders == null ? List.of() : folders);
        associations = List.copyOf(associations == null ? List.of() : associations);
    }
}
