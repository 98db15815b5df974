package org.dmpgateway.benchmark;

import com.zaxxer.hikari.HikariDataSource;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One run of the harness. For each database (--start-server) and each registry size, in order:
 * <ol>
 *   <li>bulk-load the database up to the size (server stopped);</li>
 *   <li>measure the database reference points (server stopped: an H2 file has one user);</li>
 *   <li>start the server on that database, set up the harness's patients through the admin API,
 *       measure the HTTP scenarios at each concurrency while sampling the server's memory, stop it.</li>
 * </ol>
 * With --base-url the server is already running: only the HTTP scenarios, plus loading and the
 * database references when --jdbc-url is given.
 */
final class Benchmark {
    /** How long each scenario runs in turn during a server's warm-up. */
    static final Duration SERVER_WARMUP_SLICE = Duration.ofSeconds(3);
    /** The windows of a scenario's warm-up after its minimum, until the server's compilers are quiet. */
    static final Duration SCENARIO_WARMUP_WINDOW = Duration.ofSeconds(3);

    private static final int RETRIEVAL_PATIENT = 1_000;
    static final int FHIR_RETRIEVAL_PATIENT = 1_001;
    private static final int TARGET_SET_SIZE = 5;

    private final Options o;
    private final PrintStream out;
    private Report report;

    Benchmark(Options options, PrintStream out) {
        this.o = options;
        this.out = out;
    }

