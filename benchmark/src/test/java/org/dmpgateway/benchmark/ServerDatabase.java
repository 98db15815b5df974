package org.dmpgateway.benchmark;

import org.dmpgateway.repository.PostgresTestSchema;

import java.nio.file.Path;
import java.util.List;

/**
 * The database a test starts the packaged server on: an embedded H2 file in the test's work
 * directory (the server's default database), or a fresh schema of the test PostgreSQL database
 * (created by the server's Flyway, dropped by {@link #drop}). The suites that start the jar
 * (durability, large-document streaming) take one; their PostgreSQL leaves carry
 * {@link PostgresTestSchema.Available}.
 */
interface ServerDatabase {
    /** Label in the reports: H2 or PostgreSQL. */
    String label();

    String jdbcUrl(Path work);

    String user();

    String password();

    /** Further server arguments for this database (PostgreSQL: the schema Flyway creates). */
    List<String> serverArguments();

    /** Removes what the test left in a shared database (nothing for H2: its file is in the work directory). */
    void drop();

    /** The plain file URL an operator would write: the server adds the durable settings itself. */
    static ServerDatabase h2() {
        return new ServerDatabase() {
            @Override
            public String label() {
                return "H2";
            }

            @Override
            public String jdbcUrl(Path work) {
                return "jdbc:h2:file:" + work.resolve("h2").toAbsolutePath().resolve("dmp-gateway");
            }

            @Override
            public String user() {
                return "sa";
            }

            @Override
            public String password() {
                return "";
            }

            @Override
            public List<String> serverArguments() {
                return List.of();
            }

            @Override
            public void drop() {
            }
        };
    }

    /** A new schema {@code <prefix><12 hex digits>} of the test PostgreSQL database. */
    static ServerDatabase postgres(String schemaPrefix) {
        PostgresTestSchema schema = new PostgresTestSchema(schemaPrefix);
        return new ServerDatabase() {
            @Override
            public String label() {
                return "PostgreSQL";
            }

            @Override
            public String jdbcUrl(Path work) {
                return schema.jdbcUrl();
            }

            @Override
            public String user() {
                return PostgresTestSchema.USER;
            }

            @Override
            public String password() {
                return PostgresTestSchema.PASSWORD;
            }

            @Override
            public List<String> serverArguments() {
                return List.of("--spring.flyway.schemas=" + schema.name(), "--spring.flyway.create-schemas=true");
            }

            @Override
            public void drop() {
                schema.drop();
            }
        };
    }
}
