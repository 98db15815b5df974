package org.dmpgateway.benchmark;

import org.dmpgateway.model.DmpConfidentiality;
import org.dmpgateway.model.EntryStatus;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.query.DocumentCriteria;
import org.dmpgateway.model.query.DocumentVisibility;
import org.dmpgateway.repository.JdbcRegistryRepository;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Reference points on the database itself, measured by the harness with the server stopped (an
 * embedded H2 file has one user at a time): what the database allows for the rows of one
 * submission, and for the selection of one FindDocuments.
 */
final class DbScenarios {
    /** The patient whose raw inserts are removed after the measurement. */
    static final String RAW_PATIENT = Ins.harness(9_999);

    private DbScenarios() {
    }

    /**
     * The rows the server writes for a one-document ITI-41 (set, document, 20 KB content, codes,
     * authors, sourcePatientInfo, association, trace), in one transaction, with JDBC batches.
     */
    static Scenario insert(DataSource dataSource, String repositoryUniqueId) {
        ThreadLocal<Synthesizer> synth = ThreadLocal.withInitial(() -> new Synthesizer(System.nanoTime()
                ^ Thread.currentThread().getId()));
        return new Scenario() {
            public String id() {
                return "db-insert";
            }

            public String description() {
                return "JDBC: the rows of a one-document submission (20 KB), one transaction (reference)";
            }

            public long call(int worker, long seq) throws Exception {
                Synthesizer s = synth.get();
                Synthesizer.Patient p = s.patient(RAW_PATIENT);
                try (Connection c = dataSource.getConnection()) {
                    c.setAutoCommit(false);
                    try (RegistryRows rows = new RegistryRows(c, repositoryUniqueId, s)) {
                        rows.submission(p, List.of(s.document(false, HttpScenarios.SUBMITTED_DOCUMENT_BYTES)));
                        rows.flush();
                        c.commit();
                    } catch (SQLException | RuntimeException e) {
                        c.rollback();
                        throw e;
                    }
                }
                return HttpScenarios.SUBMITTED_DOCUMENT_BYTES;
            }
        };
    }

    /**
     * The repository's FindDocuments selection for the patients in turn, with the criteria and the
     * visibility the server passes for the harness's professional (a doctor: every type but ATTEST-RESID; MASQUE_PS
     * hides other authors' documents): the SQL select, the child rows, the records.
     */
    static Scenario find(DataSource dataSource, List<String> patients, int expected) {
        JdbcRegistryRepository repository = new JdbcRegistryRepository(dataSource,
                new DataSourceTransactionManager(dataSource));
        List<DocumentCriteria> criteria = patients.stream().map(ins -> DocumentCriteria.builder()
                .patient(new PatientRef(ins, Ins.AUTHORITY))
                .statuses(List.of(EntryStatus.APPROVED)).onDemand(false).limit(5_001)
                .visibility(new DocumentVisibility(Catalog.ACTOR_ID, false, false, DmpConfidentiality.MASKING_PROFESSIONALS,
                        new DocumentVisibility.TypeFilter(true, List.of("ATTEST-RESID"))))
                .build()).toList();
        return new Scenario() {
            public String id() {
                return "db-find-" + expected;
            }

            public String description() {
                return "repository FindDocuments selection, " + expected + " documents (reference)";
            }

            public long call(int worker, long seq) {
                int found = repository.findDocuments(criteria.get((int) (seq % criteria.size()))).size();
                if (found != expected) {
                    throw new IllegalStateException("the repository found " + found + " documents, expected " + expected);
                }
                return 0;
            }
        };
    }

    /** Removes what {@link #insert} wrote, so that the registry keeps its size. Returns the documents removed. */
    static int removeRawInserts(DataSource dataSource) throws SQLException {
        String docs = "SELECT entry_uuid FROM document_entry WHERE patient_id = ?";
        String sets = "SELECT entry_uuid FROM submission_set WHERE patient_id = ?";
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            int removed;
            exec(c, "DELETE FROM coded_value WHERE owner_uuid IN (" + docs + ")");
            exec(c, "DELETE FROM text_value WHERE owner_uuid IN (" + docs + ")");
            exec(c, "DELETE FROM author WHERE owner_uuid IN (" + docs + ")");
            exec(c, "DELETE FROM author WHERE owner_uuid IN (" + sets + ")");
            exec(c, "DELETE FROM association WHERE source_uuid IN (" + sets + ")");
            exec(c, "DELETE FROM document_chunk WHERE content_id IN (SELECT content_id FROM document_content WHERE unique_id IN "
                    + "(SELECT unique_id FROM document_entry WHERE patient_id = ?))");
            exec(c, "DELETE FROM document_content WHERE unique_id IN (SELECT unique_id FROM document_entry WHERE patient_id = ?)");
            removed = exec(c, "DELETE FROM document_entry WHERE patient_id = ?");
            exec(c, "DELETE FROM submission_set WHERE patient_id = ?");
            exec(c, "DELETE FROM access_trace WHERE patient_id = ?");
            c.commit();
            return removed;
        }
    }

    private static int exec(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, RAW_PATIENT);
            return ps.executeUpdate();
        }
    }
}
