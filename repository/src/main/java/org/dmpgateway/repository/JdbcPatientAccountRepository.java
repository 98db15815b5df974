package org.dmpgateway.repository;

import org.dmpgateway.model.PatientRecordState;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.account.PatientAccount;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link PatientAccountRepository} on JDBC (table patient_account; record states in patient_record). */
public class JdbcPatientAccountRepository implements PatientAccountRepository {
    private static final String COLUMNS = "email, mobile, card_serial, notified_ms, created_ms, activated_ms, "
            + "code_hash, code_expires_ms, code_failures, code_locked, code_used_ms, journey_hash, journey_expires_ms, "
            + "journey_step, pending_email, pending_mobile, otp_hash, otp_expires_ms, otp_failures, login_id, "
            + "password_hash, closed_ms, close_reason";
    private static final RowMapper<PatientAccount> ROW = JdbcPatientAccountRepository::map;

    private final JdbcTemplate jdbc;

    public JdbcPatientAccountRepository(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public void save(PatientAccount a) {
        Object[] values = {a.email(), a.mobile(), a.cardSerial(), ms(a.notifiedAt()), ms(a.createdAt()),
                ms(a.activatedAt()), a.codeHash(), ms(a.codeExpiresAt()), a.codeFailures(), a.codeLocked(),
                ms(a.codeUsedAt()), a.journeyHash(), ms(a.journeyExpiresAt()), a.journeyStep(), a.pendingEmail(),
                a.pendingMobile(), a.otpHash(), ms(a.otpExpiresAt()), a.otpFailures(), a.loginId(), a.passwordHash(),
                ms(a.closedAt()), a.closeReason(), a.ins().id(), a.ins().authority()};
        int updated = jdbc.update("UPDATE patient_account SET " + COLUMNS.replace(",", " = ?,") + " = ? "
                + "WHERE ins = ? AND ins_authority = ?", values);
        if (updated == 0) {
            jdbc.update("INSERT INTO patient_account (" + COLUMNS + ", ins, ins_authority) VALUES ("
                    + "?,".repeat(values.length - 1) + "?)", values);
        }
    }

    @Override
    public Optional<PatientAccount> find(PatientRef ins) {
        return jdbc.query("SELECT ins, ins_authority, " + COLUMNS + " FROM patient_account "
                + "WHERE ins = ? AND ins_authority = ?", ROW, ins.id(), ins.authority()).stream().findFirst();
    }

    @Override
    public List<PatientAccount> findByNir(String nir) {
        return jdbc.query("SELECT ins, ins_authority, " + COLUMNS + " FROM patient_account WHERE ins = ? "
                + "ORDER BY ins_authority", ROW, nir);
    }

    @Override
    public Optional<PatientAccount> findByJourney(String journeyHash) {
        return jdbc.query("SELECT ins, ins_authority, " + COLUMNS + " FROM patient_account WHERE journey_hash = ?",
                ROW, journeyHash).stream().findFirst();
    }

    @Override
    public Optional<PatientAccount> findByLogin(String loginId) {
        return jdbc.query("SELECT ins, ins_authority, " + COLUMNS + " FROM patient_account WHERE login_id = ?",
                ROW, loginId).stream().findFirst();
    }

    @Override
    public List<PatientRef> notifiedBefore(Instant notifiedBefore, int max) {
        return jdbc.query("SELECT a.ins, a.ins_authority FROM patient_account a JOIN patient_record r "
                        + "ON r.ins = a.ins AND r.ins_authority = a.ins_authority "
                        + "WHERE r.state = ? AND a.notified_ms <= ? ORDER BY a.notified_ms FETCH FIRST " + max
                        + " ROWS ONLY",
                (rs, n) -> new PatientRef(rs.getString(1), rs.getString(2)), PatientRecordState.NOTIFIED.name(),
                notifiedBefore.toEpochMilli());
    }

    @Override
    public boolean transitionState(PatientRef ins, PatientRecordState from, PatientRecordState to) {
        return jdbc.update("UPDATE patient_record SET state = ? WHERE ins = ? AND ins_authority = ? AND state = ?",
                to.name(), ins.id(), ins.authority(), from.name()) == 1;
    }

    @Override
    public void saveSession(String tokenHash, PatientRef ins, Instant expiresAt) {
        jdbc.update("INSERT INTO patient_session (token_hash, ins, ins_authority, expires_ms) VALUES (?,?,?,?)",
                tokenHash, ins.id(), ins.authority(), expiresAt.toEpochMilli());
    }

    @Override
    public Optional<PatientRef> findSession(String tokenHash, Instant now) {
        return jdbc.query("SELECT ins, ins_authority FROM patient_session WHERE token_hash = ? AND expires_ms > ?",
                (rs, n) -> new PatientRef(rs.getString(1), rs.getString(2)), tokenHash, now.toEpochMilli())
                .stream().findFirst();
    }

    @Override
    public void deleteSessions(PatientRef ins) {
        jdbc.update("DELETE FROM patient_session WHERE ins = ? AND ins_authority = ?", ins.id(), ins.authority());
    }

    @Override
    public LoginFailures findLoginFailures(PatientRef ins) {
        return jdbc.query("SELECT login_failures, login_locked_until_ms FROM patient_account WHERE ins = ? "
                        + "AND ins_authority = ?", (rs, n) -> {
                    int count = rs.getInt(1);
                    long until = rs.getLong(2);
                    return new LoginFailures(count, rs.wasNull() ? null : Instant.ofEpochMilli(until));
                }, ins.id(), ins.authority()).stream().findFirst().orElse(LoginFailures.NONE);
    }

    @Override
    public void saveLoginFailures(PatientRef ins, LoginFailures failures) {
        jdbc.update("UPDATE patient_account SET login_failures = ?, login_locked_until_ms = ? WHERE ins = ? "
                + "AND ins_authority = ?", failures.count(), ms(failures.lockedUntil()), ins.id(), ins.authority());
    }

    private static Long ms(Instant i) {
        return i == null ? null : i.toEpochMilli();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private static PatientAccount map(ResultSet rs, int n) throws SQLException {
        return new PatientAccount(new PatientRef(rs.getString("ins"), rs.getString("ins_authority")),
                rs.getString("email"), rs.getString("mobile"), rs.getString("card_serial"),
                instant(rs, "notified_ms"), instant(rs, "created_ms"), instant(rs, "activated_ms"),
                rs.getString("code_hash"), instant(rs, "code_expires_ms"), rs.getInt("code_failures"),
                rs.getBoolean("code_locked"), instant(rs, "code_used_ms"), rs.getString("journey_hash"),
                instant(rs, "journey_expires_ms"), rs.getString("journey_step"), rs.getString("pending_email"),
                rs.getString("pending_mobile"), rs.getString("otp_hash"), instant(rs, "otp_expires_ms"),
                rs.getInt("otp_failures"), rs.getString("login_id"), rs.getString("password_hash"),
                instant(rs, "closed_ms"), rs.getString("close_reason"));
    }
}
