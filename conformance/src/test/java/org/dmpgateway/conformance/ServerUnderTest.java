package org.dmpgateway.conformance;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The packaged server jar, started as the README starts it (java -jar), on a free port and a fresh
 * in-memory H2 database, with IPF's validation of the XDS answers on; stopped at close.
 */
final class ServerUnderTest implements AutoCloseable {
    private final Process process;
    final String baseUrl;
    final int smtpPort;
    final int mllpPort;
    final Path log;

    private ServerUnderTest(Process process, String baseUrl, int smtpPort, int mllpPort, Path log) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.smtpPort = smtpPort;
        this.mllpPort = mllpPort;
        this.log = log;
    }

    /** The runner's options that point it at this server: its base URL, SMTP and MLLP ports. */
    List<String> runnerOptions() {
        return List.of("--base-url", baseUrl, "--smtp-port", String.valueOf(smtpPort), "--mllp-port", String.valueOf(mllpPort));
    }

    static ServerUnderTest start(Path jar, String name) throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the server jar " + jar.toAbsolutePath()
                    + " must be built first (mvn verify from the root builds it before this module)");
        }
        int port = freePort();
        // the sandbox's SMTP server (secure messaging) and MLLP listener (HL7v2) on free ports too
        int smtpPort = freePort();
        int mllpPort = freePort();
        Path log = Path.of("target", name + "-server.log");
        Files.createDirectories(log.getParent());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-jar", jar.toString(), "--dmp.sandbox=true", "--server.port=" + port,
                // IPF validates every XDS answer the kit receives (off by default in production)
                "--dmp.xds.validate-responses=true",
                "--dmp.messaging.smtp.port=" + smtpPort, "--dmp.hl7v2.port=" + mllpPort,
                "--spring.datasource.url=jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ServerUnderTest server = new ServerUnderTest(p, "http://localhost:" + port, smtpPort, mllpPort, log);
        server.awaitHealthy(Duration.ofMinutes(3));
        return server;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private void awaitHealthy(Duration within) throws InterruptedException, IOException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server stopped at start; its log: " + log.toAbsolutePath());
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        close();
        throw new IllegalStateException("the server did not answer healthy within " + within.toSeconds() + " s; its log: " + log.toAbsolutePath());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
