package org.dmpgateway.repository;

import org.dmpgateway.model.AssociationKind;
import org.dmpgateway.model.query.AssociationCriteria;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.dmpgateway.repository.Fixtures.uuid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /**
     * H2 looks the ends of a many-ended association search up in the index on (source_uuid,
     * association_type) when the kind is one: its EXPLAIN ANALYZE counts the rows scanned, one per row
     * found and one more, not the whole index (stop 33: {@code source_uuid = ANY(?) AND association_type = ?}
     * scanned all of it, 1.2 s at 1,000,000 associations).
     */
    @Test
    void manySourcesAndOneKindAreLookedUpInTheIndex() {
        for (int i = 0; i < 2_000; i++) {
            insertAssociation(AssociationKind.HAS_MEMBER, uuid(), uuid());
        }
        List<String> sources = IntStream.range(0, SqlArrays.MAX_SCALARS + 4).mapToObj(i -> uuid()).toList();
        sources.forEach(source -> insertAssociation(AssociationKind.HAS_MEMBER, source, uuid()));
        SqlSelect select = JdbcRegistryRepository.associationSelect(AssociationCriteria.builder().sourceUuids(sources)
                .kinds(List.of(AssociationKind.HAS_MEMBER)).build());

        String plan = new NamedParameterJdbcTemplate(dataSource).queryForObject("EXPLAIN ANALYZE " + select.sql(),
                select.params(), String.class);
        Matcher scanned = Pattern.compile("scanCount: (\\d+)").matcher(plan);
        assertTrue(scanned.find(), plan);
        assertTrue(Long.parseLong(scanned.group(1)) <= sources.size() + 1, "rows scanned: " + plan);
    }

    private static DataSource migrated(String url) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        Flyway.configure().dataSource(ds).load().migrate();
        return ds;
    }
}
