package org.dmpgateway.repository;

import org.dmpgateway.model.DmpConfidentiality;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.query.DocumentCriteria;
import org.dmpgateway.model.query.DocumentVisibility;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import java.util.*;

public class Probe {
    public static void main(String[] a) throws Exception {
        DriverManagerDataSource ds = new DriverManagerDataSource(a[0], "sa", "");
        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(ds);
        String patient = named.getJdbcTemplate().queryForObject("SELECT patient_id FROM document_entry GROUP BY patient_id HAVING COUNT(*) = 1000 LIMIT 1", String.class);
        List<String> targets = named.getJdbcTemplate().queryForList("SELECT a.target_uuid FROM association a JOIN submission_set s ON s.entry_uuid = a.source_uuid WHERE s.patient_id = ? AND a.association_type = 'urn:oasis:names:tc:ebxml-regrep:AssociationType:HasMember'", String.class, patient);
        String authority = named.getJdbcTemplate().queryForObject("SELECT patient_authority FROM document_entry WHERE patient_id = ? LIMIT 1", String.class, patient);
        DocumentCriteria c = DocumentCriteria.builder().entryUuids(targets).patient(new PatientRef(patient, authority))
            .visibility(new DocumentVisibility("810002345678", false, false, DmpConfidentiality.MASKING_PROFESSIONALS,
                new DocumentVisibility.TypeFilter(true, List.of("ATTEST-RESID")))).build();
        JdbcRegistryRepository repo = new JdbcRegistryRepository(ds, new DataSourceTransactionManager(ds));
        java.lang.reflect.Method m = JdbcRegistryRepository.class.getDeclaredMethod("documentSelection", DocumentCriteria.class);
        m.setAccessible(true);
        SqlSelect s = (SqlSelect) m.invoke(repo, c);
        String sql = s.sql("d.id, d.entry_uuid, d.unique_id");
        System.out.println(targets.size() + " targets; " + sql);
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            int n = repo.findDocumentKeys(c).size();
            System.out.println("keys " + n + " in " + (System.nanoTime() - t0) / 1000 / 1000.0 + " ms");
        }
        System.out.println(named.queryForObject("EXPLAIN ANALYZE " + sql, s.params(), String.class));
    }
}
