package org.dmpgateway.repository;

import org.dmpgateway.mappings.model.AuthorInfo;
import org.dmpgateway.mappings.model.CodedValue;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The child rows (coded values, authors, text values, extra slots) of a set of registry objects
 * of one kind, loaded with one query per child table and batch of owners (never one per object),
 * in their stored order.
 */
final class ChildRows {
    /** Owners per IN (...) list: well below the bind-parameter limits of H2 and PostgreSQL. */
    private static final int BATCH = 500;

    private final Map<String, Map<String, List<CodedValue>>> codes = new HashMap<>();
    private final Map<String, List<AuthorInfo>> authors = new HashMap<>();
    private final Map<String, Map<String, List<String>>> texts = new HashMap<>();
    private final Map<String, Map<String, List<String>>> slots = new HashMap<>();

    private ChildRows() {
    }

    /** Loads the child tables that objects of this kind have. */
    static ChildRows load(NamedParameterJdbcTemplate jdbc, ObjectKind kind, List<String> owners) {
        ChildRows rows = new ChildRows();
        for (int from = 0; from < owners.size(); from += BATCH) {
            MapSqlParameterSource p = new MapSqlParameterSource("owners", owners.subList(from, Math.min(owners.size(), from + BATCH)))
                    .addValue("kind", kind.name());
            if (kind == ObjectKind.DOCUMENT_ENTRY || kind == ObjectKind.FOLDER) {
                rows.loadCodes(jdbc, p);
            }
            if (kind == ObjectKind.DOCUMENT_ENTRY || kind == ObjectKind.SUBMISSION_SET) {
                rows.loadAuthors(jdbc, p);
                rows.loadTexts(jdbc, p);
            }
            rows.loadSlots(jdbc, p);
        }
        return rows;
    }

    private void loadCodes(NamedParameterJdbcTemplate jdbc, MapSqlParameterSource p) {
        jdbc.query("SELECT owner_uuid, kind, code, code_system, display_name FROM coded_value "
                + "WHERE owner_uuid IN (:owners) ORDER BY owner_uuid, kind, position", p, rs -> {
            codes.computeIfAbsent(rs.getString("owner_uuid"), k -> new HashMap<>())
                    .computeIfAbsent(rs.getString("kind"), k -> new ArrayList<>())
                    .add(new CodedValue(rs.getString("code"), rs.getString("code_system"), rs.getString("display_name")));
        });
    }

    private void loadAuthors(NamedParameterJdbcTemplate jdbc, MapSqlParameterSource p) {
        jdbc.query("SELECT owner_uuid, person, institutions, roles, specialties, telecoms FROM author "
                + "WHERE owner_uuid IN (:owners) AND owner_kind = :kind ORDER BY owner_uuid, position", p, rs -> {
            authors.computeIfAbsent(rs.getString("owner_uuid"), k -> new ArrayList<>()).add(new AuthorInfo(
                    rs.getString("person"), JsonLists.read(rs.getString("institutions")),
                    JsonLists.read(rs.getString("roles")), JsonLists.read(rs.getString("specialties")),
                    JsonLists.read(rs.getString("telecoms"))));
        });
    }

    private void loadTexts(NamedParameterJdbcTemplate jdbc, MapSqlParameterSource p) {
        jdbc.query("SELECT owner_uuid, kind, val FROM text_value WHERE owner_uuid IN (:owners) "
                + "ORDER BY owner_uuid, kind, position", p, rs -> {
            texts.computeIfAbsent(rs.getString("owner_uuid"), k -> new HashMap<>())
                    .computeIfAbsent(rs.getString("kind"), k -> new ArrayList<>()).add(rs.getString("val"));
        });
    }

    private void loadSlots(NamedParameterJdbcTemplate jdbc, MapSqlParameterSource p) {
        jdbc.query("SELECT owner_uuid, name, position, val FROM extra_slot WHERE owner_uuid IN (:owners) "
                + "AND owner_kind = :kind ORDER BY owner_uuid, name, position", p, rs -> {
            List<String> values = slots.computeIfAbsent(rs.getString("owner_uuid"), k -> new LinkedHashMap<>())
                    .computeIfAbsent(rs.getString("name"), k -> new ArrayList<>());
            if (rs.getInt("position") != SubmissionWriter.EMPTY_SLOT_POSITION) {
                values.add(rs.getString("val"));
            }
        });
    }

    /** The coded values of an owner, of one kind (CONFIDENTIALITY, EVENT, FOLDER). */
    List<CodedValue> codes(String owner, ValueKind kind) {
        return codes.getOrDefault(owner, Map.of()).getOrDefault(kind.name(), List.of());
    }

    /** The text values of an owner, of one kind (SOURCE_PATIENT_INFO, REFERENCE_ID, INTENDED_RECIPIENT). */
    List<String> texts(String owner, ValueKind kind) {
        return texts.getOrDefault(owner, Map.of()).getOrDefault(kind.name(), List.of());
    }

    List<AuthorInfo> authors(String owner) {
        return authors.getOrDefault(owner, List.of());
    }

    /** Extra slots, name to values (empty map when none). */
    Map<String, List<String>> slots(String owner) {
        return slots.getOrDefault(owner, Map.of());
    }
}
