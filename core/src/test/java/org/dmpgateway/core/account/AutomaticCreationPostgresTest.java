package org.dmpgateway.core.account;

import org.dmpgateway.model.PatientRecord;
import org.dmpgateway.model.PatientRecordState;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.PatientSettings;
import org.dmpgateway.model.account.PatientAccount;
import org.dmpgateway.repository.JdbcAccessTrailRepository;
import org.dmpgateway.repository.JdbcNotificationOutbox;
import org.dmpgateway.repository.JdbcPatientAccountRepository;
import org.dmpgateway.repository.JdbcPatientRecordRepository;
import org.dmpgateway.repository.PostgresTestSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two servers (two {@link AutomaticCreation}s, each with its own connections) run the automatic
 * creation at the same moment on one PostgreSQL: every record due is created exactly once, with
 * one trace and one e-mail, and the records still in their opposition period are left alone.
 */
@ExtendWith(PostgresTestSchema.Available.class)
class AutomaticCreationPostgresTest {
    static final PostgresTestSchema SCHEMA = new PostgresTestSchema("dmp_accounts_test_");
    static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");

    @BeforeAll
    static void migrate() {
        SCHEMA.migrate();
    }

    @AfterAll
    static void dropSchema() {
        SCHEMA.drop();
    }

    static AutomaticCreation server(DataSource ds, AccountSettings settings) {
        DataSourceTransactionManager tm = new DataSourceTransactionManager(ds);
        AccountClock clock = new AccountClock(Clock.fixed(NOW, ZoneOffset.UTC));
        JdbcAccessTrailRepository traces = new JdbcAccessTrailRepository(ds);
        return new AutomaticCreation(new JdbcPatientRecordRepository(ds, tm), new JdbcPatientAccountRepository(ds),
                new AccountMails(new JdbcNotificationOutbox(ds), clock), new AccountHistory(traces, clock), settings,
                clock, new TransactionTemplate(tm));
    }

    @Test
    void twoServersCreateEachDueRecordOnce() throws Exception {
        DataSource ds = SCHEMA.dataSource();
        DataSourceTransactionManager tm = new DataSourceTransactionManager(ds);
        JdbcPatientRecordRepository records = new JdbcPatientRecordRepository(ds, tm);
        JdbcPatientAccountRepository accounts = new JdbcPatientAccountRepository(ds);
        AccountSettings settings = new AccountSettings(Duration.ofDays(42), Duration.ofDays(90), 5,
                Duration.ofMinutes(30), Duration.ofMinutes(10), 3, Duration.ofMinutes(30), 60_000, 7, true);
        List<PatientRef> due = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            PatientRef ins = new PatientRef(String.format("2800175%06d%02d", i, i), "1.2.250.1.213.1.4.10");
            boolean isDue = i % 3 != 0;
            records.savePatient(new PatientRecord(ins, "PATIENT" + i, "Test", LocalDate.of(1980, 1, 1), "F",
                    PatientRecordState.NOTIFIED, PatientSettings.DEFAULTS.withEmail("p" + i + "@example.org")));
            accounts.save(PatientAccount.notified(ins, "p" + i + "@example.org", null, "0102457612",
                    NOW.minus(isDue ? Duration.ofDays(42).plusMinutes(i) : Duration.ofDays(41))));
            if (isDue) {
                due.add(ins);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> runs = new ArrayList<>();
            for (int s = 0; s < 2; s++) {
                AutomaticCreation server = server(SCHEMA.dataSource(), settings);
                runs.add(() -> {
                    int created = 0;
                    for (int n = server.runOnce(); n > 0; n = server.runOnce()) {
                        created += n;
                    }
                    return created;
                });
            }
            int total = 0;
            for (Future<Integer> f : pool.invokeAll(runs)) {
                total += f.get();
            }
            assertEquals(due.size(), total, "each due record created by exactly one server");
        } finally {
            pool.shutdownNow();
        }
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        for (PatientRef ins : due) {
            assertEquals(PatientRecordState.CREATED, records.findPatient(ins).orElseThrow().state());
            assertEquals(1, jdbc.queryForObject("SELECT COUNT(*) FROM access_trace WHERE patient_id = ? AND action = "
                    + "'ACCOUNT'", Integer.class, ins.id()));
            assertEquals(1, jdbc.queryForObject("SELECT COUNT(*) FROM notification_outbox WHERE patient_id = ? AND "
                    + "kind = 'ACCOUNT_CREATED'", Integer.class, ins.id()));
            assertEquals(NOW, accounts.find(ins).orElseThrow().createdAt());
        }
        assertEquals(30 - due.size(), jdbc.queryForObject("SELECT COUNT(*) FROM patient_record WHERE state = "
                + "'NOTIFIED'", Integer.class), "records still in their opposition period stay NOTIFIED");
    }
}
