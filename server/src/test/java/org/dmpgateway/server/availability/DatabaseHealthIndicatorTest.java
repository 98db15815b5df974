package org.dmpgateway.server.availability;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.actuate.jdbc.DataSourceHealthIndicator;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database health check writes: a database that still hands out valid connections and
 * answers reads, but can no longer store anything, is DOWN (Spring Boot's own check, which only
 * validates the connection, says UP there).
 */
class DatabaseHealthIndicatorTest {

    @TempDir
    Path dir;

    @Test
    void upWhenTheDatabaseStoresAChange() {
        JdbcDataSource ds = h2(dir.resolve("db") + ";WRITE_DELAY=0");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();

        Health health = new DatabaseHealthIndicator(ds).health();

        assertEquals(Status.UP, health.getStatus(), health.toString());
        assertEquals("H2", health.getDetails().get("database"));
    }

    /**
     * H2 applies a statement's query timeout to its whole session: the check's 5 s must not stay on
     * the pooled connection it used, where it cancelled a long ITI-66 search of the server (stop 33).
     */
    @Test
    void theCheckLeavesNoQueryTimeoutOnItsConnection() throws Exception {
        JdbcDataSource file = h2(dir.resolve("db") + ";WRITE_DELAY=0");
        Flyway.configure().dataSource(file).locations("classpath:db/migration").load().migrate();
        try (Connection c = file.getConnection()) {
            SingleConnectionDataSource pooled = new SingleConnectionDataSource(c, true);

            assertEquals(Status.UP, new DatabaseHealthIndicator(pooled).health().getStatus());

            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'QUERY_TIMEOUT'")) {
                assertTrue(rs.next());
                assertEquals("0", rs.getString(1), "the session's query timeout (ms) after the check");
            }
        }
    }

    @Test
    void downWhenTheDatabaseAnswersButCannotStore() throws Exception {
        JdbcDataSource writable = h2(dir.resolve("db").toString());
        Flyway.configure().dataSource(writable).locations("classpath:db/migration").load().migrate();
        try (Connection c = writable.getConnection(); Statement st = c.createStatement()) {
            st.execute("SHUTDOWN");
        }
        // the same file opened read-only: connections are valid and reads work, writes fail
        JdbcDataSource readOnly = h2(dir.resolve("db") + ";ACCESS_MODE_DATA=r");
        try (Connection c = readOnly.getConnection(); Statement st = c.createStatement()) {
            assertTrue(st.executeQuery("SELECT COUNT(*) FROM health_check").next());
        }

        Health connectionOnly = new DataSourceHealthIndicator(readOnly).health();
        Health health = new DatabaseHealthIndicator(readOnly).health();

        assertEquals(Status.UP, connectionOnly.getStatus(), "Spring Boot's check only validates the connection");
        assertEquals(Status.DOWN, health.getStatus(), health.toString());
        assertTrue(String.valueOf(health.getDetails().get("error")).contains("read only"), health.toString());
    }

    private static JdbcDataSource h2(String file) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + file);
        ds.setUser("sa");
        ds.setPassword("");
        return ds;
    }
}
