package org.dmpgateway.core.submission;

import org.dmpgateway.model.AssociationRecord;
import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.FolderRecord;
import org.dmpgateway.model.Submission;
import org.dmpgateway.model.SubmissionSetRecord;
import org.dmpgateway.model.SubmittedDocument;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Replaces symbolic entryUUIDs of a submission (any id not of the form {@code urn:uuid:...}) by
 * UUIDs assigned by the registry, and rewrites association ends that name them (ITI-42 3.42.4.1.3.7).
 */
final class SymbolicIds {
    private final Map<String, String> assigned = new HashMap<>();

    private SymbolicIds() {
    }

    static Submission resolve(Submission s) {
        SymbolicIds ids = new SymbolicIds();
        SubmissionSetRecord set = s.submissionSet();
        SubmissionSetRecord newSet = new SubmissionSetRecord(ids.assign(set.entryUuid()), set.uniqueId(), set.sourceId(),
                set.homeCommunityId(), set.patientId(), set.submissionTime(), set.contentTypeCode(), set.authors(),
                set.intendedRecipients(), set.title(), set.comments(), set.availabilityStatus(),
                set.limitedMetadata(), set.extraMetadata());
        var docs = s.documents().stream().map(d -> new SubmittedDocument(ids.assign(d.entry()), d.content())).toList();
        var folders = s.folders().stream().map(ids::assign).toList();
        // associations last: their ends may name the objects above
        var assocs = s.associations().stream().map(ids::assign).toList();
        return new Submission(newSet, docs, folders, assocs);
    }

    private String assign(String id) {
        if (id == null) {
            return "urn:uuid:" + UUID.randomUUID();
        }
        if (id.startsWith("urn:uuid:")) {
            return id;
        }
        return assigned.computeIfAbsent(id, k -> "urn:uuid:" + UUID.randomUUID());
    }

    private String rewrite(String ref) {
        return ref == null ? null : assigned.getOrDefault(ref, ref);
    }

    private DocumentEntryRecord assign(DocumentEntryRecord e) {
        String uuid = assign(e.entryUuid());
        String logical = e.logicalUuid() == null ? null : rewrite(e.logicalUuid());
        return e.withIds(uuid, logical);
    }

    private FolderRecord assign(FolderRecord f) {
        return new FolderRecord(assign(f.entryUuid()), f.logicalUuid(), f.version(), f.uniqueId(), f.homeCommunityId(),
                f.patientId(), f.codes(), f.lastUpdateTime(), f.title(), f.comments(), f.availabilityStatus(),
                f.limitedMetadata(), f.extraMetadata());
    }

    private AssociationRecord assign(AssociationRecord a) {
        return new AssociationRecord(assign(a.entryUuid()), a.kind(), rewrite(a.sourceUuid()), rewrite(a.targetUuid()),
                a.label(), a.previousVersion(), a.originalStatus(), a.newStatus(), a.associationPropagation(),
                a.availabilityStatus(), a.extraMetadata());
    }
}
