package org.dmpgateway.model.query;

import org.dmpgateway.model.AssociationKind;
import org.dmpgateway.model.EntryStatus;

import java.util.List;

/**
 * Selection of associations. {@code sourceOrTargetUuids}: associations whose source or target is
 * one of these; {@code sourceUuids} / {@code targetUuids}: by one end only; {@code entryUuids}: the
 * associations themselves. Null list: no filter; empty list: nothing.
 */
public record AssociationCriteria(
        List<String> entryUuids,
        List<String> sourceOrTargetUuids,
        List<String> sourceUuids,
        List<String> targetUuids,
        List<AssociationKind> kinds,
        List<EntryStatus> statuses) {

    public static AssociationCriteria touching(List<String> uuids) {
        return builder().sourceOrTargetUuids(uuids).build();
    }

    public static AssociationCriteria fromSources(List<String> sourceUuids) {
        return builder().sourceUuids(sourceUuids).build();
    }

    public static AssociationCriteria toTargets(List<String> targetUuids) {
        return builder().targetUuids(targetUuids).build();
    }

    /** Every criterion unset (no filter). */
    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return builder().entryUuids(entryUuids).sourceOrTargetUuids(sourceOrTargetUuids).sourceUuids(sourceUuids)
                .targetUuids(targetUuids).kinds(kinds).statuses(statuses);
    }

    public static final class Builder {
        private List<String> entryUuids;
        private List<String> sourceOrTargetUuids;
        private List<String> sourceUuids;
        private List<String> targetUuids;
        private List<AssociationKind> kinds;
        private List<EntryStatus> statuses;

        private Builder() {
        }

        public Builder entryUuids(List<String> v) { entryUuids = v; return this; }
        public Builder sourceOrTargetUuids(List<String> v) { sourceOrTargetUuids = v; return this; }
        public Builder sourceUuids(List<String> v) { sourceUuids = v; return this; }
        public Builder targetUuids(List<String> v) { targetUuids = v; return this; }
        public Builder kinds(List<AssociationKind> v) { kinds = v; return this; }
        public Builder statuses(List<EntryStatus> v) { statuses = v; return this; }

        public AssociationCriteria build() {
            return new AssociationCriteria(entryUuids, sourceOrTargetUuids, sourceUuids, targetUuids, kinds, statuses);
        }
    }
}
