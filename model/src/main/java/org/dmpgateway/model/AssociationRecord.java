package org.dmpgateway.model;

import java.util.List;
import java.util.Map;

/**
 * An association between two registry objects. {@code label} is "Original" or "Reference" for
 * SubmissionSet-to-DocumentEntry HasMember associations (SubmissionSetStatus), otherwise null.
 */
public record AssociationRecord(
        String entryUuid,
        AssociationKind kind,
        String sourceUuid,
        String targetUuid,
        String label,
        String previousVersion,
        String originalStatus,
        String newStatus,
        Boolean associationPropagation,
        EntryStatus availabilityStatus,
        Map<String, List<String>> extraMetadata) {

    public AssociationRecord {
        extraMetadata = Map.copyOf(extraMetadata == null ? Map.of() : extraMetadata);
    }

    public AssociationRecord withStatus(EntryStatus status) {
        return new AssociationRecord(entryUuid, kind, sourceUuid, targetUuid, label, previousVersion, originalStatus,
                newStatus, associationPropagation, status, extraMetadata);
    }
}
