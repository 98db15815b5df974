package org.dmpgateway.benchmark;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The gateway started by the harness as a child process: {@code java -jar dmp-gateway.jar} on a
 * free port of 127.0.0.1 with a given datasource, its output in a log file. Ready when
 * /actuator/health answers UP; stopped with SIGTERM (Spring's orderly shutdown, which closes an
 * H2 file cleanly).
 */
final class ServerProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(10);

    private final Process process;
    private final int port;
    private final Path log;

    private ServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static ServerProcess start(Path jar, List<String> jvmOptions, Path jfrFile, String jdbcUrl, String user,
                               String password, Path dataDir, Path log, List<String> extraArgs)
            throws IOException, InterruptedException {
        return healthyOrClosed(launch(jar, jvmOptions, jfrFile, jdbcUrl, user, password, dataDir, log, extraArgs));
    }

    /** Waits until the process answers healthy; stops it when it does not. */
    private static ServerProcess healthyOrClosed(ServerProcess server) throws IOException, InterruptedException {
        try {
            server.awaitHealthy();
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /**
     * Starts the process and returns at once (the server is not listening yet); {@code extraArgs}
     * are further {@code --key=value} arguments of the server. Call {@link #awaitHealthy()}.
     */
    static ServerProcess launch(Path jar, List<String> jvmOptions, Path jfrFile, String jdbcUrl, String user,
                                String password, Path dataDir, Path log, List<String> extraArgs) throws IOException {
        List<String> arguments = new ArrayList<>();
        // sandbox mode: the harness uses the documented admin token, FHIR secret and unsigned VIHF
        arguments.add("--dmp.sandbox=true");
        arguments.add("--spring.datasource.url=" + jdbcUrl);
        arguments.add("--spring.datasource.username=" + user);
        arguments.add("--spring.datasource.password=" + password);
        arguments.add("--dmp.data-dir=" + dataDir.toAbsolutePath());
        arguments.add("--management.endpoints.web.exposure.include=health,info,metrics");
        // the listeners a sandbox opens on fixed ports (SMTP 2525, MLLP 2575) measure nothing here, and two
        // servers of one run (the two-node test, the peer) would fight for them
        arguments.add("--dmp.messaging.enabled=false");
        arguments.add("--dmp.hl7v2.enabled=false");
        arguments.addAll(extraArgs);
        return launchJar(jar, jvmOptions, jfrFile, log, arguments);
    }

    /**
     * The benchmark's peer (benchmark-hapi-peer, HAPI FHIR JPA): the same launch, health wait and stop as
     * the gateway, on its own PostgreSQL database; no argument of the gateway.
     */
    static ServerProcess startPeer(Path jar, List<String> jvmOptions, String jdbcUrl, String user, String password,
                                   Path log) throws IOException, InterruptedException {
        return healthyOrClosed(launchJar(jar, jvmOptions, null, log, List.of(
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password)));
    }

    private static ServerProcess launchJar(Path jar, List<String> jvmOptions, Path jfrFile, Path log,
                                           List<String> arguments) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("server jar not found: " + jar.toAbsolutePath()
                    + " (build it first: mvn -q -DskipTests package, and -Pbenchmark-peer for the peer)");
        }
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        if (jfrFile != null) {
            command.add("-XX:StartFlightRecording=filename=" + jfrFile.toAbsolutePath() + ",settings=profile,dumponexit=true");
        }
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        command.add("--server.port=" + port);
        command.add("--server.address=127.0.0.1");
        command.addAll(arguments);
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        // an interrupted harness (Ctrl-C) must not leave the server running, holding the H2 file
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroy, "stop-server-" + p.pid()));
        return new ServerProcess(p, port, log);
    }

    /** Waits until /actuator/health answers UP; fails if the process ends first. */
    void awaitHealthy() throws IOException, InterruptedException {
        Http http = new Http(baseUrl());
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server stopped while starting (exit " + process.exitValue()
                        + "), see " + log.toAbsolutePath() + ":\n" + tail());
            }
            try {
                Http.Response r = http.get("/actuator/health");
                if (r.status() == 200 && r.text().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the server did not become healthy within " + START_TIMEOUT + ", see " + log);
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** kill -9 (SIGKILL): no shutdown hook, nothing flushed; waits for the process to end. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the server process " + process.pid() + " survived SIGKILL");
        }
    }

    /** SIGTERM: Spring's graceful shutdown; returns the exit status once the process ended. */
    int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the server did not stop within " + timeout + " after SIGTERM");
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
