package org.dmpgateway.benchmark;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills the gateway's database to a registry size quickly, with SQL rather than through the
 * server: JDBC batch INSERTs of the rows the server would write ({@link RegistryRows}), sent every
 * {@value #FLUSH_EVERY_DOCUMENTS} documents and committed in big transactions, then ANALYZE.
 *
 * <ul>
 *   <li>The schema is the server's: the loader runs the same Flyway migrations first (a later
 *       server start finds them applied).</li>
 *   <li>Query targets: patients {@link Ins#target(int, int)} with exactly 10, 100 and 1,000
 *       documents (8 of each by default), all visible to the harness's professional, who is
 *       authorised by each of them.</li>
 *   <li>Bulk: patients {@link Ins#bulk(long)}, each with 1 to 2 x avg - 1 documents (mean avg) in
 *       submission sets of 1 to 5, authored among 500 professionals, 2% of them masked
 *       (MASQUE_PS); each patient authorises the harness's professional and one other.</li>
 *   <li>Contents are small ({@value #CONTENT_BYTES} bytes): the registry's size is its metadata.</li>
 * </ul>
 * Loading is incremental: it adds documents until the registry holds the requested number, so
 * 100,000 then 1,000,000 loads 900,000 the second time.
 */
public final class BulkLoader {
    static final int CONTENT_BYTES = 256;
    private static final int FLUSH_EVERY_DOCUMENTS = 1_000;
    private static final long SINCE_MS = 1_735_689_600_000L; // 2025-01-01T00:00Z

    public record Result(long documentsBefore, long documentsAfter, long patientsAdded, long rows, double seconds) {
        double documentsPerSecond() {
            return seconds <= 0 ? 0 : (documentsAfter - documentsBefore) / seconds;
        }

        double rowsPerSecond() {
            return seconds <= 0 ? 0 : rows / seconds;
        }
    }

    private final DataSource dataSource;
    private final String repositoryUniqueId;
    private final int averageDocumentsPerPatient;
    private final List<Integer> targets;
    private final int targetPatients;
    private final int commitEvery;
    private final PrintStream log;

    /**
     * @param targets     the document counts of the query targets (10, 100, 1000 by default)
     * @param targetPatients the number of target patients with each count
     * @param commitEvery documents per transaction (20,000 on PostgreSQL; 1,000 on H2, whose file
     *                    grows with the size of the open transactions)
     */
    public BulkLoader(DataSource dataSource, String repositoryUniqueId, int averageDocumentsPerPatient,
                      List<Integer> targets, int targetPatients, int commitEvery, PrintStream log) {
        if (averageDocumentsPerPatient < 1) {
            throw new IllegalArgumentException("average documents per patient must be >= 1");
        }
        this.dataSource = dataSource;
        this.repositoryUniqueId = repositoryUniqueId;
        this.averageDocumentsPerPatient = averageDocumentsPerPatient;
        this.targets = List.copyOf(targets);
        this.targetPatients = targetPatients;
        this.commitEvery = Math.max(FLUSH_EVERY_DOCUMENTS, commitEvery);
        this.log = log;
    }

    /** Applies the server's Flyway migrations (db/migration of the repository module). */
    public void migrate() {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    public long countDocuments() throws SQLException {
        return count("SELECT COUNT(*) FROM document_entry");
    }

    /**
     * Migrates, creates the query targets if absent, then adds bulk patients until the registry
     * holds at least {@code documents} document entries (the last patient may end a little above).
     */
    public Result fillTo(long documents) throws SQLException {
        migrate();
        long start = System.nanoTime();
        long before = countDocuments();
        long rows = 0;
        long patients = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            long current = before;
            for (int size : targets) {
                for (int k = 0; k < targetPatients; k++) {
                    if (count("SELECT COUNT(*) FROM patient_record WHERE ins = '" + Ins.target(size, k) + "'") == 0) {
                        rows += loadTarget(c, size, k);
                        patients++;
                        current += size;
                    }
                }
            }
            long next = count("SELECT COUNT(*) FROM patient_record WHERE ins LIKE '" + Ins.BULK_PREFIX + "%'");
            Synthesizer synth = new Synthesizer(0x5EED_0000L + next);
            long sinceCommit = 0;
            long sinceFlush = 0;
            long nextReport = current + 100_000;
            try (RegistryRows out = new RegistryRows(c, repositoryUniqueId, synth)) {
                while (current < documents) {
                    Synthesizer.Patient p = synth.patient(Ins.bulk(next++));
                    int n = (int) Math.min(documents - current,
                            1 + synth.random().nextInt(2 * averageDocumentsPerPatient - 1));
                    out.patient(p);
                    out.authorised(p.ins(), Catalog.ACTOR_ID, Catalog.ACTOR_CONSENT_NAME, SINCE_MS);
                    int other = 1 + synth.random().nextInt(Synthesizer.AUTHORS - 1);
                    out.authorised(p.ins(), Catalog.actorId(other), Catalog.actorName(other), SINCE_MS);
                    writeDocuments(out, synth, p, n, true);
                    patients++;
                    current += n;
                    sinceFlush += n;
                    sinceCommit += n;
                    if (sinceFlush >= FLUSH_EVERY_DOCUMENTS) {
                        out.flush();
                        sinceFlush = 0;
                    }
                    if (sinceCommit >= commitEvery) {
                        c.commit();
                        sinceCommit = 0;
                    }
                    if (current >= nextReport) {
                        double s = (System.nanoTime() - start) / 1e9;
                        log.printf("  loaded %,d documents (%,.0f documents/s)%n", current, (current - before) / s);
                        nextReport += 100_000;
                    }
                }
                out.flush();
                c.commit();
                rows += out.rows();
            }
            analyze(c);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(before, countDocuments(), patients, rows, seconds);
    }

    private long loadTarget(Connection c, int size, int k) throws SQLException {
        Synthesizer synth = new Synthesizer(0x7A26E7L + size * 1000L + k);
        try (RegistryRows out = new RegistryRows(c, repositoryUniqueId, synth)) {
            Synthesizer.Patient p = synth.patient(Ins.target(size, k));
            out.patient(p);
            out.authorised(p.ins(), Catalog.ACTOR_ID, Catalog.ACTOR_CONSENT_NAME, SINCE_MS);
            writeDocuments(out, synth, p, size, false);
            out.flush();
            c.commit();
            return out.rows();
        }
    }

    private static void writeDocuments(RegistryRows out, Synthesizer synth, Synthesizer.Patient p, int n,
                                       boolean mayBeMasked) throws SQLException {
        for (int size : synth.setSizes(n)) {
            List<Synthesizer.Document> docs = new ArrayList<>(size);
            for (int k = 0; k < size; k++) {
                docs.add(synth.document(mayBeMasked, CONTENT_BYTES));
            }
            out.submission(p, docs);
        }
    }

    private void analyze(Connection c) throws SQLException {
        c.setAutoCommit(true);
        try (Statement st = c.createStatement()) {
            st.execute("ANALYZE");
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
