package org.dmpgateway.repository;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the {@link NewestConfidentiality} of the document entries stored without it, in batches of
 * entries in id order ({@link UnfilledEntries}; each batch: the newest version of each of their
 * documents, the confidentiality codes of those versions, one batch of updates).
 */
public final class NewestConfidentialityBackfill {
    private NewestConfidentialityBackfill() {
    }

    /** Fills the column of every entry that has none; returns the number of entries written. */
    public static long fill(Connection connection) {
        return UnfilledEntries.fill(connection, "newest_confidentiality", List.of("entry_uuid", "logical_uuid"),
                (named, entries) -> {
                    Map<String, String> newest = newestVersions(named, entries);
                    Map<Object, String> owners = new HashMap<>();
                    for (Object[] e : entries) {
                        owners.put(e[0], e[2] == null ? (String) e[1] : newest.getOrDefault((String) e[2], (String) e[1]));
                    }
                    Map<String, List<String[]>> codes = confidentialityCodes(named, new LinkedHashSet<>(owners.values()));
                    List<Object[]> updates = new ArrayList<>();
                    for (Object[] e : entries) {
                        updates.add(new Object[]{NewestConfidentiality.writeCodes(
                                codes.getOrDefault(owners.get(e[0]), List.of())), e[0]});
                    }
                    return updates;
                });
    }

    /** logicalUUID to the entryUUID of its newest version (highest id), for the logicalUUIDs of the entries. */
    private static Map<String, String> newestVersions(NamedParameterJdbcTemplate named, List<Object[]> entries) {
        Set<String> logicals = new LinkedHashSet<>();
        for (Object[] e : entries) {
            if (e[2] != null) {
                logicals.add((String) e[2]);
            }
        }
        Map<String, String> newest = new HashMap<>();
        if (!logicals.isEmpty()) {
            named.query("SELECT logical_uuid, entry_uuid FROM document_entry WHERE logical_uuid IN (:l) ORDER BY id",
                    new MapSqlParameterSource("l", List.copyOf(logicals)),
                    rs -> { newest.put(rs.getString(1), rs.getString(2)); });
        }
        return newest;
    }

    /** entryUUID to its confidentiality codes ([code, system]) in their stored order. */
    private static Map<String, List<String[]>> confidentialityCodes(NamedParameterJdbcTemplate named, Set<String> owners) {
        Map<String, List<String[]>> codes = new HashMap<>();
        if (owners.isEmpty()) {
            return codes;
        }
        named.query("SELECT owner_uuid, code, code_system FROM coded_value WHERE kind = :k AND owner_uuid IN (:o) "
                        + "ORDER BY owner_uuid, position",
                new MapSqlParameterSource("k", ValueKind.CONFIDENTIALITY.name()).addValue("o", List.copyOf(owners)),
                rs -> {
                    codes.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new String[]{rs.getString(2), rs.getString(3)});
                });
        return codes;
    }
}
