package org.dmpgateway.server;

import org.dmpgateway.server.support.PostgresTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The Mon espace santé account suite on PostgreSQL (a fresh schema of the test database). */
@ExtendWith(PostgresTestDatabase.class)
class PatientAccountEndToEndPostgresTest extends PatientAccountEndToEndTestBase {
    private static String schema;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        schema = PostgresTestDatabase.register(registry);
    }

    @AfterAll
    static void dropSchema() {
        if (schema != null) {
            PostgresTestDatabase.drop(schema);
        }
    }
}
