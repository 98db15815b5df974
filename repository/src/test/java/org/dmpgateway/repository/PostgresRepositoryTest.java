package org.dmpgateway.repository;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;

/**
 * The repository contract on PostgreSQL ({@code DMP_TEST_PG_URL}, default
 * jdbc:postgresql://127.0.0.1:5432/test, user {@code DMP_TEST_PG_USER} or postgres, password
 * {@code DMP_TEST_PG_PASSWORD} or none), in a fresh schema created by Flyway and dropped at the
 * end. Skipped when PostgreSQL does not answer, unless CI=true: then it always runs (and fails
 * if the server is down).
 */
@ExtendWith(PostgresTestSchema.Available.class)
class PostgresRepositoryTest extends RepositoryTestBase {
    static final PostgresTestSchema SCHEMA = new PostgresTestSchema("dmp_repo_test_");

    @BeforeAll
    static void migrate() {
        SCHEMA.migrate();
    }

    @Override
    DataSource migratedDataSource() {
        return SCHEMA.dataSource();
    }

    @AfterAll
    static void dropSchema() {
        SCHEMA.drop();
    }
}
