package org.dmpgateway.repository;

import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.messaging.MailAttachment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** {@link MessagingRepository} on JDBC. */
public class JdbcMessagingRepository implements MessagingRepository {
    private static final String LIST_SEPARATOR = "\n";
    private static final RowMapper<StoredConversation> CONVERSATION = (rs, n) -> new StoredConversation(
            rs.getString("id"), new PatientRef(rs.getString("patient_id"), rs.getString("patient_authority")),
            rs.getString("professional"), rs.getString("subject"), instant(rs, "started_ms"), instant(rs, "last_ms"),
            instant(rs, "ended_ms"), rs.getString("end_reason"));
    private static final RowMapper<StoredMessage> MESSAGE = (rs, n) -> new StoredMessage(rs.getLong("id"),
            rs.getString("conversation_id"), "IN".equals(rs.getString("direction")), rs.getString("message_id"),
            rs.getString("in_reply_to"), list(rs.getString("message_references")), rs.getString("sender"),
            rs.getString("recipient"), rs.getString("subject"), rs.getString("body_text"),
            instant(rs, "received_ms"), instant(rs, "read_ms"), rs.getString("receipt_to"),
            instant(rs, "receipt_sent_ms"), list(rs.getString("x_mss_codecda")), rs.getString("x_mss_ins"),
            rs.getString("x_mss_nil"), rs.getBytes("raw_mime"));

    private final JdbcTemplate jdbc;

