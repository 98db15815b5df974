package org.dmpgateway.repository;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.support.SqlArrayValue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * The forms a list takes in SQL: short lists value by value (PostgreSQL keeps their generic plan),
 * longer ones as arrays, one per {@value SqlArrays#MAX_ARRAY} values. What each form selects is
 * checked against H2 and PostgreSQL by {@link RepositoryTestBase}.
 */
class SqlArraysTest {
    private final List<Object> bound = new ArrayList<>();
    private final Function<Object, String> param = value -> {
        bound.add(value);
        return ":p" + bound.size();
    };

    @Test
    void oneValueIsOneScalar() {
        assertEquals("c = :p1", SqlArrays.anyOf("c", List.of("a"), param));
        assertEquals(List.of("a"), bound);
    }

    @Test
    void upToEightValuesAreBoundValueByValue() {
        assertEquals("c IN (:p1, :p2, :p3)", SqlArrays.anyOf("c", List.of("a", "b", "c"), param));
        assertEquals(List.of("a", "b", "c"), bound);
        bound.clear();
        List<String> eight = values(SqlArrays.MAX_SCALARS);
        assertEquals("c IN (:p1, :p2, :p3, :p4, :p5, :p6, :p7, :p8)", SqlArrays.anyOf("c", eight, param));
        assertEquals(eight, bound);
    }

    @Test
    void nineValuesAreOneArray() {
        assertEquals("c = ANY(:p1)", SqlArrays.anyOf("c", values(SqlArrays.MAX_SCALARS + 1), param));
        assertEquals(1, bound.size());
        assertInstanceOf(SqlArrayValue.class, bound.get(0));
    }

    @Test
    void beyondTheLargestArrayTheArraysAreOred() {
        String sql = SqlArrays.anyOf("c", values(SqlArrays.MAX_ARRAY + 1), param);
        assertEquals("(c = ANY(:p1) OR c = ANY(:p2))", sql);
        assertEquals(2, bound.size());
    }

    @Test
    void arraysOfBindsEvenOneValueAsAnArray() {
        assertEquals("c = ANY(:p1)", SqlArrays.arraysOf("c", List.of("a"), param));
        assertInstanceOf(SqlArrayValue.class, bound.get(0));
        assertEquals("(c = ANY(:p2) OR c = ANY(:p3))", SqlArrays.arraysOf("c", values(SqlArrays.MAX_ARRAY + 1), param));
    }

    @Test
    void aListBindsArraysBeyondEightValues() {
        assertEquals(false, SqlArrays.bindsArrays(null));
        assertEquals(false, SqlArrays.bindsArrays(values(SqlArrays.MAX_SCALARS)));
        assertEquals(true, SqlArrays.bindsArrays(values(SqlArrays.MAX_SCALARS + 1)));
    }

    private static List<String> values(int count) {
        return IntStream.range(0, count).mapToObj(i -> "v" + i).toList();
    }
}
