package org.dmpgateway.core;

import org.dmpgateway.repository.PostgresTestSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;

/**
 * The core's reads for the FHIR side on PostgreSQL ({@code DMP_TEST_PG_URL}, default
 * jdbc:postgresql://127.0.0.1:5432/test, user {@code DMP_TEST_PG_USER} or postgres, password
 * {@code DMP_TEST_PG_PASSWORD} or none), in a fresh schema created by Flyway and dropped at the
 * end; every test works on a patient of its own. Skipped when PostgreSQL does not answer, unless
 * CI=true: then it always runs (and fails if the server is down).
 */
@ExtendWith(PostgresTestSchema.Available.class)
class CoreReadsPostgresTest extends CoreReadsTestBase {
    static final PostgresTestSchema SCHEMA = new PostgresTestSchema("dmp_routes_test_");

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
