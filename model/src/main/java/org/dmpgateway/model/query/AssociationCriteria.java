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
        return new AssociationCriteria(null, uuids, null, null, null, null);
    }

    public static AssociationCriteria fromSources(List<String> sourceUuids) {
        return new AssociationCriteria(null, null, sourceUuids, null, null, null);
    }

    public static AssociationCriteria toTargets(List<String> targetUuids) {
        return new AssociationCriteria(null, null, null, targetUuids, null, null);
    }
}
