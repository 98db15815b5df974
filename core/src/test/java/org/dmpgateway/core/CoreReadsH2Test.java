package org.dmpgateway.core;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

import javax.sql.DataSource;
import java.util.UUID;

/** The core's reads for the FHIR side on H2 in memory, a new database per test. */
class CoreReadsH2Test extends CoreReadsTestBase {
    @Override
    DataSource migratedDataSource() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:core-reads-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).load().migrate();
        return ds;
    }
}
