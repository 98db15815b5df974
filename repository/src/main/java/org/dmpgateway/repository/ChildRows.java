package org.dmpgateway.repository;

import org.dmpgateway.model.AuthorInfo;
import org.dmpgateway.model.CodedValue;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The child rows (coded values, authors, text values, extra slots) of a set of registry objects
 * of one kind, loaded with one query per child table and batch of owners (never one per object),
 * in their stored order.
 *
 * <p>Each query joins the child table with the batch of owners given as a derived table
 * {@code (VALUES (?), (?), ...)}, rather than filtering it with {@code owner_uuid IN (?, ?, ...)}:
 * H2 checks an IN list of bound parameters by comparing each row read with the list's values one
 * after the other, so a 500-owner batch cost rows x 500 comparisons; the join looks each owner up
 * in the primary key (owner_uuid first) instead. PostgreSQL plans both forms alike.
 */
final class ChildRows {
    /** Owners per query: well below the bind-parameter limits of H2 and PostgreSQL. */
    private static final int BATCH = 500;
    /** The owners of one batch as a one-column table o(id): Spring writes a list of arrays as (?), (?), ... */
    private static final String OWNERS = "(VALUES :owners) o(id)";

    private final Map<String, Map<String, List<CodedValue>>> codes = new HashMap<>();
    private final Map<String, List<AuthorInfo>> authors = new HashMap<>();
    private final Map<String, Map<String, List<String>>> texts = new HashMap<>();
    private final Map<String, Map<String, List<String>>> slots = new HashMap<>();

    private ChildRows() {
    }

    /** Loads the child tables that objects of this kind have. */
    static ChildRows load(NamedParameterJdbcTemplate jdbc, ObjectKind kind, List<String> owners) {
        ChildRows rows = new ChildRows();
        // one VALUES row per owner: a repeated owner would repeat its child rows in the join
        List<Object[]> distinct = new LinkedHashSet<>(owners).stream().map(o -> new Object[]{o}).toList();
        for (int from = 0; from < distinct.size(); from += BATCH) {
            MapSqlParameterSource p = new MapSqlParameterSource("owners", distinct.subList(from, Math.min(distinct.size(), from + BATCH)))
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
        jdbc.query("SELECT c.owner_uuid, c.kind, c.code, c.code_system, c.display_name FROM " + OWNERS
                + " JOIN coded_value c ON c.owner_uuid = o.id ORDER BY c.owner_uuid, c.kind, c.position", p, rs -> {
            codes.computeIfAbsent(rs.getString("owner_uuid"), k -> new HashMap<>())
                    .computeIfAbsent(rs.getString("kind"), k -> new ArrayList<>())
                    .add(new CodedValue(rs.getString("code"), rs.getString("code_system"), rs.getString("display_name")));
        });
    }

    private void loadAuthors(NamedParameterJdbcTemplate jdbc, MapSqlParameterSource p) {
        jdbc.query("SELECT c.owner_uuid, c.person, c.institutions, c.roles, c.specialties, c.telecoms FROM " + OWNERS
                + " JOIN author c ON c.owner_uuid = o.id AND c.owner_kind = :kind ORDER BY c.owner_uuid, c.position", p, rs -> {
            authors.computeIfAbsent(rs.getString("owner_uuid"), k -> new ArrayList<>()).add(new AuthorInfo(
                    rs.getString("person"), JsonLists.read(rs.getString("institutions")),
                    JsonLists.read(rs.getString("roles")), JsonLists.read(rs.getString("specialties")),
                    JsonLists.read(rs.getString("telecoms"))));
        });
    }

    private void loadTexts(NamedParameterJdbcTemplate jdbc, MapSqlParameterSource p) {
        jdbc.query("SELECT c.owner_uuid, c.kind, c.val FROM " + OWNERS
                + " JOIN text_value c ON c.owner_uuid = o.id ORDER BY c.owner_uuid, c.kind, c.position", p, rs -> {
            texts.computeIfAbsent(rs.getString("owner_uuid"), k -> new HashMap<>())
                    .computeIfAbsent(rs.getString("kind"), k -> new ArrayList<>()).add(rs.getString("val"));
        });
    }

    private void loadSlots(NamedParameterJdbcTemplate jdbc, MapSqlParameterSource p) {
        jdbc.query("SELECT c.owner_uuid, c.name, c.position, c.val FROM " + OWNERS
                + " JOIN extra_slot c ON c.owner_uuid = o.id AND c.owner_kind = :kind ORDER BY c.owner_uuid, c.name, c.position",
                p, rs -> {
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
