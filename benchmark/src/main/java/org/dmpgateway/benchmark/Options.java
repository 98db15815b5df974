package org.dmpgateway.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The command line of the harness (see {@link #USAGE}). */
record Options(String baseUrl, List<String> startServer, Path serverJar, List<String> serverJvmOptions, boolean jfr,
               List<String> scenarios, List<Integer> concurrency, Duration duration, long requests, Duration warmup,
               Runner.JitQuiet warmupUntil, Duration serverWarmup,
               List<Long> registrySizes, List<Integer> targets, List<Integer> pages, int targetPatients, int documentsPerPatient, String jdbcUrl, String jdbcUser,
               String jdbcPassword, String pgUrl, String pgUser, String pgPassword, boolean freshDb, boolean loadOnly, Path workDir,
               Path out, String adminToken, String repositoryUniqueId, long serverPid, boolean validateResponses, String h2UrlOptions,
               String peer, Path peerJar, String peerUrl) {

    static final List<String> ALL_SCENARIOS = List.of("db-insert", "db-find", "http", "iti18", "iti43", "iti41-1", "iti41-5",
            "iti65", "iti66", "iti67", "iti68", "fhir-read");

    /** The FHIR scenarios measured on the peer too (--peer): ITI-67, read by id, ITI-68, ITI-65. */
    static final List<String> PEER_SCENARIOS = List.of("iti67", "fhir-read", "iti68", "iti65");

    static final String USAGE = """
            java -jar benchmark/target/dmp-benchmark.jar [options]

            Server (one of):
              --start-server h2|postgres|h2,postgres  start server/target/dmp-gateway.jar as a child process on a
                                                     free port, on a database of its own (default: h2,postgres)
              --base-url http://127.0.0.1:8080      measure a server that is already running (with --jdbc-url
                                                     to load its database; --server-pid to read its RSS)
            What:
              --scenarios LIST        among %s (default: all)
              --concurrency 1,4,16    client threads per measurement
              --duration 10s          per measurement (s or ms suffix), or
              --requests N            per measurement (overrides --duration)
              --warmup 5s             per scenario before its measurements (0 for none at all), then
                                     more windows of 3 s while the server's compilers are busy:
              --warmup-jit-below 0.05 until the server's JIT compilers used less than this many cores
                                     over the last window (needs the server's pid: a server the harness
                                     starts, or --server-pid)
              --warmup-max 60s        at most this much per scenario in all (0: --warmup only)
              --server-warmup 180s    once per server started or measured, before any measurement: its
                                     scenarios in turn, 3 s each, at up to 4 threads, until this much time has
                                     passed (0 for none); on 2 cores the server's JIT compilers run for
                                     minutes after the start (docs/performance.md, stops 32 and 33)
            Registry:
              --registry-size 100000,1000000  documents the bulk loader fills the registry to, one pass each
                                     (0: no loading; the query targets are then submitted through ITI-41)
              --targets 10,100,1000  document counts of the FindDocuments target patients
              --pages 20,100         the ITI-67 page sizes (_count, at most 100) measured for each target
              --target-patients 8    patients per count; requests go to them in turn (so that no cache
                                     of the database serves a repeated identical query)
              --docs-per-patient 20  mean documents per bulk patient
              --fresh-db             start from an empty database (H2 file removed, PostgreSQL database recreated)
              --load-only            only bulk-load each database to the largest --registry-size, then stop
              --jdbc-url URL --jdbc-user U --jdbc-password P   the server's database (with --base-url)
              --pg-url jdbc:postgresql://127.0.0.1:5432/bench --pg-user postgres --pg-password ''
                                     the PostgreSQL database of --start-server postgres (created if absent)
              --h2-url-options ";INIT=SET WRITE_DELAY 500"   appended to the H2 URL of --start-server h2, e.g.
                                     to measure H2's delayed write the server otherwise refuses (not durable)
            Server process:
              --server-jar PATH      default server/target/dmp-gateway.jar
              --server-jvm "-Xms512m -Xmx2g"  JVM options of the server
              --jfr                  record the server with Java Flight Recorder (profile settings), one file per pass
              --validate-responses   start the server with dmp.xds.validate-responses=true: IPF validates every XDS
                                     answer (off by default, as in production; the smoke test turns it on)
            Peer (docs/performance.md, "A peer, side by side"):
              --peer hapi-jpa        after the gateway's PostgreSQL pass of each registry size, start the HAPI FHIR
                                     JPA server (benchmark-hapi-peer), load it with the FindDocuments targets' documents
                                     as DocumentReference + Binary, and measure the FHIR scenarios (%s) on it
              --peer-jar PATH        default benchmark-hapi-peer/target/dmp-benchmark-hapi-peer.jar (mvn -Pbenchmark-peer)
              --peer-url jdbc:postgresql://127.0.0.1:5432/bench_hapi   the peer's own database (created if absent,
                                     recreated with --fresh-db)
            Output:
              --work-dir PATH        databases, server logs, JFR files (default target/benchmark)
              --out PATH             results file prefix: PATH.csv and PATH.md (default <work-dir>/results)
              --admin-token T        default sandbox-admin-token
              --repository-unique-id OID  the server's dmp.xds.repository-unique-id (default: the shipped one)

            java -jar benchmark/target/dmp-benchmark.jar --jfr-summary server.jfr [--jfr-threads http-nio-]
                                     [--jfr-stack org.dmpgateway.fhir.]
                                     where a JFR recording's request threads spend their CPU (only the
                                     samples with a frame of that package, with --jfr-stack)
            """.formatted(String.join(", ", ALL_SCENARIOS), String.join(", ", PEER_SCENARIOS));

    static Options parse(String... args) {
        String baseUrl = null;
        List<String> start = null;
        Path jar = Path.of("server/target/dmp-gateway.jar");
        List<String> jvm = List.of("-Xms512m", "-Xmx2g");
        boolean jfr = false;
        List<String> scenarios = ALL_SCENARIOS;
        List<Integer> concurrency = List.of(1, 4, 16);
        Duration duration = Duration.ofSeconds(10);
        long requests = 0;
        Duration warmup = Duration.ofSeconds(5);
        Duration serverWarmup = Duration.ofSeconds(180);
        double warmupJitBelow = 0.05;
        Duration warmupMax = Duration.ofSeconds(60);
        List<Long> sizes = List.of(100_000L, 1_000_000L);
        List<Integer> targets = List.of(10, 100, 1000);
        List<Integer> pages = List.of(20, 100);
        int perPatient = 20;
        int targetPatients = 8;
        String jdbcUrl = null;
        String jdbcUser = "sa";
        String jdbcPassword = "";
        String pgUrl = "jdbc:postgresql://127.0.0.1:5432/bench";
        String pgUser = "postgres";
        String pgPassword = "";
        boolean fresh = false;
        boolean loadOnly = false;
        Path work = Path.of("target/benchmark");
        Path out = null;
        String token = "sandbox-admin-token";
        String repo = Catalog.REPOSITORY_UNIQUE_ID_DEFAULT;
        long pid = -1;
        boolean validateResponses = false;
        String h2Options = "";
        String peer = null;
        Path peerJar = Path.of("benchmark-hapi-peer/target/dmp-benchmark-hapi-peer.jar");
        String peerUrl = "jdbc:postgresql://127.0.0.1:5432/bench_hapi";
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                value = a.substring(eq + 1);
                a = a.substring(0, eq);
            }
            switch (a) {
                case "--jfr" -> jfr = true;
                case "--fresh-db" -> fresh = true;
                case "--load-only" -> loadOnly = true;
                case "--validate-responses" -> validateResponses = true;
                case "--help", "-h" -> throw new IllegalArgumentException("");
                default -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException("option " + a + " needs a value");
                        }
                        value = args[++i];
                    }
                    switch (a) {
                        case "--base-url" -> baseUrl = value;
                        case "--start-server" -> start = list(value);
                        case "--server-jar" -> jar = Path.of(value);
                        case "--server-jvm" -> jvm = value.isBlank() ? List.of() : Arrays.asList(value.trim().split("\\s+"));
                        case "--scenarios" -> scenarios = list(value);
                        case "--concurrency" -> concurrency = list(value).stream().map(Integer::parseInt).toList();
                        case "--duration" -> duration = duration(value);
                        case "--requests" -> requests = Long.parseLong(value);
                        case "--warmup" -> warmup = duration(value);
                        case "--server-warmup" -> serverWarmup = duration(value);
                        case "--warmup-jit-below" -> warmupJitBelow = Double.parseDouble(value);
                        case "--warmup-max" -> warmupMax = duration(value);
                        case "--registry-size" -> sizes = list(value).stream().map(s -> Long.parseLong(s.replace("_", ""))).toList();
                        case "--targets" -> targets = list(value).stream().map(Integer::parseInt).toList();
                        case "--pages" -> pages = list(value).stream().map(Integer::parseInt).toList();
                        case "--docs-per-patient" -> perPatient = Integer.parseInt(value);
                        case "--target-patients" -> targetPatients = Integer.parseInt(value);
                        case "--jdbc-url" -> jdbcUrl = value;
                        case "--jdbc-user" -> jdbcUser = value;
                        case "--jdbc-password" -> jdbcPassword = value;
                        case "--pg-url" -> pgUrl = value;
                        case "--pg-user" -> pgUser = value;
                        case "--pg-password" -> pgPassword = value;
                        case "--work-dir" -> work = Path.of(value);
                        case "--out" -> out = Path.of(value);
                        case "--admin-token" -> token = value;
                        case "--repository-unique-id" -> repo = value;
                        case "--server-pid" -> pid = Long.parseLong(value);
                        case "--h2-url-options" -> h2Options = value;
                        case "--peer" -> peer = value;
                        case "--peer-jar" -> peerJar = Path.of(value);
                        case "--peer-url" -> peerUrl = value;
                        default -> throw new IllegalArgumentException("unknown option " + a);
                    }
                }
            }
        }
        if (baseUrl != null && start != null) {
            throw new IllegalArgumentException("give --base-url or --start-server, not both");
        }
        if (baseUrl == null && start == null) {
            start = List.of("h2", "postgres");
        }
        if (start != null) {
            for (String db : start) {
                if (!db.equals("h2") && !db.equals("postgres")) {
                    throw new IllegalArgumentException("--start-server takes h2 and/or postgres, not " + db);
                }
            }
        }
        if (peer != null) {
            if (!peer.equals("hapi-jpa")) {
                throw new IllegalArgumentException("--peer takes hapi-jpa, not " + peer);
            }
            if (start == null || !start.contains("postgres")) {
                throw new IllegalArgumentException("--peer runs beside the gateway on PostgreSQL: give --start-server postgres");
            }
        }
        for (String s : scenarios) {
            if (!ALL_SCENARIOS.contains(s)) {
                throw new IllegalArgumentException("unknown scenario " + s + " (known: " + ALL_SCENARIOS + ")");
            }
        }
        if (concurrency.isEmpty() || concurrency.stream().anyMatch(c -> c < 1 || c > 256)) {
            throw new IllegalArgumentException("--concurrency takes numbers from 1 to 256");
        }
        if (pages.isEmpty() || pages.stream().anyMatch(n -> n < 1 || n > 100)) {
            throw new IllegalArgumentException("--pages takes page sizes from 1 to 100 (the server's largest page)");
        }
        if (targetPatients < 1 || targetPatients > 999) {
            throw new IllegalArgumentException("--target-patients takes a number from 1 to 999");
        }
        if (requests <= 0 && duration.isZero()) {
            throw new IllegalArgumentException("give a --duration or a number of --requests");
        }
        if (!(warmupJitBelow > 0) || warmupJitBelow > 2) {
            throw new IllegalArgumentException("--warmup-jit-below takes a number of cores above 0, at most 2");
        }
        return new Options(baseUrl, start, jar, jvm, jfr, scenarios, concurrency, duration, requests, warmup,
                new Runner.JitQuiet(warmupJitBelow, warmupMax), serverWarmup,
                sizes, targets, pages, targetPatients, perPatient, jdbcUrl, jdbcUser, jdbcPassword, pgUrl, pgUser, pgPassword, fresh, loadOnly, work,
                out == null ? work.resolve("results") : out, token, repo, pid, validateResponses, h2Options,
                peer, peerJar, peerUrl);
    }

    /** Further {@code --key=value} arguments of a server the harness starts. */
    List<String> serverArguments() {
        return validateResponses ? List.of("--dmp.xds.validate-responses=true") : List.of();
    }

    /** The INS of the FindDocuments target patients with exactly {@code documents} documents, queried in turn. */
    List<String> targetPatientIns(int documents) {
        List<String> patients = new ArrayList<>();
        for (int k = 0; k < targetPatients; k++) {
            patients.add(Ins.target(documents, k));
        }
        return patients;
    }

    boolean wants(String scenario) {
        return scenarios.contains(scenario);
    }

    Runner.Budget budget() {
        return requests > 0 ? Runner.Budget.ofRequests(requests) : Runner.Budget.of(duration);
    }

    int maxConcurrency() {
        return concurrency.stream().mapToInt(Integer::intValue).max().orElse(1);
    }

    private static List<String> list(String value) {
        List<String> out = new ArrayList<>();
        for (String s : value.split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return List.copyOf(out);
    }

    static Duration duration(String value) {
        String v = value.trim();
        if (v.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        }
        if (v.endsWith("s")) {
            return Duration.ofMillis((long) (Double.parseDouble(v.substring(0, v.length() - 1)) * 1000));
        }
        return Duration.ofSeconds(Long.parseLong(v));
    }
}
