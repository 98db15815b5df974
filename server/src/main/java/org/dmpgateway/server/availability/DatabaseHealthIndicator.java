package org.dmpgateway.server.availability;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The "db" part of /actuator/health (it replaces Spring Boot's, which only asks the driver whether
 * the connection is valid: after an out-of-memory in H2 every statement failed while it said UP).
 * Updates the row of the health_check table and commits, within {@value #TIMEOUT_SECONDS} s: UP
 * only when the database really stores a change; DOWN with the error otherwise.
 */
@Component("dbHealthIndicator")
public class DatabaseHealthIndicator implements HealthIndicator {
    static final int TIMEOUT_SECONDS = 5;

    private final DataSource dataSource;

    public DatabaseHealthIndicator(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Health health() {
        long start = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName();
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement update = c.prepareStatement("UPDATE health_check SET checked_at_ms = ? WHERE id = 1")) {
                int rows;
                update.setQueryTimeout(TIMEOUT_SECONDS);
                try {
                    update.setLong(1, System.currentTimeMillis());
                    rows = update.executeUpdate();
                    c.commit();
                } finally {
                    clearTimeoutQuietly(update);
                }
                if (rows != 1) {
                    return Health.down().withDetail("database", product)
                            .withDetail("error", "the health_check row is missing").build();
                }
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
            return Health.up().withDetail("database", product)
                    .withDetail("check", "write committed in " + (System.nanoTime() - start) / 1_000_000 + " ms").build();
        } catch (SQLException | RuntimeException e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
        }
    }

    /**
     * H2 keeps a statement's timeout for the whole session (its setQueryTimeout sets the connection's
     * QUERY_TIMEOUT): without this, every later statement on this pooled connection would be cancelled
     * after {@value #TIMEOUT_SECONDS} s. Quietly, so that the check's own error is the one reported.
     */
    private static void clearTimeoutQuietly(PreparedStatement statement) {
        try {
            statement.setQueryTimeout(0);
        } catch (SQLException ignored) {
            // the connection is broken: the pool discards it
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is broken: the pool discards it
        }
    }
}
