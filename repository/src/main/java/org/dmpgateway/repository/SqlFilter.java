package org.dmpgateway.repository;

import org.dmpgateway.mappings.model.CodedValue;
import org.dmpgateway.mappings.model.EntryStatus;
import org.dmpgateway.mappings.model.PatientRef;
import org.dmpgateway.mappings.query.TimeRangeCriterion;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the WHERE clause of a selection, with bound parameters only. A criterion given as an
 * empty list makes the whole selection empty ({@link #matchesNothing()}): callers return at once.
 */
final class SqlFilter {
    private final String alias;
    private final List<String> clauses = new ArrayList<>();
    private final MapSqlParameterSource params = new MapSqlParameterSource();
    private boolean nothing;
    private int counter;

    SqlFilter(String alias) {
        this.alias = alias;
    }

    String param(Object value) {
        String name = "p" + (counter++);
        params.addValue(name, value);
        return ":" + name;
    }

    MapSqlParameterSource params() {
        return params;
    }

    boolean matchesNothing() {
        return nothing;
    }

    String where() {
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    SqlFilter add(String clause) {
        clauses.add(clause);
        return this;
    }

    SqlFilter patient(PatientRef patient) {
        if (patient != null) {
            add(alias + ".patient_id = " + param(patient.id()) + " AND " + alias + ".patient_authority = " + param(patient.authority()));
        }
        return this;
    }

    SqlFilter in(String column, List<String> values) {
        if (values == null) {
            return this;
        }
        if (values.isEmpty()) {
            nothing = true;
            return this;
        }
        return add(alias + "." + column + " IN (" + param(values) + ")");
    }

    SqlFilter statuses(List<EntryStatus> statuses) {
        return in("availability_status", statuses == null ? null : statuses.stream().map(Enum::name).toList());
    }

    /** Any of the codes, on a code column and its code-system column (same prefix). */
    SqlFilter codes(String prefix, List<CodedValue> codes) {
        if (codes == null) {
            return this;
        }
        if (codes.isEmpty()) {
            nothing = true;
            return this;
        }
        return add("(" + codeMatch(alias + "." + prefix, alias + "." + prefix + "_system", codes) + ")");
    }

    /** AND of OR groups over the coded_value child table. */
    SqlFilter codeGroups(String kind, List<List<CodedValue>> groups) {
        if (groups == null) {
            return this;
        }
        for (List<CodedValue> group : groups) {
            if (group == null || group.isEmpty()) {
                continue;
            }
            add("EXISTS (SELECT 1 FROM coded_value cv WHERE cv.owner_uuid = " + alias + ".entry_uuid AND cv.kind = "
                    + param(kind) + " AND (" + codeMatch("cv.code", "cv.code_system", group) + "))");
        }
        return this;
    }

    private String codeMatch(String codeColumn, String systemColumn, List<CodedValue> codes) {
        List<String> ors = new ArrayList<>();
        for (CodedValue c : codes) {
            String one = codeColumn + " = " + param(c.code());
            if (c.codeSystem() != null) {
                one += " AND " + systemColumn + " = " + param(c.codeSystem());
            }
            ors.add("(" + one + ")");
        }
        return String.join(" OR ", ors);
    }

    SqlFilter timeRange(String column, TimeRangeCriterion range) {
        if (range == null) {
            return this;
        }
        Long from = Hl7Instants.toEpochMillis(range.from());
        Long to = Hl7Instants.toEpochMillis(range.to());
        if (from != null) {
            add(alias + "." + column + " >= " + param(from));
        }
        if (to != null) {
            add(alias + "." + column + " < " + param(to));
        }
        return this;
    }

    /** Any author person of the object LIKE one of the patterns. */
    SqlFilter authors(List<String> patterns) {
        if (patterns == null || patterns.isEmpty()) {
            return this;
        }
        List<String> ors = new ArrayList<>();
        for (String p : patterns) {
            ors.add("au.person LIKE " + param(p));
        }
        return add("EXISTS (SELECT 1 FROM author au WHERE au.owner_uuid = " + alias + ".entry_uuid AND ("
                + String.join(" OR ", ors) + "))");
    }

    /** Any of the values among the object's text values of a kind. */
    SqlFilter textValues(String kind, List<String> values) {
        if (values == null) {
            return this;
        }
        if (values.isEmpty()) {
            nothing = true;
            return this;
        }
        return add("EXISTS (SELECT 1 FROM text_value tv WHERE tv.owner_uuid = " + alias + ".entry_uuid AND tv.kind = "
                + param(kind) + " AND tv.val IN (" + param(values) + "))");
    }
}
