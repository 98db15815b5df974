package org.dmpgateway.repository;

import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.profile.ProfileSection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link ProfileRepository} on JDBC (table profile_resource, migration V3_31). */
public class JdbcProfileRepository implements ProfileRepository {
    private static final String COLUMNS = "id, ins, ins_authority, section, resource_json, author, recorded_ms";
    private static final RowMapper<StoredResource> ROW = (rs, n) -> new StoredResource(rs.getString("id"),
            new PatientRef(rs.getString("ins"), rs.getString("ins_authority")),
            ProfileSection.valueOf(rs.getString("section")), rs.getString("resource_json"), rs.getString("author"),
            Instant.ofEpochMilli(rs.getLong("recorded_ms")));

    private final JdbcTemplate jdbc;

    public JdbcProfileRepository(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public void save(StoredResource r) {
        int updated = jdbc.update("UPDATE profile_resource SET resource_json = ?, author = ?, recorded_ms = ? "
                        + "WHERE id = ? AND ins = ? AND ins_authority = ?", r.json(), r.author(),
                r.recorded().toEpochMilli(), r.id(), r.patient().id(), r.patient().authority());
        if (updated == 0) {
            jdbc.update("INSERT INTO profile_resource (id, ins, ins_authority, resource_type, section, resource_json, "
                            + "author, recorded_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", r.id(), r.patient().id(),
                    r.patient().authority(), r.section().resourceType(), r.section().name(), r.json(), r.author(),
                    r.recorded().toEpochMilli());
        }
    }

    @Override
    public List<StoredResource> find(PatientRef patient, ProfileSection section) {
        if (section == null) {
            return jdbc.query("SELECT " + COLUMNS + " FROM profile_resource WHERE ins = ? AND ins_authority = ? "
                    + "ORDER BY recorded_ms DESC, id", ROW, patient.id(), patient.authority());
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM profile_resource WHERE ins = ? AND ins_authority = ? "
                + "AND section = ? ORDER BY recorded_ms DESC, id", ROW, patient.id(), patient.authority(), section.name());
    }

    @Override
    public Optional<StoredResource> findById(PatientRef patient, String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM profile_resource WHERE id = ? AND ins = ? AND ins_authority = ?",
                ROW, id, patient.id(), patient.authority()).stream().findFirst();
    }

    @Override
    public boolean delete(PatientRef patient, String id) {
        return jdbc.update("DELETE FROM profile_resource WHERE id = ? AND ins = ? AND ins_authority = ?", id,
                patient.id(), patient.authority()) > 0;
    }
}
