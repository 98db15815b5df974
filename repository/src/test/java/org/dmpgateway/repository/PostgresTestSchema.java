package org.dmpgateway.repository;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A fresh schema of the test PostgreSQL database ({@code DMP_TEST_PG_URL}, default
 * jdbc:postgresql://127.0.0.1:5432/test, user {@code DMP_TEST_PG_USER} or postgres, password
 * {@code DMP_TEST_PG_PASSWORD} or none), migrated by Flyway (here with {@link #migrate}, or by the
 * server started on {@link #jdbcUrl}) and dropped at the end: the one PostgreSQL helper of the tests,
 * shared through this module's test-jar by the core, the server and the benchmark. Every PostgreSQL
 * leaf of a suite carries {@link Available}: it runs when PostgreSQL answers, and always when
 * CI=true (then it fails if the server is down, never skipped).
 */
public final class PostgresTestSchema {
    public static final String URL = env("DMP_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = env("DMP_TEST_PG_USER", "postgres");
    public static final String PASSWORD = env("DMP_TEST_PG_PASSWORD", "");

    private final String schema;

    /** A new schema named {@code <prefix><12 random hex digits>}, not created yet. */
    public PostgresTestSchema(String prefix) {
        this.schema = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    public String name() {
        return schema;
    }

    /** The JDBC URL of the test database with this schema as the current one. */
    public String jdbcUrl() {
        return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** Creates the schema and applies the migrations. */
    public PostgresTestSchema migrate() {
        Flyway.configure().dataSource(URL, USER, PASSWORD).schemas(schema).createSchemas(true).load().migrate();
        return this;
    }

    /** A data source whose connections work in this schema. */
    public DataSource dataSource() {
        return dataSource(schema);
    }

    public void drop() {
        new JdbcTemplate(dataSource()).execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private static PGSimpleDataSource dataSource(String schema) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(URL);
        ds.setUser(USER);
        ds.setPassword(PASSWORD);
        if (schema != null) {
            ds.setCurrentSchema(schema);
        }
        return ds;
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    /** Runs the class when PostgreSQL answers, or whenever CI=true. */
    public static final class Available implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                return ConditionEvaluationResult.enabled("CI=true: the PostgreSQL tests always run");
            }
            try (Connection ignored = dataSource(null).getConnection()) {
                return ConditionEvaluationResult.enabled("PostgreSQL answers at " + URL);
            } catch (SQLException e) {
                return ConditionEvaluationResult.disabled("PostgreSQL not reachable at " + URL + ": " + e.getMessage()
                        + "; set CI=true to make this a failure");
            }
        }
    }
}
