package org.dmpgateway.repository;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The repository contract on PostgreSQL ({@code DMP_TEST_PG_URL}, default
 * jdbc:postgresql://127.0.0.1:5432/test, user postgres), in a fresh schema dropped at the end.
 * Skipped when PostgreSQL does not answer, except with CI=true where it must run.
 */
@ExtendWith(PostgresRepositoryTest.Available.class)
class PostgresRepositoryTest extends RepositoryTestBase {
    static final String URL = env("DMP_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = env("DMP_TEST_PG_USER", "postgres");
    static final String SCHEMA = "dmp_repo_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    static PGSimpleDataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(URL);
        ds.setUser(USER);
        ds.setPassword(env("DMP_TEST_PG_PASSWORD", ""));
        ds.setCurrentSchema(SCHEMA);
        return ds;
    }

    @Override
    RegistryRepository newRepository() {
        PGSimpleDataSource ds = dataSource();
        Flyway.configure().dataSource(ds).schemas(SCHEMA).createSchemas(true).load().migrate();
        return new JdbcRegistryRepository(ds, new DataSourceTransactionManager(ds));
    }

    @AfterAll
    static void dropSchema() {
        new JdbcTemplate(dataSource()).execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }

    static final class Available implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(org.junit.jupiter.api.extension.ExtensionContext context) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                return ConditionEvaluationResult.enabled("CI=true: PostgreSQL tests always run");
            }
            try (Connection ignored = dataSource().getConnection()) {
                return ConditionEvaluationResult.enabled("PostgreSQL answers at " + URL);
            } catch (SQLException e) {
                return ConditionEvaluationResult.disabled("PostgreSQL not reachable at " + URL + ": " + e.getMessage());
            }
        }
    }
}
