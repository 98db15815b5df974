package org.dmpgateway.benchmark;

import org.dmpgateway.repository.PostgresTestSchema;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link DurabilityTestBase} on PostgreSQL: a fresh schema of the test database (created by the
 * server's Flyway, dropped afterwards). Runs when PostgreSQL answers, and always when CI=true.
 */
@ExtendWith(PostgresTestSchema.Available.class)
class PostgresDurabilityTest extends DurabilityTestBase {
    PostgresDurabilityTest() {
        super(ServerDatabase.postgres("dmp_durability_"));
    }
}
