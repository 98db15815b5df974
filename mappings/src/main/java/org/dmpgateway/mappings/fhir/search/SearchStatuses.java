package org.dmpgateway.mappings.fhir.search;

import ca.uhn.fhir.rest.param.TokenOrListParam;
import org.dmpgateway.model.EntryStatus;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code status} and PDSm {@code isArchived} search parameters (ITI-67, ITI-66) as XDS
 * availability statuses: {@code current} is Approved, or Archived with {@code isArchived=true}
 * (both with {@code isArchived=true,false}); the statuses in {@code deprecated} are Deprecated;
 * {@code entered-in-error} selects nothing, a deleted entry being never shown.
 */
public final class SearchStatuses {
    private SearchStatuses() {
    }

    /**
     * @param statusSystem the code system the status codes may name (FHIR's status value set)
     * @param deprecated   the codes that mean Deprecated ({@code superseded}; for a List also {@code retired})
     * @param resource     the resource named in refusals
     */
    public static List<EntryStatus> of(TokenOrListParam status, TokenOrListParam isArchived, String statusSystem,
                                Set<String> deprecated, String resource) {
        List<String> archived = SearchTokens.plainCodes(isArchived, "isArchived", null);
        boolean approved = archived == null || archived.contains("false");
        boolean archivedToo = archived != null && archived.contains("true");
        if (archived != null) {
            archived.stream().filter(v -> !v.equals("true") && !v.equals("false")).findFirst().ifPresent(v -> {
                throw SearchTokens.invalid("isArchived", "expected true or false, not '" + v + "'");
            });
        }
        Set<EntryStatus> statuses = new LinkedHashSet<>();
        for (String code : SearchTokens.plainCodes(status, "status", statusSystem)) {
            if (code.equals("current")) {
                if (approved) {
                    statuses.add(EntryStatus.APPROVED);
                }
                if (archivedToo) {
                    statuses.add(EntryStatus.ARCHIVED);
                }
            } else if (deprecated.contains(code)) {
                statuses.add(EntryStatus.DEPRECATED);
            } else if (!code.equals("entered-in-error")) {
                throw SearchTokens.invalid("status", "'" + code + "' is not a " + resource + " status (current, "
                        + String.join(", ", deprecated) + ", entered-in-error)");
            }
        }
        return List.copyOf(statuses);
    }
}
