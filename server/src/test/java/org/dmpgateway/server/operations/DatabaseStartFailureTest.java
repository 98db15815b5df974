package org.dmpgateway.server.operations;

import org.dmpgateway.repository.PostgresTestSchema;
import org.dmpgateway.server.DmpGatewayApplication;
import org.dmpgateway.server.startup.DatabaseStartFailureAnalyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

import java.net.ServerSocket;
import java.sql.SQLException;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A start that cannot reach its database says in one line what is wrong and what to do: the server
 * is started against a PostgreSQL database that does not exist and against a port where nothing
 * listens, and the failure analysis of what it threw is checked; a refused password by its SQLSTATE.
 */
class DatabaseStartFailureTest {

    @Test
    @ExtendWith(PostgresTestSchema.Available.class)
    void aMissingDatabaseIsNamedWithTheCommandThatCreatesIt() {
        String database = "dmp_missing_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String url = PostgresTestSchema.URL.replaceFirst("/[^/?]+(\\?.*)?$", "/" + database);
        FailureAnalysis analysis = startAgainst(url);

        String line = analysis.getDescription();
        assertOneLine(line);
        assertTrue(line.contains("The database '" + database + "' does not exist"), line);
        assertTrue(line.contains("createdb -h 127.0.0.1 -p 5432 -U postgres " + database), line);
        assertTrue(analysis.getAction().startsWith("Create it with `createdb"), analysis.getAction());
    }

    @Test
    void aServerThatDoesNotAnswerIsNamed() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/dmp?connectTimeout=5";
        FailureAnalysis analysis = startAgainst(url);

        String line = analysis.getDescription();
        assertOneLine(line);
        assertTrue(line.startsWith("No database server answers at 127.0.0.1:" + port), line);
        assertTrue(line.contains("start PostgreSQL there, or correct spring.datasource.url"), line);
    }

    @Test
    void aRefusedPasswordOrRoleIsNamed() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db.example:5433/dmp")
                .withProperty("spring.datasource.username", "gateway");
        DatabaseStartFailureAnalyzer analyzer = new DatabaseStartFailureAnalyzer(env);

        FailureAnalysis password = analyzer.analyze(new IllegalStateException("Flyway failed",
                new SQLException("FATAL: password authentication failed for user \"gateway\"", "28P01")));
        assertNotNull(password);
        assertOneLine(password.getDescription());
        assertTrue(password.getDescription().contains("db.example:5433 refused the password of user 'gateway'"),
                password.getDescription());

        FailureAnalysis role = analyzer.analyze(new SQLException("FATAL: no pg_hba.conf entry", "28000"));
        assertNotNull(role);
        assertTrue(role.getDescription().contains("pg_hba.conf"), role.getDescription());

        assertNull(analyzer.analyze(new IllegalStateException("something else")));
        assertNull(analyzer.analyze(new SQLException("syntax error", "42601")));
    }

    private static FailureAnalysis startAgainst(String url) {
        Throwable failure = assertThrows(Throwable.class, () -> new SpringApplicationBuilder(DmpGatewayApplication.class)
                .run("--server.port=0", "--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + PostgresTestSchema.USER,
                        "--spring.datasource.password=" + PostgresTestSchema.PASSWORD,
                        "--dmp.sandbox=true", "--dmp.notifications.enabled=false").close());
        MockEnvironment env = new MockEnvironment().withProperty("spring.datasource.url", url)
                .withProperty("spring.datasource.username", PostgresTestSchema.USER);
        FailureAnalysis analysis = new DatabaseStartFailureAnalyzer(env).analyze(failure);
        assertNotNull(analysis, "no analysis of " + failure);
        return analysis;
    }

    private static void assertOneLine(String line) {
        assertFalse(line.contains("\n") || line.contains("\r"), line);
        assertTrue(line.length() < 400, line);
    }
}
