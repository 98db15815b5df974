package org.dmpgateway.repository;

import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.account.LegalRepresentation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link LegalRepresentativeRepository} on JDBC (table legal_representative, V3_28). */
public class JdbcLegalRepresentativeRepository implements LegalRepresentativeRepository {
    private static final String SELECT = "SELECT id, child_ins, child_authority, rep_ins, rep_authority, "
            + "invited_by_ins, invited_by_authority, created_ms, accepted_ms FROM legal_representative ";
    private static final RowMapper<LegalRepresentation> ROW = JdbcLegalRepresentativeRepository::map;

    private final JdbcTemplate jdbc;

    public JdbcLegalRepresentativeRepository(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public void save(LegalRepresentation r) {
        int updated = jdbc.update("UPDATE legal_representative SET accepted_ms = ? WHERE id = ?",
                ms(r.acceptedAt()), r.id());
        if (updated == 0) {
            PatientRef by = r.invitedBy();
            jdbc.update("INSERT INTO legal_representative (id, child_ins, child_authority, rep_ins, rep_authority, "
                            + "invited_by_ins, invited_by_authority, created_ms, accepted_ms) VALUES (?,?,?,?,?,?,?,?,?)",
                    r.id(), r.child().id(), r.child().authority(), r.representative().id(),
                    r.representative().authority(), by == null ? null : by.id(), by == null ? null : by.authority(),
                    ms(r.since()), ms(r.acceptedAt()));
        }
    }

    @Override
    public Optional<LegalRepresentation> find(String id) {
        return jdbc.query(SELECT + "WHERE id = ?", ROW, id).stream().findFirst();
    }

    @Override
    public Optional<LegalRepresentation> find(PatientRef child, PatientRef representative) {
        return jdbc.query(SELECT + "WHERE child_ins = ? AND child_authority = ? AND rep_ins = ? AND rep_authority = ?",
                ROW, child.id(), child.authority(), representative.id(), representative.authority()).stream()
                .findFirst();
    }

    @Override
    public List<LegalRepresentation> byRepresentative(PatientRef representative) {
        return jdbc.query(SELECT + "WHERE rep_ins = ? AND rep_authority = ? ORDER BY created_ms, id", ROW,
                representative.id(), representative.authority());
    }

    @Override
    public List<LegalRepresentation> byChild(PatientRef child) {
        return jdbc.query(SELECT + "WHERE child_ins = ? AND child_authority = ? ORDER BY created_ms, id", ROW,
                child.id(), child.authority());
    }

    @Override
    public Optional<PatientRef> accountByCode(String codeHash) {
        return jdbc.query("SELECT ins, ins_authority FROM patient_account WHERE code_hash = ?",
                (rs, n) -> new PatientRef(rs.getString(1), rs.getString(2)), codeHash).stream().findFirst();
    }

    private static LegalRepresentation map(ResultSet rs, int n) throws SQLException {
        String byIns = rs.getString("invited_by_ins");
        return new LegalRepresentation(rs.getString("id"),
                new PatientRef(rs.getString("child_ins"), rs.getString("child_authority")),
                new PatientRef(rs.getString("rep_ins"), rs.getString("rep_authority")),
                byIns == null ? null : new PatientRef(byIns, rs.getString("invited_by_authority")),
                instant(rs, "created_ms"), instant(rs, "accepted_ms"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private static Long ms(Instant i) {
        return i == null ? null : i.toEpochMilli();
    }
}