    public JdbcMessagingRepository(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public List<PatientRef> findPatientsByMatricule(String matricule) {
        return jdbc.query("SELECT ins, ins_authority FROM patient_record WHERE ins = ? "
                        + "ORDER BY ins_authority",
                (rs, n) -> new PatientRef(rs.getString(1), rs.getString(2)), matricule);
    }

    @Override
    public void createConversation(StoredConversation c) {
        jdbc.update("INSERT INTO mss_conversation (id, patient_id, patient_authority, professional, subject, started_ms, "
                        + "last_ms) VALUES (?,?,?,?,?,?,?)", c.id(), c.patient().id(), c.patient().authority(),
                c.professional(), c.subject(), c.startedAt().toEpochMilli(), c.lastAt().toEpochMilli());
    }

    @Override
    public Optional<StoredConversation> findConversation(String id) {
        return jdbc.query("SELECT * FROM mss_conversation WHERE id = ?", CONVERSATION, id).stream().findFirst();
    }

    @Override
    public List<StoredConversation> findConversations(PatientRef patient) {
        return jdbc.query("SELECT * FROM mss_conversation WHERE patient_id = ? AND patient_authority = ? "
                + "ORDER BY last_ms DESC, started_ms DESC", CONVERSATION, patient.id(), patient.authority());
    }

    @Override
    public List<StoredConversation> findOpenConversations(PatientRef patient, String professional) {
        return jdbc.query("SELECT * FROM mss_conversation WHERE patient_id = ? AND patient_authority = ? "
                        + "AND LOWER(professional) = LOWER(?) AND ended_ms IS NULL ORDER BY last_ms DESC", CONVERSATION,
                patient.id(), patient.authority(), professional);
    }

    @Override
    public Optional<StoredConversation> findConversationByMessageIds(PatientRef patient, List<String> messageIds) {
        for (String messageId : messageIds) {
            Optional<StoredConversation> found = jdbc.query("SELECT c.* FROM mss_conversation c JOIN mss_message m "
                            + "ON m.conversation_id = c.id WHERE c.patient_id = ? AND c.patient_authority = ? "
                            + "AND m.message_id = ? ORDER BY m.id DESC", CONVERSATION, patient.id(), patient.authority(),
                    messageId).stream().findFirst();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    @Override
    public void touchConversation(String id, Instant when) {
        jdbc.update("UPDATE mss_conversation SET last_ms = ? WHERE id = ?", when.toEpochMilli(), id);
    }

    @Override
    public void endConversation(String id, Instant when, String reason) {
        jdbc.update("UPDATE mss_conversation SET ended_ms = ?, end_reason = ?, last_ms = ? WHERE id = ? "
                + "AND ended_ms IS NULL", when.toEpochMilli(), reason, when.toEpochMilli(), id);
    }

    @Override
    public long addMessage(StoredMessage m, List<MailAttachment> attachments) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement ps = connection.prepareStatement("INSERT INTO mss_message (conversation_id, direction, "
                    + "message_id, in_reply_to, message_references, sender, recipient, subject, body_text, received_ms, "
                    + "receipt_to, x_mss_codecda, x_mss_ins, x_mss_nil, raw_mime) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    new String[] {"id"});
            ps.setString(1, m.conversationId());
            ps.setString(2, m.incoming() ? "IN" : "OUT");
            ps.setString(3, m.messageId());
            ps.setString(4, m.inReplyTo());
            ps.setString(5, join(m.references()));
            ps.setString(6, m.sender());
            ps.setString(7, m.recipient());
            ps.setString(8, m.subject());
            ps.setString(9, m.text());
            ps.setLong(10, m.receivedAt().toEpochMilli());
            ps.setString(11, m.receiptTo());
            ps.setString(12, join(m.codeCda()));
            ps.setString(13, m.insPresent());
            ps.setString(14, m.nil());
            ps.setBytes(15, m.raw());
            return ps;
        }, key);
        long id = key.getKey().longValue();
        int seq = 0;
        for (MailAttachment a : attachments) {
            jdbc.update("INSERT INTO mss_attachment (message_id, seq, file_name, content_type, size, content) "
                            + "VALUES (?,?,?,?,?,?)", id, seq++, a.fileName(), a.contentType(), (long) a.size(),
                    new SqlParameterValue(Types.VARBINARY, a.content()));
        }
        return id;
    }

    @Override
    public Optional<StoredMessage> findMessage(long id) {
        return jdbc.query("SELECT * FROM mss_message WHERE id = ?", MESSAGE, id).stream().findFirst();
    }

    @Override
    public List<StoredMessage> findMessages(String conversationId) {
        return jdbc.query("SELECT * FROM mss_message WHERE conversation_id = ? ORDER BY id", MESSAGE, conversationId);
    }

    @Override
    public int countUnread(String conversationId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM mss_message WHERE conversation_id = ? "
                + "AND direction = 'IN' AND read_ms IS NULL", Integer.class, conversationId);
        return n == null ? 0 : n;
    }

    @Override
    public void markRead(long id, Instant when) {
        jdbc.update("UPDATE mss_message SET read_ms = ? WHERE id = ? AND read_ms IS NULL", when.toEpochMilli(), id);
    }

    @Override
    public void markReceiptSent(long id, Instant when) {
        jdbc.update("UPDATE mss_message SET receipt_sent_ms = ? WHERE id = ?", when.toEpochMilli(), id);
    }

    @Override
    public List<AttachmentRow> findAttachments(long messageId) {
        return jdbc.query("SELECT seq, file_name, content_type, size FROM mss_attachment WHERE message_id = ? "
                + "ORDER BY seq", (rs, n) -> new AttachmentRow(rs.getInt(1), rs.getString(2), rs.getString(3),
                rs.getLong(4)), messageId);
    }

    @Override
    public Optional<MailAttachment> findAttachment(long messageId, int seq) {
        return jdbc.query("SELECT file_name, content_type, content FROM mss_attachment WHERE message_id = ? AND seq = ?",
                (rs, n) -> new MailAttachment(rs.getString(1), rs.getString(2), rs.getBytes(3)), messageId, seq)
                .stream().findFirst();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long ms = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(ms);
    }

    private static String join(List<String> values) {
        return values.isEmpty() ? null : String.join(LIST_SEPARATOR, values);
    }

    private static List<String> list(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(LIST_SEPARATOR));
    }
}
