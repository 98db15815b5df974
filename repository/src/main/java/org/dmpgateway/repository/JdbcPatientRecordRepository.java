package org.dmpgateway.repository;

import org.dmpgateway.model.ConsentStatus;
import org.dmpgateway.model.PatientRecord;
import org.dmpgateway.model.PatientRecordState;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.PatientSettings;
import org.dmpgateway.model.ProfessionalConsent;
import org.dmpgateway.model.trail.AccessTrace;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntSupplier;

/** {@link PatientRecordRepository} on JDBC (tables patient_record and professional_consent). */
public class JdbcPatientRecordRepository implements PatientRecordRepository {
    private static final String PATIENT_COLUMNS = "family_name, given_name, birth_date, gender, state, email, "
            + "samu_access_allowed, break_glass_allowed, masked_visible_in_emergency, mask_all, closed_at_ms, "
            + "closure_reason, birth_name";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public JdbcPatientRecordRepository(DataSource dataSource, PlatformTransactionManager transactionManager) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(transactionManager);
    }

    /** Update, or insert when absent, in one transaction (portable: no MERGE dialects). */
    @Override
    public void savePatient(PatientRecord p) {
        Date birth = p.birthDate() == null ? null : Date.valueOf(p.birthDate());
        PatientSettings s = p.settings();
        Object[] values = {p.familyName(), p.givenName(), birth, p.gender(), p.state().name(), s.email(),
                s.samuAccessAllowed(), s.breakGlassAllowed(), s.maskedVisibleInEmergency(), s.maskAll(),
                p.closedAt() == null ? null : p.closedAt().toEpochMilli(), p.closureReason(), p.birthName(),
                p.ins().id(), p.ins().authority()};
        String update = "UPDATE patient_record SET family_name = ?, given_name = ?, birth_date = ?, "
                + "gender = ?, state = ?, email = ?, samu_access_allowed = ?, break_glass_allowed = ?, "
                + "masked_visible_in_emergency = ?, mask_all = ?, closed_at_ms = ?, closure_reason = ?, birth_name = ? "
                + "WHERE ins = ? AND ins_authority = ?";
        upsert(() -> jdbc.update(update, values), () -> jdbc.update("INSERT INTO patient_record (" + PATIENT_COLUMNS
                + ", ins, ins_authority) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", values));
    }

    @Override
    public Optional<PatientRecord> findPatient(PatientRef ins) {
        return jdbc.query("SELECT " + PATIENT_COLUMNS + " FROM patient_record WHERE ins = ? AND ins_authority = ?",
                (rs, n) -> patient(ins, rs), ins.id(), ins.authority()).stream().findFirst();
    }

    @Override
    public List<PatientRecord> findPatientsNamed(String name, Collection<PatientRecordState> states, int limit) {
        if (states.isEmpty() || limit <= 0) {
            return List.of();
        }
        String upper = name.trim().toUpperCase(Locale.ROOT);
        List<Object> args = new ArrayList<>(List.of(upper, upper));
        states.forEach(s -> args.add(s.name()));
        args.add(limit);
        return jdbc.query("SELECT " + PATIENT_COLUMNS + ", ins, ins_authority FROM patient_record "
                        + "WHERE (UPPER(family_name) = ? OR UPPER(birth_name) = ?) AND state IN ("
                        + String.join(",", Collections.nCopies(states.size(), "?")) + ") "
                        + "ORDER BY ins_authority, ins FETCH FIRST ? ROWS ONLY",
                (rs, n) -> patient(new PatientRef(rs.getString("ins"), rs.getString("ins_authority")), rs),
                args.toArray());
    }

    private static PatientRecord patient(PatientRef ins, ResultSet rs) throws SQLException {
        Date birth = rs.getDate("birth_date");
        PatientSettings settings = new PatientSettings(rs.getString("email"),
                rs.getBoolean("samu_access_allowed"), rs.getBoolean("break_glass_allowed"),
                rs.getBoolean("masked_visible_in_emergency"), rs.getBoolean("mask_all"));
        long closedAt = rs.getLong("closed_at_ms");
        Instant closed = rs.wasNull() ? null : Instant.ofEpochMilli(closedAt);
        return new PatientRecord(ins, rs.getString("family_name"), rs.getString("given_name"),
                birth == null ? null : birth.toLocalDate(), rs.getString("gender"),
                PatientRecordState.valueOf(rs.getString("state")), settings, closed,
                rs.getString("closure_reason"), rs.getString("birth_name"));
    }

    @Override
    public void saveConsent(ProfessionalConsent c) {
        long since = (c.since() == null ? Instant.now() : c.since()).toEpochMilli();
        upsert(() -> jdbc.update("UPDATE professional_consent SET actor_name = ?, status = ?, admin_doctor = ?, "
                                + "since_ms = ?, treating_doctor = ?, profession_code = ?, specialty_code = ? "
                                + "WHERE patient_id = ? AND patient_authority = ? AND actor_id = ?",
                        c.actorName(), c.status().name(), c.adminDoctor(), since, c.treatingDoctor(), c.professionCode(),
                        c.specialtyCode(), c.patient().id(), c.patient().authority(), c.actorId()),
                () -> jdbc.update("INSERT INTO professional_consent (actor_name, status, admin_doctor, since_ms, treating_doctor, "
                                + "profession_code, specialty_code, patient_id, patient_authority, actor_id) "
                                + "VALUES (?,?,?,?,?,?,?,?,?,?)",
                        c.actorName(), c.status().name(), c.adminDoctor(), since, c.treatingDoctor(), c.professionCode(),
                        c.specialtyCode(), c.patient().id(), c.patient().authority(), c.actorId()));
    }

    /**
     * Update, or insert when absent, in one transaction. When another writer (another gateway node
     * on the same database, e.g. two nodes loading the same seed file at start) inserted the same
     * row between the two, the insert fails on the primary key: the update is then run again, in
     * a transaction of its own, and applies.
     */
    private void upsert(IntSupplier update, Runnable insert) {
        try {
            tx.executeWithoutResult(status -> {
                if (update.getAsInt() == 0) {
                    insert.run();
                }
            });
        } catch (DuplicateKeyException insertedMeanwhile) {
            tx.executeWithoutResult(status -> update.getAsInt());
        }
    }

    @Override
    public Optional<ProfessionalConsent> findConsent(PatientRef patient, String actorId) {
        return jdbc.query(CONSENT_COLUMNS + "FROM professional_consent "
                        + "WHERE patient_id = ? AND patient_authority = ? AND actor_id = ?", consentMapper(patient),
                patient.id(), patient.authority(), actorId).stream().findFirst();
    }

    /**
     * The record joined to the professional's entry on its lists, with an EXISTS on the access
     * history (index ix_access_trace_actor): one round trip instead of three.
     */
    @Override
    public Optional<RecordStanding> findStanding(PatientRef ins, String actorId) {
        RowMapper<ProfessionalConsent> consent = consentMapper(ins);
        return jdbc.query("SELECT " + PATIENT_COLUMNS + ", c.actor_id, c.actor_name, c.status, c.admin_doctor, "
                        + "c.since_ms, c.treating_doctor, c.profession_code, c.specialty_code, "
                        + "EXISTS (SELECT 1 FROM access_trace t WHERE t.patient_id = p.ins "
                        + "AND t.patient_authority = p.ins_authority AND t.actor_id = ? AND t.outcome = ?) AS accessed_before "
                        + "FROM patient_record p LEFT JOIN professional_consent c ON c.patient_id = p.ins "
                        + "AND c.patient_authority = p.ins_authority AND c.actor_id = ? "
                        + "WHERE p.ins = ? AND p.ins_authority = ?",
                (rs, n) -> new RecordStanding(patient(ins, rs),
                        rs.getString("actor_id") == null ? null : consent.mapRow(rs, n), rs.getBoolean("accessed_before")),
                actorId, AccessTrace.SUCCESS, actorId, ins.id(), ins.authority()).stream().findFirst();
    }

    @Override
    public List<ProfessionalConsent> findConsents(PatientRef patient) {
        return jdbc.query(CONSENT_COLUMNS + "FROM professional_consent "
                        + "WHERE patient_id = ? AND patient_authority = ? ORDER BY actor_id", consentMapper(patient),
                patient.id(), patient.authority());
    }

    @Override
    public List<ProfessionalConsent> findConsentsOf(String actorId) {
        return jdbc.query(CONSENT_COLUMNS + ", patient_id, patient_authority FROM professional_consent WHERE actor_id = ? "
                        + "ORDER BY patient_authority, patient_id",
                (rs, n) -> consentMapper(new PatientRef(rs.getString("patient_id"), rs.getString("patient_authority")))
                        .mapRow(rs, n), actorId);
    }

    @Override
    public boolean deleteConsent(PatientRef patient, String actorId) {
        return jdbc.update("DELETE FROM professional_consent WHERE patient_id = ? AND patient_authority = ? "
                + "AND actor_id = ?", patient.id(), patient.authority(), actorId) > 0;
    }

    private static final String CONSENT_COLUMNS = "SELECT actor_id, actor_name, status, admin_doctor, since_ms, "
            + "treating_doctor, profession_code, specialty_code ";

    private static RowMapper<ProfessionalConsent> consentMapper(PatientRef patient) {
        return (rs, n) -> new ProfessionalConsent(patient, rs.getString("actor_id"), rs.getString("actor_name"),
                ConsentStatus.valueOf(rs.getString("status")), rs.getBoolean("admin_doctor"),
                Instant.ofEpochMilli(rs.getLong("since_ms")), rs.getBoolean("treating_doctor"),
                rs.getString("profession_code"), rs.getString("specialty_code"));
    }
}
