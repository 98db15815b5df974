package org.dmpgateway.server.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The PostgreSQL used by the tests: {@code DMP_TEST_PG_URL} (default
 * jdbc:postgresql://127.0.0.1:5432/test), user {@code DMP_TEST_PG_USER} (default postgres), with
 * a fresh schema per test class. Tests using it run whenever the server answers; when it does not,
 * they are skipped with the reason, except in CI ({@code CI=true}) where they run and fail.
 */
public final class PostgresTestDatabase implements ExecutionCondition {
    public static final String URL = env("DMP_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = env("DMP_TEST_PG_USER", "postgres");
    public static final String PASSWORD = env("DMP_TEST_PG_PASSWORD", "");

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            return ConditionEvaluationResult.enabled("CI=true: PostgreSQL tests always run");
        }
        try (Connection ignored = DriverManager.getConnection(URL, USER, PASSWORD)) {
            return ConditionEvaluationResult.enabled("PostgreSQL answers at " + URL);
        } catch (SQLException e) {
            return ConditionEvaluationResult.disabled("PostgreSQL not reachable at " + URL + " (" + e.getMessage()
                    + "); set CI=true to make this a failure");
        }
    }

    /** Points the Spring datasource and Flyway at a new schema of the test database; returns its name. */
    public static String register(DynamicPropertyRegistry registry) {
        String schema = "dmp_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String sep = URL.contains("?") ? "&" : "?";
        registry.add("spring.datasource.url", () -> URL + sep + "currentSchema=" + schema);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> PASSWORD);
        registry.add("spring.flyway.schemas", () -> schema);
        registry.add("spring.flyway.create-schemas", () -> "true");
        return schema;
    }

    /** Drops a schema made by {@link #register}. */
    public static void drop(String schema) {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD)) {
            c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test schema " + schema, e);
        }
    }
}
