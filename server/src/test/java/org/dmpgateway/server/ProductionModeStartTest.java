package org.dmpgateway.server;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The server started as a process in production mode ({@code --dmp.sandbox=false}) with one
 * documented or well-known secret: it refuses to start, exits with an error status, and says on
 * the console which property is wrong and what to do, in one line, without a stack trace. Each
 * start is otherwise a valid production configuration, so the refusal is due to that one property.
 */
class ProductionModeStartTest {
    static final String OWN_SECRET = "--dmp.fhir.token.secret=a-production-secret-of-this-test-only-0123456789";
    static final String TRUST_STORE = "--dmp.vihf.trust-store=classpath:vihf/vihf-trust.p12";

    @TempDir
    Path dataDir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "--dmp.admin.token=sandbox-admin-token | dmp.admin.token is the documented sandbox token",
            "--dmp.fhir.token.secret=sandbox-fhir-token-secret-change-me-0123456789 | dmp.fhir.token.secret is the documented sandbox secret",
            "--dmp.vihf.require-signature=false | dmp.vihf.require-signature=false accepts unsigned VIHF",
            "--dmp.management.public=true | dmp.management.public=true opens the actuator"})
    void refusesToStartWithAWellKnownSecret(String setting, String expected) throws Exception {
        List<String> args = new ArrayList<>(List.of(OWN_SECRET, TRUST_STORE));
        if (setting.startsWith("--dmp.fhir.token.secret=")) {
            args.remove(OWN_SECRET);
        }
        args.add(setting);
        Started run = start(args);
        assertRefused(run, expected);
        assertTrue(run.output.contains("--dmp.sandbox=true"), "says how to start a sandbox instead: " + run.output);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "fhir | dmp.fhir.token.secret is not set",
            "vihf | dmp.vihf.trust-store is not set"})
    void refusesToStartWithoutTheSecretsItNeeds(String missing, String expected) throws Exception {
        assertRefused(start(missing.equals("fhir") ? List.of(TRUST_STORE) : List.of(OWN_SECRET)), expected);
    }

    /**
     * The dmp.* tree is checked at start (docs/operations.md): a value out of its bounds stops the
     * start, and Spring Boot's report gives one line naming the property, without a stack trace.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "--dmp.limits.retrieve-documents=-1 | dmp.limits.retrieve-documents must be at least 1, not -1",
            "--dmp.limits.request-bytes=0MB | dmp.limits.request-bytes must be a positive size (e.g. 20MB), not 0B",
            "--dmp.notifications.smtp.port=70000 | dmp.notifications.smtp.port must be 1 to 65535, not 70000",
            "--dmp.fhir.token.algorithm=ES256 | dmp.fhir.token.algorithm must be one of [HS256, RS256], not 'ES256'"})
    void refusesToStartWithAValueOutOfItsBounds(String setting, String expected) throws Exception {
        assertRefused(start(List.of(OWN_SECRET, TRUST_STORE, setting)), expected);
    }

    /** The start failed, saying {@code expected}, without a stack trace, before any port opened. */
    static void assertRefused(Started run, String expected) {
        assertNotEquals(0, run.exitCode, run.output);
        assertTrue(run.output.contains(expected), run.output);
        assertFalse(run.output.contains("\tat "), "no stack trace: " + run.output);
        assertFalse(run.output.contains("Tomcat started"), "nothing was opened: " + run.output);
    }

    record Started(int exitCode, String output) {
    }

    /** The application's main class in a JVM of its own, with this test's class path, in production mode. */
    Started start(List<String> settings) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DmpGatewayApplication.class.getName(),
                "--dmp.sandbox=false", "--server.port=0", "--dmp.data-dir=" + dataDir,
                "--spring.datasource.url=jdbc:h2:mem:refused-start"));
        command.addAll(settings);
        Path log = dataDir.resolve("server.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("the server did not stop within 90 s: it should have refused to start\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Started(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
