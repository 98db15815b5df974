package org.dmpgateway.server.startup;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.sql.SQLException;

/**
 * Says in one line why the server could not reach its database and what to do: the PostgreSQL
 * database missing (SQLSTATE 3D000), the server unreachable (08001, connection refused, unknown
 * host), the user refused (28P01 wrong password, 28000 no pg_hba.conf entry or no such role).
 * Without it, the cause was on line 61 of a 93-line stack trace.
 */
public class DatabaseStartFailureAnalyzer implements FailureAnalyzer {
    private final Environment environment;

    public DatabaseStartFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        String url = environment.getProperty("spring.datasource.url", "");
        String user = environment.getProperty("spring.datasource.username", "");
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String line = null;
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                line = explain(sql.getSQLState(), url, user);
            } else if (t instanceof ConnectException || t instanceof UnknownHostException) {
                line = unreachable(url);
            }
            if (line != null) {
                return new FailureAnalysis(line, action(line), failure);
            }
        }
        return null;
    }

    /** The one line for a PostgreSQL SQLSTATE, null for the states it does not explain. */
    static String explain(String sqlState, String url, String user) {
        Target target = Target.of(url);
        return switch (sqlState) {
            case "3D000" -> "The database '" + target.database() + "' does not exist on " + target.server()
                    + ": create it with `createdb -h " + target.host() + " -p " + target.port() + " -U " + userOr(user)
                    + " " + target.database() + "` (or `CREATE DATABASE " + target.database()
                    + ";` in psql), then start again; the server creates its tables itself (Flyway).";
            case "08001", "08004", "08006" -> unreachable(url);
            case "28P01" -> "PostgreSQL at " + target.server() + " refused the password of user '" + userOr(user)
                    + "': check spring.datasource.username and spring.datasource.password.";
            case "28000" -> "PostgreSQL at " + target.server() + " refused user '" + userOr(user)
                    + "' for database '" + target.database() + "' (no such role, or no pg_hba.conf entry for this host):"
                    + " check spring.datasource.username, the role, and pg_hba.conf.";
            default -> null;
        };
    }

    static String unreachable(String url) {
        Target target = Target.of(url);
        return "No database server answers at " + target.server() + " (spring.datasource.url=" + url
                + "): start PostgreSQL there, or correct spring.datasource.url; without it the server uses the embedded H2.";
    }

    private static String action(String line) {
        int colon = line.indexOf(": ");
        return colon < 0 ? line : Character.toUpperCase(line.charAt(colon + 2)) + line.substring(colon + 3);
    }

    private static String userOr(String user) {
        return user == null || user.isBlank() ? "postgres" : user;
    }

    /** host, port and database of a jdbc:postgresql:// URL; placeholders when it is not one. */
    record Target(String host, int port, String database) {
        static Target of(String url) {
            if (url != null && url.startsWith("jdbc:postgresql:")) {
                try {
                    URI uri = URI.create(url.substring("jdbc:".length()));
                    String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
                    return new Target(uri.getHost() == null ? "localhost" : uri.getHost(),
                            uri.getPort() < 0 ? 5432 : uri.getPort(), path.isEmpty() ? "postgres" : path);
                } catch (IllegalArgumentException e) {
                    // fall through
                }
            }
            return new Target("localhost", 5432, "dmp");
        }

        String server() {
            return host + ":" + port;
        }
    }
}
