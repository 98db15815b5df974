package org.dmpgateway.benchmark;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.dmpgateway.repository.H2DurableUrl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/** A database the harness gives the server, loads, and measures: an H2 file, or a PostgreSQL database. */
final class Database {
    private final String label;
    private final String url;
    private final String user;
    private final String password;
    private final Path h2Directory;

    private Database(String label, String url, String user, String password, Path h2Directory) {
        this.label = label;
        this.url = url;
        this.user = user;
        this.password = password;
        this.h2Directory = h2Directory;
    }

    /** An embedded H2 file under the work directory (the server's default kind of database), with further URL settings. */
    static Database h2(Path workDir, String urlOptions) {
        Path dir = workDir.resolve("h2").toAbsolutePath();
        return new Database("H2", "jdbc:h2:file:" + dir.resolve("dmp-gateway") + urlOptions, "sa", "", dir);
    }

    static Database postgres(String url, String user, String password) {
        return new Database("PostgreSQL", url, user, password, null);
    }

    /** A database given by URL (--base-url mode). */
    static Database of(String url, String user, String password) {
        return url.startsWith("jdbc:postgresql:") ? postgres(url, user, password) : new Database("H2", url, user, password, null);
    }

    String label() {
        return label;
    }

    String url() {
        return url;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    /**
     * A pool for the harness; for loading, PostgreSQL batches are rewritten as multi-row INSERTs.
     * For measuring, an H2 file is opened with the settings the server adds to it
     * ({@link H2DurableUrl}, the repository's, which the server applies too): every commit written to the file before it returns, and the server's
     * statement cache, so that {@code db-insert} is the rate of the same rows at the same durability
     * as the server's (H2's default write delay of 500 ms acknowledged commits not yet written).
     */
    HikariDataSource open(int poolSize, boolean loading) {
        HikariConfig c = new HikariConfig();
        String u = url;
        if (loading && isPostgres()) {
            u = url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
        } else if (loading) {
            // overwrite freed pages at once: without it the file grows to ~30 KB per loaded document
            u = url + ";RETENTION_TIME=0";
        } else if (h2Directory != null) {
            u = H2DurableUrl.of(url);
        }
        c.setJdbcUrl(u);
        c.setUsername(user);
        c.setPassword(password);
        c.setMaximumPoolSize(poolSize);
        c.setMinimumIdle(1);
        c.setPoolName("benchmark-" + label);
        return new HikariDataSource(c);
    }

    /** Documents per transaction when bulk loading (see {@link BulkLoader}). */
    int loadingCommitEvery() {
        return isPostgres() ? 20_000 : 1_000;
    }

    /**
     * After a bulk load of an H2 file, with no other user: SHUTDOWN COMPACT rewrites the file
     * without its free pages (a 1,000,000-document load leaves several GB of them). Returns the
     * seconds taken (0 for PostgreSQL).
     */
    double compact() throws SQLException {
        if (isPostgres()) {
            return 0;
        }
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            st.execute("SHUTDOWN COMPACT");
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Removes everything: the H2 files, or the PostgreSQL database (dropped and created again). */
    void wipe() throws IOException, SQLException {
        if (h2Directory != null) {
            if (Files.exists(h2Directory)) {
                try (Stream<Path> files = Files.walk(h2Directory)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            return;
        }
        if (isPostgres()) {
            String name = databaseName();
            try (Connection c = DriverManager.getConnection(maintenanceUrl(), user, password); Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                st.execute("CREATE DATABASE " + name);
            }
        }
    }

    /** Creates the PostgreSQL database when it does not exist. */
    void ensureExists() throws SQLException {
        if (!isPostgres()) {
            return;
        }
        try (Connection ignored = DriverManager.getConnection(url, user, password)) {
            return;
        } catch (SQLException e) {
            if (!"3D000".equals(e.getSQLState())) {
                throw e;
            }
        }
        try (Connection c = DriverManager.getConnection(maintenanceUrl(), user, password); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + databaseName());
        }
    }

    /** Product and version, and for PostgreSQL its memory settings. */
    String describe() throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            String d = c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
            if (isPostgres()) {
                d += ", shared_buffers " + show(c, "shared_buffers") + ", work_mem " + show(c, "work_mem")
                        + ", synchronous_commit " + show(c, "synchronous_commit");
            } else {
                d += " (embedded, file)";
            }
            return d;
        }
    }

    private static String show(Connection c, String setting) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private String databaseName() {
        String rest = url.substring(url.lastIndexOf('/') + 1);
        int q = rest.indexOf('?');
        String name = q >= 0 ? rest.substring(0, q) : rest;
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("unexpected PostgreSQL database name: " + name);
        }
        return name;
    }

    private String maintenanceUrl() {
        String base = url.substring(0, url.lastIndexOf('/') + 1);
        return base + "postgres";
    }
}
