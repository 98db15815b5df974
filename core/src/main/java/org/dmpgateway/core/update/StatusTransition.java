package org.dmpgateway.core.update;

import org.dmpgateway.model.EntryStatus;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The availability-status changes the DMP allows through ITI-57 (TD3.3c delete, TD3.3d archive):
 * Approved -> Deprecated, Approved -> Archived, Archived -> Approved, Approved or Archived ->
 * Deleted. Any other pair is refused.
 */
enum StatusTransition {
    DEPRECATE("deprecate", EntryStatus.DEPRECATED, EntryStatus.APPROVED),
    ARCHIVE("archive", EntryStatus.ARCHIVED, EntryStatus.APPROVED),
    UNARCHIVE("unarchive", EntryStatus.APPROVED, EntryStatus.ARCHIVED),
    DELETE("delete", EntryStatus.DELETED, EntryStatus.APPROVED, EntryStatus.ARCHIVED);

    private final String verb;
    private final EntryStatus to;
    private final EntryStatus[] from;

    StatusTransition(String verb, EntryStatus to, EntryStatus... from) {
        this.verb = verb;
        this.to = to;
        this.from = from;
    }

    String verb() {
        return verb;
    }

    static Optional<StatusTransition> of(EntryStatus from, EntryStatus to) {
        return Arrays.stream(values()).filter(t -> t.to == to && Arrays.asList(t.from).contains(from)).findFirst();
    }

    /** The allowed transitions, for messages: {@code Approved -> Deprecated (deprecate), ...}. */
    static String allowed() {
        return Arrays.stream(values()).map(t -> Arrays.stream(t.from).map(StatusTransition::label)
                        .collect(Collectors.joining(" or ")) + " -> " + label(t.to) + " (" + t.verb + ")")
                .collect(Collectors.joining(", "));
    }

    /** A status as the DMP names it: Approved, Deprecated, Archived, Deleted, Submitted. */
    static String label(EntryStatus s) {
        String n = s.name();
        return n.charAt(0) + n.substring(1).toLowerCase();
    }
}
