package org.dmpgateway.routes;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The core's reads for the FHIR side on PostgreSQL ({@code DMP_TEST_PG_URL}, default
 * jdbc:postgresql://127.0.0.1:5432/test, user {@code DMP_TEST_PG_USER} or postgres, password
 * {@code DMP_TEST_PG_PASSWORD} or none), in a fresh schema created by Flyway and dropped at the
 * end; every test works on a patient of its own. Skipped when PostgreSQL does not answer, unless
 * CI=true: then it always runs (and fails if the server is down).
 */
@ExtendWith(CoreReadsPostgresTest.Available.class)
class CoreReadsPostgresTest extends CoreReadsTestBase {
    static final String URL = env("DMP_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = env("DMP_TEST_PG_USER", "postgres");
    static final String PASSWORD = env("DMP_TEST_PG_PASSWORD", "");
    static final String SCHEMA = "dmp_routes_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    static PGSimpleDataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(URL);
        ds.setUser(USER);
        ds.setPassword(PASSWORD);
        ds.setCurrentSchema(SCHEMA);
        return ds;
    }

    @BeforeAll
    static void migrate() {
        Flyway.configure().dataSource(URL, USER, PASSWORD).schemas(SCHEMA).createSchemas(true).load().migrate();
    }

    @Override
    DataSource migratedDataSource() {
        return dataSource();
    }

    @AfterAll
    static void dropSchema() {
        new JdbcTemplate(dataSource()).execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }

    /** Runs the class when PostgreSQL answers, or whenever CI=true. */
    static final class Available implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                return ConditionEvaluationResult.enabled("CI=true: the PostgreSQL tests always run");
            }
            try (Connection ignored = dataSource().getConnection()) {
                return ConditionEvaluationResult.enabled("PostgreSQL answers at " + URL);
            } catch (SQLException e) {
                return ConditionEvaluationResult.disabled("PostgreSQL not reachable at " + URL + ": " + e.getMessage());
            }
        }
    }
}
