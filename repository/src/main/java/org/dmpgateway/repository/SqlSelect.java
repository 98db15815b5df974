package org.dmpgateway.repository;

import org.dmpgateway.model.CodedValue;
import org.dmpgateway.model.EntryStatus;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.query.DocumentVisibility;
import org.dmpgateway.model.query.TimeRangeCriterion;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the one SELECT of a selection over an object table: WHERE clauses from the criteria,
 * insertion order (the identity key {@code id}: a total order, no two rows tie), an optional page
 * (offset, then row limit) applied by the database after every clause, or the COUNT of the same
 * selection. Every value is a bound parameter; only column names
 * and table names (constants of this package) are written into the SQL text.
 *
 * <p>Criteria conventions: a null criterion adds no clause; an empty list selects nothing
 * ({@link #matchesNothing()}, callers then skip the database). Codes match on code and code
 * system (a criterion code without system matches stored codes without system); the display
 * name is ignored.
 */
final class SqlSelect {
    private final ObjectKind kind;
    private final String alias;
    private final List<String> clauses = new ArrayList<>();
    private final MapSqlParameterSource params = new MapSqlParameterSource();
    private String page = "";
    private boolean nothing;

    SqlSelect(ObjectKind kind) {
        this.kind = kind;
        this.alias = switch (kind) {
            case DOCUMENT_ENTRY -> "d";
            case SUBMISSION_SET -> "s";
            case FOLDER -> "f";
            case ASSOCIATION -> "a";
        };
    }

    /** The table of each object kind. */
    static String table(ObjectKind kind) {
        return switch (kind) {
            case DOCUMENT_ENTRY -> "document_entry";
            case SUBMISSION_SET -> "submission_set";
            case FOLDER -> "folder";
            case ASSOCIATION -> "association";
        };
    }

    boolean matchesNothing() {
        return nothing;
    }

    String sql() {
        return sql(alias + ".*");
    }

    /** The selection of only these columns (qualified with the table's alias), ordered and paged like {@link #sql()}. */
    String sql(String columns) {
        return "SELECT " + columns + " FROM " + table(kind) + " " + alias
                + (clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses))
                + " ORDER BY " + alias + ".id" + page;
    }

    /** The number of rows the selection matches, without its page. */
    String countSql() {
        return "SELECT COUNT(*) FROM " + table(kind) + " " + alias
                + (clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses));
    }

    MapSqlParameterSource params() {
        return params;
    }

    /**
     * One page of the ordered selection: skip {@code offset} rows (null: none), then at most
     * {@code limit} rows (null: all). Standard SQL ({@code OFFSET n ROWS FETCH NEXT m ROWS ONLY}),
     * the same on H2 and PostgreSQL. Call it after every clause.
     */
    SqlSelect page(Integer offset, Integer limit) {
        StringBuilder sql = new StringBuilder();
        if (offset != null && offset > 0) {
            sql.append(" OFFSET ").append(param(offset)).append(" ROWS");
        }
        if (limit != null) {
            sql.append(" FETCH NEXT ").append(param(Math.max(0, limit))).append(" ROWS ONLY");
        }
        page = sql.toString();
        return this;
    }

    SqlSelect patient(PatientRef patient) {
        if (patient != null) {
            clauses.add(column("patient_id") + " = " + param(patient.id()));
            clauses.add(column("patient_authority") + " = " + param(patient.authority()));
        }
        return this;
    }

    /** The column equals the value (null: no filter). */
    SqlSelect equalTo(String column, Object value) {
        if (value != null) {
            clauses.add(column(column) + " = " + param(value));
        }
        return this;
    }

    /** The column is one of the values, bound as array parameters ({@link SqlArrays}). */
    SqlSelect in(String column, List<String> values) {
        if (notEmpty(values)) {
            clauses.add(anyOf(column(column), values));
        }
        return this;
    }

    /** The column is one of the values, bound as arrays however few they are ({@link SqlArrays#arraysOf}). */
    SqlSelect inArrays(String column, List<String> values) {
        if (notEmpty(values)) {
            clauses.add(SqlArrays.arraysOf(column(column), values, this::param));
        }
        return this;
    }

    SqlSelect statuses(List<EntryStatus> statuses) {
        return in("availability_status", statuses == null ? null : statuses.stream().map(Enum::name).toList());
    }

    /**
     * Either end of an association is one of the values.
     */
    SqlSelect sourceOrTarget(List<String> uuids) {
        if (notEmpty(uuids)) {
            clauses.add("(" + anyOf(column("source_uuid"), uuids) + " OR " + anyOf(column("target_uuid"), uuids) + ")");
        }
        return this;
    }

    /** Any of the codes, on a code column and its system column ({@code prefix}, {@code prefix_system}). */
    SqlSelect codes(String prefix, List<CodedValue> codes) {
        if (notEmpty(codes)) {
            clauses.add(anyCode(column(prefix), column(prefix + "_system"), codes));
        }
        return this;
    }

    /**
     * AND-of-OR groups over the coded_value rows of one kind: one EXISTS per group, each group
     * satisfied by any of its codes. An empty group can never be satisfied.
     */
    SqlSelect codeGroups(ValueKind codeKind, List<List<CodedValue>> groups) {
        if (notEmpty(groups)) {
            for (List<CodedValue> group : groups) {
                if (group == null || group.isEmpty()) {
                    nothing = true;
                    return this;
                }
                clauses.add("EXISTS (SELECT 1 FROM coded_value cv WHERE cv.owner_uuid = " + column("entry_uuid")
                        + " AND cv.kind = " + param(codeKind.name()) + " AND " + anyCode("cv.code", "cv.code_system", group) + ")");
            }
        }
        return this;
    }

    /**
     * A time range on an epoch-millisecond column: {@code from} inclusive, {@code to} exclusive,
     * each bound read as its first instant ({@link Hl7Instants}); a null bound is open. Objects
     * without the time do not match a range that has a bound.
     */
    SqlSelect timeRange(String column, TimeRangeCriterion range) {
        if (range != null) {
            Long from = Hl7Instants.toEpochMillis(range.from());
            Long to = Hl7Instants.toEpochMillis(range.to());
            if (from != null) {
                clauses.add(column(column) + " >= " + param(from));
            }
            if (to != null) {
                clauses.add(column(column) + " < " + param(to));
            }
        }
        return this;
    }

    /** Some author of the object has a person (XCN) LIKE one of the patterns. */
    SqlSelect authorPersons(List<String> patterns) {
        if (notEmpty(patterns)) {
            List<String> likes = new ArrayList<>();
            for (String pattern : patterns) {
                likes.add("au.person LIKE " + param(pattern));
            }
            clauses.add("EXISTS (SELECT 1 FROM author au WHERE au.owner_uuid = " + column("entry_uuid")
                    + " AND au.owner_kind = " + param(kind.name()) + " AND (" + String.join(" OR ", likes) + "))");
        }
        return this;
    }

    /** Some text value of the kind (e.g. REFERENCE_ID) is one of the values. */
    SqlSelect textValues(ValueKind textKind, List<String> values) {
        if (notEmpty(values)) {
            clauses.add("EXISTS (SELECT 1 FROM text_value tv WHERE tv.owner_uuid = " + column("entry_uuid")
                    + " AND tv.kind = " + param(textKind.name()) + " AND tv.val IN (" + param(values) + "))");
        }
        return this;
    }

    /**
     * Only what one professional may see ({@link DocumentVisibility}): never a deleted entry; only
     * the document types of the profession; masked entries (a masking confidentiality code on the
     * newest version of the document, or every entry when the patient masked all) only when authored
     * by the caller or when the caller sees masked documents. Null: no restriction.
     */
    SqlSelect visibility(DocumentVisibility v) {
        if (v == null) {
            return this;
        }
        clauses.add(column("availability_status") + " <> " + param(EntryStatus.DELETED.name()));
        DocumentVisibility.TypeFilter types = v.types();
        if (types.allowByDefault() && !types.exceptions().isEmpty()) {
            clauses.add("(" + column("type_code") + " IS NULL OR " + column("type_code") + " NOT IN ("
                    + param(types.exceptions()) + "))");
        } else if (!types.allowByDefault()) {
            if (types.exceptions().isEmpty()) {
                nothing = true;
                return this;
            }
            clauses.add(column("type_code") + " IN (" + param(types.exceptions()) + ")");
        }
        if (!v.seesMasked()) {
            String own = authoredBy(v.authorId());
            if (v.maskAll()) {
                clauses.add(own);
            } else if (!v.maskingCodes().isEmpty()) {
                // masking is read on the newest metadata version of the document (same logicalId): a
                // version deprecated by a masking update does not show what the update hid; the row
                // carries that version's codes (NewestConfidentiality; a null column, not back-filled
                // yet, matches neither NOT LIKE nor IS NULL: the entry counts as masked)
                String codes = column("newest_confidentiality");
                List<String> likes = new ArrayList<>();
                for (CodedValue c : v.maskingCodes()) {
                    likes.add(codes + " LIKE " + param(NewestConfidentiality.likePattern(c.code(), c.codeSystem()))
                            + " ESCAPE '" + NewestConfidentiality.LIKE_ESCAPE + "'");
                }
                clauses.add("(NOT (" + String.join(" OR ", likes) + ") OR " + own + ")");
            }
        }
        return this;
    }

    /**
     * Some author person of the object is this professional (XCN component 1 equals the id), or, for
     * a document entry, this professional submitted it (docs/sources/dmp-rules.md: a masked document stays visible
     * to the professional who deposited it).
     */
    private String authoredBy(String actorId) {
        if (actorId == null || actorId.isBlank()) {
            return "1 = 0";
        }
        String escaped = actorId.replace("!", "!!").replace("%", "!%").replace("_", "!_");
        String submitted = kind == ObjectKind.DOCUMENT_ENTRY ? column("submitter_id") + " = " + param(actorId) + " OR " : "";
        return "(" + submitted + "EXISTS (SELECT 1 FROM author ow WHERE ow.owner_uuid = " + column("entry_uuid") + " AND ow.owner_kind = "
                + param(kind.name()) + " AND (ow.person = " + param(actorId) + " OR ow.person LIKE "
                + param(escaped + "^%") + " ESCAPE '!')))";
    }

    private boolean notEmpty(List<?> values) {
        if (values != null && values.isEmpty()) {
            nothing = true;
        }
        return values != null && !values.isEmpty();
    }

    private String anyCode(String codeColumn, String systemColumn, List<CodedValue> codes) {
        List<String> ors = new ArrayList<>();
        for (CodedValue c : codes) {
            String system = c.codeSystem() == null ? systemColumn + " IS NULL" : systemColumn + " = " + param(c.codeSystem());
            ors.add("(" + codeColumn + " = " + param(c.code()) + " AND " + system + ")");
        }
        return "(" + String.join(" OR ", ors) + ")";
    }

    private String anyOf(String column, List<String> values) {
        return SqlArrays.anyOf(column, values, this::param);
    }

    private String column(String name) {
        return alias + "." + name;
    }

    private String param(Object value) {
        String name = "p" + params.getValues().size();
        params.addValue(name, value);
        return ":" + name;
    }
}
