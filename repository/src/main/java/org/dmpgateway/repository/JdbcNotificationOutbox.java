package org.dmpgateway.repository;

import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.trail.Notification;
import org.dmpgateway.model.trail.NotificationKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;

import javax.sql.DataSource;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@link NotificationOutbox} on JDBC (table notification_outbox); claims are conditional updates. */
public class JdbcNotificationOutbox implements NotificationOutbox {
    private final JdbcTemplate jdbc;

    public JdbcNotificationOutbox(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public void enqueue(Notification n) {
        long created = n.createdAt().toEpochMilli();
        jdbc.update("INSERT INTO notification_outbox (created_ms, patient_id, patient_authority, recipient, kind, "
                        + "subject, body, attempts, next_attempt_ms, mime) VALUES (?,?,?,?,?,?,?,0,?,?)",
                created, n.patient().id(), n.patient().authority(), n.recipient(), n.kind().name(), n.subject(),
                n.body(), created, new SqlParameterValue(Types.VARBINARY, n.mime()));
    }

    @Override
    public List<Notification> claimDue(Instant now, int max, long leaseMillis) {
        long t = now.toEpochMilli();
        List<Long> candidates = jdbc.queryForList("SELECT id FROM notification_outbox WHERE status = 'PENDING' "
                + "AND next_attempt_ms <= ? AND (claimed_until_ms IS NULL OR claimed_until_ms < ?) ORDER BY id "
                + "FETCH FIRST ? ROWS ONLY", Long.class, t, t, max);
        List<Notification> claimed = new ArrayList<>();
        for (Long id : candidates) {
            int won = jdbc.update("UPDATE notification_outbox SET claimed_until_ms = ? WHERE id = ? AND status = 'PENDING' "
                    + "AND (claimed_until_ms IS NULL OR claimed_until_ms < ?)", t + leaseMillis, id, t);
            if (won == 1) {
                claimed.addAll(jdbc.query("SELECT * FROM notification_outbox WHERE id = ?", (rs, n) -> new Notification(
                        rs.getLong("id"), new PatientRef(rs.getString("patient_id"), rs.getString("patient_authority")),
                        rs.getString("recipient"), NotificationKind.valueOf(rs.getString("kind")),
                        rs.getString("subject"), rs.getString("body"), Instant.ofEpochMilli(rs.getLong("created_ms")),
                        rs.getInt("attempts"), null, rs.getString("last_error"), rs.getBytes("mime")), id));
            }
        }
        return claimed;
    }

    @Override
    public void markSent(long id, Instant when, String newBody) {
        jdbc.update("UPDATE notification_outbox SET status = 'SENT', sent_ms = ?, attempts = attempts + 1, claimed_until_ms = NULL, "
                + "last_error = NULL, body = COALESCE(?, body) WHERE id = ?", when.toEpochMilli(), newBody, id);
    }

    @Override
    public void markFailed(long id, String error, Instant nextAttempt) {
        jdbc.update("UPDATE notification_outbox SET attempts = attempts + 1, claimed_until_ms = NULL, last_error = ?, "
                + "next_attempt_ms = ? WHERE id = ?", truncate(error), nextAttempt.toEpochMilli(), id);
    }

    @Override
    public void markParked(long id, String error, Instant when, String newBody) {
        jdbc.update("UPDATE notification_outbox SET status = 'PARKED', parked_ms = ?, attempts = attempts + 1, "
                + "claimed_until_ms = NULL, last_error = ?, body = COALESCE(?, body) WHERE id = ?", when.toEpochMilli(),
                truncate(error), newBody, id);
    }

    @Override
    public List<Message> findByPatient(PatientRef patient, int limit) {
        return jdbc.query("SELECT * FROM notification_outbox WHERE patient_id = ? AND patient_authority = ? "
                + "ORDER BY id DESC FETCH FIRST ? ROWS ONLY", (rs, n) -> {
                    long sent = rs.getLong("sent_ms");
                    Instant sentAt = rs.wasNull() ? null : Instant.ofEpochMilli(sent);
                    return new Message(new Notification(rs.getLong("id"), patient, rs.getString("recipient"),
                            NotificationKind.valueOf(rs.getString("kind")), rs.getString("subject"), rs.getString("body"),
                            Instant.ofEpochMilli(rs.getLong("created_ms")), rs.getInt("attempts"), sentAt,
                            rs.getString("last_error")), Status.valueOf(rs.getString("status")));
                }, patient.id(), patient.authority(), limit);
    }

    @Override
    public int countPending() {
        return count(Status.PENDING);
    }

    @Override
    public int countParked() {
        return count(Status.PARKED);
    }

    private int count(Status status) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM notification_outbox WHERE status = ?", Integer.class,
                status.name());
        return n == null ? 0 : n;
    }

    private static String truncate(String error) {
        return error == null ? "unknown error" : error.length() > 2000 ? error.substring(0, 2000) : error;
    }
}
