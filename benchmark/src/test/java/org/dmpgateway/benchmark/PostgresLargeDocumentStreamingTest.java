package org.dmpgateway.benchmark;

import org.dmpgateway.repository.PostgresTestSchema;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link LargeDocumentStreamingTestBase} on PostgreSQL: a fresh schema of the test database. Runs
 * when PostgreSQL answers, and always when CI=true.
 */
@ExtendWith(PostgresTestSchema.Available.class)
class PostgresLargeDocumentStreamingTest extends LargeDocumentStreamingTestBase {
    PostgresLargeDocumentStreamingTest() {
        super(ServerDatabase.postgres("dmp_streaming_"));
    }
}