    Report run() throws Exception {
        report = new Report(o.out(), out);
        out.println("DMP Gateway benchmark");
        report.environment("started " + OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS));
        report.environment("machine: " + Machine.cpu() + ", " + Machine.memory() + ", load average at start "
                + Machine.loadAverage());
        report.environment("harness: Java " + System.getProperty("java.version") + ", " + o.concurrency()
                + " client threads, " + (o.requests() > 0 ? o.requests() + " requests" : o.duration().toMillis() / 1000.0 + " s")
                + " per measurement, warm-up " + o.warmup().toMillis() / 1000.0 + " s per scenario"
                + (o.warmupUntil().maximum().compareTo(o.warmup()) > 0 ? String.format(Locale.ROOT,
                        " (up to %d s while the server's JIT compilers use %.2f cores or more)",
                        o.warmupUntil().maximum().toSeconds(), o.warmupUntil().coresBelow()) : "") + " after "
                + o.serverWarmup().toSeconds() + " s per server (its scenarios in turn)");
        if (o.baseUrl() != null) {
            runAgainstRunningServer();
        } else {
            report.environment("server: " + o.serverJar() + " started by the harness, JVM options " + o.serverJvmOptions()
                    + ", IPF's validation of the XDS answers " + (o.validateResponses() ? "on" : "off (as in production)"));
            for (String db : o.startServer()) {
                runStarted(db);
            }
        }
        report.printRatios();
        out.println();
        out.println("results: " + report.markdown().toAbsolutePath() + " and " + report.csv().toAbsolutePath());
        return report;
    }

    // ------------------------------------------------------------------ the harness starts the server

    private void runStarted(String db) throws Exception {
        Database database = db.equals("h2") ? Database.h2(o.workDir(), o.h2UrlOptions())
                : Database.postgres(o.pgUrl(), o.pgUser(), o.pgPassword());
        if (o.freshDb()) {
            database.wipe();
        }
        database.ensureExists();
        report.environment(database.label() + ": " + database.describe() + " (" + database.url() + ")");
        List<Long> sizes = new ArrayList<>(o.registrySizes());
        sizes.sort(Long::compare);
        if (o.loadOnly()) {
            load(database, sizes.get(sizes.size() - 1));
            return;
        }
        for (long size : sizes) {
            long documents = load(database, size);
            try (HikariDataSource ds = database.open(Math.max(2, o.maxConcurrency()), false)) {
                databaseReferences(database.label(), ds, documents);
            }
            if (!wantsHttp()) {
                continue;
            }
            Path jfr = o.jfr() ? o.workDir().resolve("server-" + db + "-" + size + ".jfr") : null;
            out.printf("%nstarting the server on %s (%,d documents)...%n", database.label(), documents);
            try (ServerProcess server = ServerProcess.start(o.serverJar(), o.serverJvmOptions(), jfr, database.url(),
                    database.user(), database.password(), o.workDir().resolve("data-" + db),
                    o.workDir().resolve("server-" + db + ".log"), o.serverArguments())) {
                out.println("server at " + server.baseUrl() + ", pid " + server.pid() + ", log " + server.log());
                measureHttp(database.label(), documents, server.baseUrl(), server.pid(), true);
            }
            if (o.peer() != null && db.equals("postgres")) {
                new PeerPass(o, report, out).run(database.label(), documents, o.freshDb() && size == sizes.get(0),
                        this::measure);
            }
            if (jfr != null) {
                report.note("JFR recording of the server: " + jfr.toAbsolutePath());
            }
        }
    }

    private long load(Database database, long size) throws SQLException, IOException {
        BulkLoader.Result r;
        out.printf("%nbulk loading %s to %,d documents...%n", database.label(), size);
        try (HikariDataSource ds = database.open(2, true)) {
            r = new BulkLoader(ds, o.repositoryUniqueId(), o.documentsPerPatient(), o.targets(),
                    o.targetPatients(), database.loadingCommitEvery(), out).fillTo(size);
        }
        if (o.baseUrl() == null) {
            double compaction = database.compact();
            r = new BulkLoader.Result(r.documentsBefore(), r.documentsAfter(), r.patientsAdded(), r.rows(),
                    r.seconds() + compaction);
        }
        report.load(database.label(), r);
        long documents = r.documentsAfter();
        long allowed = Math.max(size, targetDocuments()) + size / 20 + 20_000;
        if (documents > allowed) {
            throw new IllegalStateException("the " + database.label() + " registry already holds " + documents
                    + " documents, more than the " + size + " asked: run with --fresh-db");
        }
        return documents;
    }

    /** Whether any scenario needs the server (the database references do not). */
    private boolean wantsHttp() {
        return o.scenarios().stream().anyMatch(s -> !s.startsWith("db-"));
    }

    private long targetDocuments() {
        return o.targets().stream().mapToLong(Integer::longValue).sum() * o.targetPatients();
    }

    private void databaseReferences(String label, HikariDataSource ds, long documents) throws Exception {
        if (o.wants("db-insert")) {
            measure(label, documents, DbScenarios.insert(ds, o.repositoryUniqueId()), null);
            int removed = DbScenarios.removeRawInserts(ds);
            out.printf("  (removed the %,d documents of the raw inserts)%n", removed);
        }
        if (o.wants("db-find")) {
            for (int target : o.targets()) {
                measure(label, documents, DbScenarios.find(ds, targetPatients(target), target), null);
            }
        }
    }

    // ------------------------------------------------------------------ a running server

    private void runAgainstRunningServer() throws Exception {
        report.environment("server: already running at " + o.baseUrl()
                + (o.serverPid() > 0 ? ", pid " + o.serverPid() : " (RSS not read: no --server-pid)"));
        long documents = -1;
        String label = "server at " + o.baseUrl();
        boolean loaded = false;
        if (o.jdbcUrl() != null) {
            Database database = Database.of(o.jdbcUrl(), o.jdbcUser(), o.jdbcPassword());
            label = database.label();
            report.environment(database.label() + ": " + database.describe());
            List<Long> sizes = new ArrayList<>(o.registrySizes());
            sizes.sort(Long::compare);
            documents = load(database, sizes.get(sizes.size() - 1));
            try (HikariDataSource ds = database.open(Math.max(2, o.maxConcurrency()), false)) {
                databaseReferences(label, ds, documents);
                loaded = true;
            }
        }
        measureHttp(label, documents, o.baseUrl(), o.serverPid(), loaded);
    }

    // ------------------------------------------------------------------ the HTTP scenarios

    private void measureHttp(String label, long documents, String baseUrl, long pid, boolean targetsLoaded) throws Exception {
        Http http = new Http(baseUrl);
        Admin admin = new Admin(http, o.adminToken());
        try (MemorySampler memory = new MemorySampler(http, pid)) {
            List<Scenario> scenarios = new ArrayList<>();
            if (o.wants("http")) {
                scenarios.add(HttpScenarios.trivial(http));
            }
            if (o.wants("iti18") || o.wants("iti66") || o.wants("iti67")) {
                for (int target : o.targets()) {
                    for (String ins : targetPatients(target)) {
                        ensureTarget(http, admin, ins, target, targetsLoaded);
                    }
                    if (o.wants("iti18")) {
                        scenarios.add(HttpScenarios.findDocuments(http, targetPatients(target), target));
                    }
                    if (o.wants("iti67")) {
                        for (int page : o.pages()) {
                            scenarios.add(FhirScenarios.findDocumentReferences(http, targetPatients(target), target, page));
                        }
                    }
                    if (o.wants("iti66")) {
                        scenarios.add(FhirScenarios.findLists(http, targetPatients(target), target));
                    }
                }
            }
            if (o.wants("iti43")) {
                scenarios.add(retrievalScenario(http, admin));
            }
            if (o.wants("iti68") || o.wants("fhir-read")) {
                FhirDocuments docs = fhirRetrievalSetUp(http, admin);
                if (o.wants("fhir-read")) {
                    scenarios.add(FhirScenarios.readDocumentReference(http, docs.ins(), docs.documentReferenceIds()));
                }
                if (o.wants("iti68")) {
                    scenarios.add(FhirScenarios.retrieveBinary(http, docs.ins(), docs.binaryIds(),
                            HttpScenarios.RETRIEVED_DOCUMENT_BYTES));
                }
            }
            if (o.wants("iti41-1") || o.wants("iti41-5") || o.wants("iti65")) {
                List<Synthesizer.Patient> patients = submissionPatients(admin);
                if (o.wants("iti41-1")) {
                    scenarios.add(HttpScenarios.provideAndRegister(http, patients, 1));
                }
                if (o.wants("iti41-5")) {
                    scenarios.add(HttpScenarios.provideAndRegister(http, patients, 5));
                }
                if (o.wants("iti65")) {
                    scenarios.add(FhirScenarios.provideDocumentBundle(http, patients));
                }
            }
            serverWarmUp(scenarios, o, out);
            for (Scenario s : scenarios) {
                measure(label, documents, s, memory);
            }
            report.note(String.format("%s, %s: server heap in use at most %s MB, resident set at most %s MB over the run",
                    label, Report.registry(documents), memory.runHeapMax() < 0 ? "?" : String.valueOf(memory.runHeapMax() / 1024 / 1024),
                    memory.runRssMax() < 0 ? "?" : String.valueOf(memory.runRssMax() / 1024 / 1024)));
        }
    }

    /** Some 1 MB documents of one patient on a FHIR server: their DocumentReference ids and their Binary ids. */
    record FhirDocuments(String ins, List<String> documentReferenceIds, List<String> binaryIds) {
    }

    /**
     * The warm-up of a server, the gateway's or the peer's, before its measurements
     * ({@code --server-warmup}, {@link Runner#warmUp}).
     */
    static void serverWarmUp(List<Scenario> scenarios, Options o, PrintStream out) throws InterruptedException {
        Runner.warmUp(scenarios, Math.min(4, o.maxConcurrency()), o.serverWarmup(), SERVER_WARMUP_SLICE, out);
    }

    private void measure(String label, long documents, Scenario s, MemorySampler memory) throws Exception {
        Runner.WarmUp w = Runner.warmUpScenario(s, Math.min(4, o.maxConcurrency()), o.warmup(), o.warmupUntil(),
                SCENARIO_WARMUP_WINDOW, memory == null ? () -> -1 : memory::compilerTicks);
        if (w.last() != null && w.last().failed() > 0) {
            out.println("  warm-up of " + s.id() + ": " + w.last().failed() + " failures, first: " + w.last().firstError());
        }
        if (w.seconds() > o.warmup().toMillis() / 1000.0 + SCENARIO_WARMUP_WINDOW.toSeconds()) {
            out.printf(Locale.ROOT, "  warm-up of %s: %.0f s, the server's compilers at %.2f cores in its last %d s%s%n", s.id(),
                    w.seconds(), w.lastWindowJitCores(), SCENARIO_WARMUP_WINDOW.toSeconds(),
                    w.quiet() ? "" : " (--warmup-max reached)");
        }
        for (int c : o.concurrency()) {
            Runner.Measure m = Runner.run(s, c, o.budget(), memory);
            report.add(new Report.Row(label, documents, s.id(), s.description(), c, m, s.measuresBytes()));
        }
    }

    private List<String> targetPatients(int documents) {
        return o.targetPatientIns(documents);
    }

    /** A FindDocuments target with exactly n documents: loaded, or submitted now through ITI-41. */
    private void ensureTarget(Http http, Admin admin, String ins, int n, boolean loaded) throws Exception {
        int found = countDocuments(http, ins);
        if (found == n) {
            return;
        }
        if (loaded || found > 0) {
            throw new IllegalStateException("the target patient " + ins + " has " + found + " documents, expected " + n);
        }
        out.printf("  submitting the %d documents of target patient %s through ITI-41...%n", n, ins);
        Synthesizer synth = new Synthesizer(ins.hashCode());
        Synthesizer.Patient p = synth.patient(ins);
        admin.activatedPatientAuthorising(ins, p.family(), p.given());
        for (int done = 0; done < n; done += TARGET_SET_SIZE) {
            List<Synthesizer.Document> docs = new ArrayList<>();
            for (int k = done; k < Math.min(n, done + TARGET_SET_SIZE); k++) {
                docs.add(synth.document(false, BulkLoader.CONTENT_BYTES));
            }
            submit(http, p, synth, docs);
        }
    }

    private static int countDocuments(Http http, String ins) throws Exception {
        Soap.Message m = Soap.findDocuments(http.url("/services/iti18"), ins);
        Http.Response r = http.post("/services/iti18", m.contentType(), m.body());
        if (r.status() == 200 && new String(r.body(), StandardCharsets.UTF_8).contains("ResponseStatusType:Success\"")) {
            return Responses.countDocumentEntries(r.body());
        }
        return 0;
    }

    private static void submit(Http http, Synthesizer.Patient p, Synthesizer synth, List<Synthesizer.Document> docs)
            throws Exception {
        Soap.Message m = Soap.provideAndRegister(http.url("/services/iti41"), p, synth.oid(),
                synth.submissionTime(docs.get(0).creationTime()), docs);
        Responses.requireSuccess(http.post("/services/iti41", m.contentType(), m.body()), "ITI-41 (set-up)");
    }

    /** A patient of the harness with one 1 MB document per client thread, submitted through ITI-41. */
    private Scenario retrievalScenario(Http http, Admin admin) throws Exception {
        Synthesizer synth = new Synthesizer(System.nanoTime());
        Synthesizer.Patient p = synth.patient(Ins.harness(RETRIEVAL_PATIENT));
        admin.activatedPatientAuthorising(p.ins(), p.family(), p.given());
        List<String> uniqueIds = new ArrayList<>();
        for (int i = 0; i < o.maxConcurrency(); i++) {
            Synthesizer.Document d = synth.document(false, HttpScenarios.RETRIEVED_DOCUMENT_BYTES);
            submit(http, p, synth, List.of(d));
            uniqueIds.add(d.uniqueId());
        }
        return HttpScenarios.retrieve(http, p.ins(), o.repositoryUniqueId(), uniqueIds,
                HttpScenarios.RETRIEVED_DOCUMENT_BYTES);
    }

    /**
     * A patient of the harness with one 1 MB document per client thread, submitted through ITI-65,
     * whose DocumentReference ids are then found through ITI-67 (by uniqueId); on the gateway a
     * document's Binary has the id of its DocumentReference.
     */
    private FhirDocuments fhirRetrievalSetUp(Http http, Admin admin) throws Exception {
        Synthesizer synth = new Synthesizer(System.nanoTime());
        Synthesizer.Patient p = synth.patient(Ins.harness(FHIR_RETRIEVAL_PATIENT));
        admin.activatedPatientAuthorising(p.ins(), p.family(), p.given());
        List<String> uniqueIds = new ArrayList<>();
        for (int i = 0; i < o.maxConcurrency(); i++) {
            Synthesizer.Document d = synth.document(false, HttpScenarios.RETRIEVED_DOCUMENT_BYTES);
            FhirScenarios.submit(http, p, synth, d, "ITI-65 (set-up)");
            uniqueIds.add(d.uniqueId());
        }
        List<String> ids = FhirScenarios.documentReferenceIds(http, p.ins(), uniqueIds);
        return new FhirDocuments(p.ins(), ids, ids);
    }

    /** One patient of the harness per client thread, for the submissions. */
    private List<Synthesizer.Patient> submissionPatients(Admin admin) throws Exception {
        Synthesizer synth = new Synthesizer(42);
        List<Synthesizer.Patient> patients = new ArrayList<>();
        for (int i = 0; i < o.maxConcurrency(); i++) {
            Synthesizer.Patient p = synth.patient(Ins.harness(i));
            admin.activatedPatientAuthorising(p.ins(), p.family(), p.given());
            patients.add(p);
        }
        return patients;
    }

}
