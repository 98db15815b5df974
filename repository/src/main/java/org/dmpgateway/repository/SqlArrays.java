package org.dmpgateway.repository;

import org.springframework.jdbc.support.SqlArrayValue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A list of values in SQL as array parameters ({@code column = ANY(?)}), however many they are: a list
 * bound value by value stops at the database's limit of parameters per statement (65,535 on
 * PostgreSQL), which the members of a few large Lists reach, and gives each length of list its own
 * statement text. H2 and PostgreSQL look each value up in the column's index.
 */
final class SqlArrays {
    /** The largest array H2 binds (its {@code Constants.MAX_ARRAY_CARDINALITY}); PostgreSQL has no such limit. */
    static final int MAX_ARRAY = 65_536;

    private SqlArrays() {
    }

    /**
     * {@code column = ANY(?)}, the values as one VARCHAR array; beyond {@value #MAX_ARRAY} values, one
     * such array per {@value #MAX_ARRAY} values, ORed. {@code param} binds a value and gives its
     * placeholder.
     */
    static String anyOf(String column, List<String> values, Function<Object, String> param) {
        List<String> arrays = new ArrayList<>();
        for (int from = 0; from < values.size(); from += MAX_ARRAY) {
            List<String> chunk = values.subList(from, Math.min(values.size(), from + MAX_ARRAY));
            arrays.add(column + " = ANY(" + param.apply(new SqlArrayValue("VARCHAR", chunk.toArray())) + ")");
        }
        return arrays.size() == 1 ? arrays.get(0) : "(" + String.join(" OR ", arrays) + ")";
    }
}
