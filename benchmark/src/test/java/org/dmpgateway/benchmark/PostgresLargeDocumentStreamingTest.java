package org.dmpgateway.benchmark;

import org.dmpgateway.repository.PostgresTestSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.util.List;

/**
 * {@link LargeDocumentStreamingTestBase} on PostgreSQL: a fresh schema of the test database
 * (created by the server's Flyway, dropped afterwards). Runs when PostgreSQL answers, and always
 * when CI=true.
 */
@ExtendWith(PostgresTestSchema.Available.class)
class PostgresLargeDocumentStreamingTest extends LargeDocumentStreamingTestBase {
    private final PostgresTestSchema schema = new PostgresTestSchema("dmp_streaming_");

    @Override
    String label() {
        return "PostgreSQL";
    }

    @Override
    String jdbcUrl(Path work) {
        return schema.jdbcUrl();
    }

    @Override
    String user() {
        return PostgresTestSchema.USER;
    }

    @Override
    String password() {
        return PostgresTestSchema.PASSWORD;
    }

    @Override
    List<String> databaseArguments() {
        return List.of("--spring.flyway.schemas=" + schema.name(), "--spring.flyway.create-schemas=true");
    }

    @AfterEach
    void dropSchema() {
        schema.drop();
    }
}
