package org.dmpgateway.server;

import org.dmpgateway.model.PatientRecord;
import org.dmpgateway.model.PatientRecordState;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.repository.JdbcPatientRecordRepository;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/** A restart loads the seed again: missing records are created, records changed meanwhile are kept. */
class PatientSeedRestartTest {

    @Test
    void theSeedCreatesMissingRecordsAndKeepsChangedOnes() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:seed-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).load().migrate();
        JdbcPatientRecordRepository records = new JdbcPatientRecordRepository(ds, new DataSourceTransactionManager(ds));
        PatientSeedLoader loader = new PatientSeedLoader(records, new DefaultResourceLoader(),
                "classpath:patients-sample.json");
        PatientRef dupont = new PatientRef("279035121518989", "1.2.250.1.213.1.4.10");

        loader.run(new DefaultApplicationArguments());
        PatientRecord seeded = records.findPatient(dupont).orElseThrow();
        assertEquals(PatientRecordState.ACTIVATED, seeded.state());
        records.savePatient(seeded.withState(PatientRecordState.CLOSED));

        loader.run(new DefaultApplicationArguments());
        assertEquals(PatientRecordState.CLOSED, records.findPatient(dupont).orElseThrow().state(),
                "a record changed through /admin survives a restart");
        assertEquals(PatientRecordState.OPPOSED, records.findPatient(new PatientRef("192053300001053",
                "1.2.250.1.213.1.4.10")).orElseThrow().state());
    }
}
