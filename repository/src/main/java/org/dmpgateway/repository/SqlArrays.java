package org.dmpgateway.repository;

import org.springframework.jdbc.support.SqlArrayValue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A list of values in SQL, however many they are: beyond {@value #MAX_SCALARS} values as array
 * parameters ({@code column = ANY(?)}), since a list bound value by value stops at the database's limit
 * of parameters per statement (65,535 on PostgreSQL), which the members of a few large Lists reach, and
 * gives each length of list its own statement text. H2 and PostgreSQL look each value up in the
 * column's index (on H2, not when an equality on another column of that index is beside it:
 * {@link #arraysOf}).
 *
 * <p>A short list (at most {@value #MAX_SCALARS} values) is bound value by value ({@code column = ?},
 * {@code column IN (?, ?)}): PostgreSQL plans a prepared statement with an array parameter again at
 * every execution (its generic plan, made without the array's length, is costed above the custom
 * plans), which cost a FHIR read by id 0.30-0.50 ms of planning for 0.03 ms of execution, and an
 * ITI-41 submission's two checks of its ids 0.19-0.29 ms each; with scalars the generic plan is kept
 * after five executions (docs/performance.md, "HAPI's flushes, and a read by id planned once (stop
 * 31)"). At most {@value #MAX_SCALARS} statement texts per list, so that the statement caches of the
 * driver and of H2 keep them.
 */
final class SqlArrays {
    /** The largest array H2 binds (its {@code Constants.MAX_ARRAY_CARDINALITY}); PostgreSQL has no such limit. */
    static final int MAX_ARRAY = 65_536;
    /** The longest list bound value by value; a longer one is an array. */
    static final int MAX_SCALARS = 8;

    private SqlArrays() {
    }

    /**
     * {@code column = ANY(?)}, the values as one VARCHAR array; beyond {@value #MAX_ARRAY} values, one
     * such array per {@value #MAX_ARRAY} values, ORed; at most {@value #MAX_SCALARS} values as
     * {@code column = ?} or {@code column IN (?, ...)}. {@code param} binds a value and gives its
     * placeholder.
     */
    static String anyOf(String column, List<String> values, Function<Object, String> param) {
        if (values.size() == 1) {
            return column + " = " + param.apply(values.get(0));
        }
        if (!values.isEmpty() && values.size() <= MAX_SCALARS) {
            return column + " IN (" + String.join(", ", values.stream().map(param).toList()) + ")";
        }
        return arraysOf(column, values, param);
    }

    /** Whether {@link #anyOf} binds these values as arrays (more than {@value #MAX_SCALARS} of them). */
    static boolean bindsArrays(List<?> values) {
        return values != null && values.size() > MAX_SCALARS;
    }

    /**
     * {@code column = ANY(?)} however few the values are, one array per {@value #MAX_ARRAY} values,
     * ORed. For a list beside another one bound as an array on the same index: H2 (2.3) gives up the
     * lookup of an array's values in an index on {@code (a, b)} when {@code b} has an equality
     * condition ({@code a = ANY(?) AND b = ?}) and scans the whole index instead; with {@code b =
     * ANY(?)} it looks each value of {@code a} up. PostgreSQL plans a statement with an array
     * parameter at each execution already, so a second array costs it no more planning.
     */
    static String arraysOf(String column, List<String> values, Function<Object, String> param) {
        List<String> arrays = new ArrayList<>();
        for (int from = 0; from < values.size(); from += MAX_ARRAY) {
            List<String> chunk = values.subList(from, Math.min(values.size(), from + MAX_ARRAY));
            arrays.add(column + " = ANY(" + param.apply(new SqlArrayValue("VARCHAR", chunk.toArray())) + ")");
        }
        return arrays.size() == 1 ? arrays.get(0) : "(" + String.join(" OR ", arrays) + ")";
    }
}
