package org.dmpgateway.repository;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The repository contract on H2 in memory (default mode), a new database per test. */
class H2RepositoryTest extends RepositoryTestBase {
    @Override
    DataSource migratedDataSource() {
        return migrated("jdbc:h2:mem:repo-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    /** The embedded default of the server is H2 in file mode: the same migration serves it. */
    @Test
    void theMigrationRunsOnAFileDatabase(@TempDir Path dir) {
        DataSource file = migrated("jdbc:h2:file:" + dir.resolve("registry").toAbsolutePath());
        assertEquals(1, new JdbcTemplate(file).queryForObject(
                "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" = '1' AND \"success\" = TRUE",
                Integer.class));
    }

    private static DataSource migrated(String url) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        Flyway.configure().dataSource(ds).load().migrate();
        return ds;
    }
}
