package org.dmpgateway.repository;

import org.dmpgateway.model.access.AccessMode;
import org.dmpgateway.model.access.CallerSoftware;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.trail.AccessTrace;
import org.dmpgateway.model.trail.TraceAction;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link AccessTrailRepository} on JDBC (table access_trace). */
public class JdbcAccessTrailRepository implements AccessTrailRepository {
    private static final int TEXT_MAX = 4000;
    /** The sizes of the software columns (V3_15). */
    private static final int NAME_MAX = 512;
    private static final int ID_MAX = 256;

    private final JdbcTemplate jdbc;

    public JdbcAccessTrailRepository(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public void record(AccessTrace t) {
        CallerSoftware s = t.software();
        jdbc.update("INSERT INTO access_trace (trace_time_ms, actor_id, actor_name, structure_id, role, access_mode, "
                        + "justification, patient_id, patient_authority, action, document_ids, outcome, detail, "
                        + "software_name, software_id, software_homologation) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                t.time().toEpochMilli(), t.actorId(), t.actorName(), t.structureId(), t.role(),
                t.mode() == null ? null : t.mode().name(), cut(t.justification()),
                t.patient() == null ? null : t.patient().id(), t.patient() == null ? null : t.patient().authority(),
                t.action().name(), JsonLists.write(t.documentIds()), t.outcome(), cut(t.detail()),
                s == null ? null : cut(s.name(), NAME_MAX), s == null ? null : cut(s.installationId(), ID_MAX),
                s == null ? null : cut(s.homologation(), ID_MAX));
    }

    @Override
    public List<AccessTrace> findByPatient(PatientRef patient, int limit) {
        return jdbc.query("SELECT * FROM access_trace WHERE patient_id = ? AND patient_authority = ? "
                + "ORDER BY id DESC FETCH FIRST ? ROWS ONLY", (rs, n) -> new AccessTrace(rs.getLong("id"),
                Instant.ofEpochMilli(rs.getLong("trace_time_ms")), rs.getString("actor_id"), rs.getString("actor_name"),
                rs.getString("structure_id"), rs.getString("role"),
                rs.getString("access_mode") == null ? null : AccessMode.valueOf(rs.getString("access_mode")),
                rs.getString("justification"), patient, TraceAction.valueOf(rs.getString("action")),
                JsonLists.read(rs.getString("document_ids")), rs.getString("outcome"), rs.getString("detail"),
                CallerSoftware.of(rs.getString("software_name"), rs.getString("software_id"),
                        rs.getString("software_homologation"))),
                patient.id(), patient.authority(), Math.max(0, limit));
    }

    @Override
    public Map<String, Instant> lastActions(PatientRef patient) {
        Map<String, Instant> last = new HashMap<>();
        jdbc.query("SELECT actor_id, MAX(trace_time_ms) AS last_ms FROM access_trace WHERE patient_id = ? "
                        + "AND patient_authority = ? AND outcome = ? AND actor_id IS NOT NULL GROUP BY actor_id",
                (RowCallbackHandler) rs -> last.put(rs.getString("actor_id"), Instant.ofEpochMilli(rs.getLong("last_ms"))),
                patient.id(), patient.authority(), AccessTrace.SUCCESS);
        return last;
    }

    @Override
    public Optional<Instant> lastAction(PatientRef patient, String actorId, Set<TraceAction> actions) {
        if (actions.isEmpty()) {
            return Optional.empty();
        }
        List<Object> args = new ArrayList<>(List.of(patient.id(), patient.authority(), AccessTrace.SUCCESS));
        StringBuilder sql = new StringBuilder("SELECT MAX(trace_time_ms) FROM access_trace WHERE patient_id = ? "
                + "AND patient_authority = ? AND outcome = ? AND action IN (");
        actions.stream().sorted().forEach(a -> {
            sql.append(args.size() == 3 ? "?" : ", ?");
            args.add(a.name());
        });
        sql.append(')');
        if (actorId != null) {
            sql.append(" AND actor_id = ?");
            args.add(actorId);
        }
        Long last = jdbc.queryForObject(sql.toString(), Long.class, args.toArray());
        return Optional.ofNullable(last).map(Instant::ofEpochMilli);
    }

    private static String cut(String s) {
        return cut(s, TEXT_MAX);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
