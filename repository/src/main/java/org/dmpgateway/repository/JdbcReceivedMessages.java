package org.dmpgateway.repository;

import org.dmpgateway.model.ReceivedMessages;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link ReceivedMessages} on JDBC (table hl7v2_received_message, Flyway V3_33). */
public class JdbcReceivedMessages implements ReceivedMessages {
    private final JdbcTemplate jdbc;

    public JdbcReceivedMessages(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public Optional<String> answerTo(String sender, String controlId) {
        List<String> answers = jdbc.queryForList("SELECT answer FROM hl7v2_received_message WHERE sender = ? "
                + "AND control_id = ?", String.class, sender, controlId);
        return answers.stream().findFirst();
    }

    @Override
    public void remember(String sender, String controlId, String answer, Instant at) {
        try {
            jdbc.update("INSERT INTO hl7v2_received_message (sender, control_id, answer, received_ms) VALUES (?,?,?,?)",
                    sender, controlId, answer, at.toEpochMilli());
        } catch (DuplicateKeyException raced) {
            // the same message answered concurrently: the first answer stays
        }
    }
}
