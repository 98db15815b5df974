package org.dmpgateway.repository;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import java.util.UUID;

/** The repository contract on H2 (in memory, a new database per test). */
class H2RepositoryTest extends RepositoryTestBase {
    @Override
    RegistryRepository newRepository() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:repo-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).load().migrate();
        return new JdbcRegistryRepository(ds, new DataSourceTransactionManager(ds));
    }
}
