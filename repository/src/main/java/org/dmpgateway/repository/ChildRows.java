package org.dmpgateway.repository;

import org.dmpgateway.mappings.model.AuthorInfo;
import org.dmpgateway.mappings.model.CodedValue;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The child rows (codes, authors, text values, extra slots) of a set of registry objects, loaded in
 * batches of owners (one query per child table and batch, never one per object).
 */
final class ChildRows {
    private static final int BATCH = 500;

    final Map<String, Map<String, List<CodedValue>>> codes = new HashMap<>();
    final Map<String, List<AuthorInfo>> authors = new HashMap<>();
    final Map<String, Map<String, List<String>>> texts = new HashMap<>();
    final Map<String, Map<String, List<String>>> slots = new HashMap<>();

    static ChildRows load(NamedParameterJdbcTemplate jdbc, Collection<String> owners, boolean withCodes,
                          boolean withAuthors, boolean withTexts) {
        ChildRows rows = new ChildRows();
        List<String> all = List.copyOf(owners);
        for (int from = 0; from < all.size(); from += BATCH) {
            List<String> batch = all.subList(from, Math.min(all.size(), from + BATCH));
            MapSqlParameterSource p = new MapSqlParameterSource("owners", batch);
            if (withCodes) {
                jdbc.query("SELECT owner_uuid, kind, code, code_system, display_name FROM coded_value "
                        + "WHERE owner_uuid IN (:owners) ORDER BY owner_uuid, kind, position", p, rs -> {
                    rows.codes.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                            .computeIfAbsent(rs.getString(2), k -> new ArrayList<>())
                            .add(new CodedValue(rs.getString(3), rs.getString(4), rs.getString(5)));
                });
            }
            if (withAuthors) {
                jdbc.query("SELECT owner_uuid, person, institutions, roles, specialties, telecoms FROM author "
                        + "WHERE owner_uuid IN (:owners) ORDER BY owner_uuid, position", p, rs -> {
                    rows.authors.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new AuthorInfo(
                            rs.getString(2), JsonLists.read(rs.getString(3)), JsonLists.read(rs.getString(4)),
                            JsonLists.read(rs.getString(5)), JsonLists.read(rs.getString(6))));
                });
            }
            if (withTexts) {
                jdbc.query("SELECT owner_uuid, kind, val FROM text_value WHERE owner_uuid IN (:owners) "
                        + "ORDER BY owner_uuid, kind, position", p, rs -> {
                    rows.texts.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                            .computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(rs.getString(3));
                });
            }
            jdbc.query("SELECT owner_uuid, name, val FROM extra_slot WHERE owner_uuid IN (:owners) "
                    + "ORDER BY owner_uuid, name, position", p, rs -> {
                rows.slots.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                        .computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(rs.getString(3));
            });
        }
        return rows;
    }

    List<CodedValue> codes(String owner, String kind) {
        return codes.getOrDefault(owner, Map.of()).getOrDefault(kind, List.of());
    }

    List<String> texts(String owner, String kind) {
        return texts.getOrDefault(owner, Map.of()).getOrDefault(kind, List.of());
    }

    List<AuthorInfo> authors(String owner) {
        return authors.getOrDefault(owner, List.of());
    }

    Map<String, List<String>> slots(String owner) {
        return slots.getOrDefault(owner, Map.of());
    }
}
