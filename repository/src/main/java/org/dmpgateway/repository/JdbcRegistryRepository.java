package org.dmpgateway.repository;

import org.dmpgateway.mappings.model.AssociationKind;
import org.dmpgateway.mappings.model.AssociationRecord;
import org.dmpgateway.mappings.model.CodedValue;
import org.dmpgateway.mappings.model.DocumentContent;
import org.dmpgateway.mappings.model.DocumentEntryRecord;
import org.dmpgateway.mappings.model.EntryStatus;
import org.dmpgateway.mappings.model.FolderRecord;
import org.dmpgateway.mappings.model.PatientRecord;
import org.dmpgateway.mappings.model.PatientRecordState;
import org.dmpgateway.mappings.model.PatientRef;
import org.dmpgateway.mappings.model.SubmissionSetRecord;
import org.dmpgateway.mappings.query.AssociationCriteria;
import org.dmpgateway.mappings.query.DocumentCriteria;
import org.dmpgateway.mappings.query.FolderCriteria;
import org.dmpgateway.mappings.query.SubmissionSetCriteria;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * {@link RegistryRepository} on JDBC (H2 or PostgreSQL, same schema from Flyway). Selections are
 * one SQL query each, filters in the WHERE clause; child rows are then loaded in batches.
 */
public class JdbcRegistryRepository implements RegistryRepository {
    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate tx;

    public JdbcRegistryRepository(DataSource dataSource, PlatformTransactionManager transactionManager) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.tx = new TransactionTemplate(transactionManager);
    }

    // ---------------------------------------------------------------- patients

    @Override
    public void savePatient(PatientRecord p) {
        tx.executeWithoutResult(status -> {
            Date birth = p.birthDate() == null ? null : Date.valueOf(p.birthDate());
            int updated = jdbc.update("UPDATE patient_record SET family_name = ?, given_name = ?, birth_date = ?, gender = ?, "
                            + "state = ? WHERE ins = ? AND ins_authority = ?", p.familyName(), p.givenName(), birth,
                    p.gender(), p.state().name(), p.ins().id(), p.ins().authority());
            if (updated == 0) {
                jdbc.update("INSERT INTO patient_record (ins, ins_authority, family_name, given_name, birth_date, gender, state) "
                        + "VALUES (?,?,?,?,?,?,?)", p.ins().id(), p.ins().authority(), p.familyName(), p.givenName(),
                        birth, p.gender(), p.state().name());
            }
        });
    }

    @Override
    public Optional<PatientRecord> findPatient(PatientRef ins) {
        return jdbc.query("SELECT family_name, given_name, birth_date, gender, state FROM patient_record "
                + "WHERE ins = ? AND ins_authority = ?", rs -> {
            if (!rs.next()) {
                return Optional.<PatientRecord>empty();
            }
            Date birth = rs.getDate(3);
            return Optional.of(new PatientRecord(ins, rs.getString(1), rs.getString(2),
                    birth == null ? null : birth.toLocalDate(), rs.getString(4), PatientRecordState.valueOf(rs.getString(5))));
        }, ins.id(), ins.authority());
    }

    // ---------------------------------------------------------------- writes

    @Override
    public void storeSubmission(SubmissionWrite write) {
        try {
            tx.executeWithoutResult(status -> new SubmissionWriter(jdbc).write(write));
        } catch (DuplicateKeyException e) {
            throw new ConflictingWriteException("submission set " + write.submission().submissionSet().uniqueId()
                    + " conflicts with an object stored meanwhile", e);
        }
    }

    // ---------------------------------------------------------------- lookups

    @Override
    public List<UniqueIdUse> findUniqueIdUses(Collection<String> uniqueIds) {
        if (uniqueIds.isEmpty()) {
            return List.of();
        }
        MapSqlParameterSource p = new MapSqlParameterSource("ids", List.copyOf(uniqueIds));
        List<UniqueIdUse> uses = new ArrayList<>();
        named.query("SELECT unique_id, entry_uuid, hash FROM document_entry WHERE unique_id IN (:ids)", p,
                rs -> { uses.add(new UniqueIdUse(rs.getString(1), ObjectKind.DOCUMENT_ENTRY, rs.getString(2), rs.getString(3))); });
        named.query("SELECT unique_id, entry_uuid FROM submission_set WHERE unique_id IN (:ids)", p,
                rs -> { uses.add(new UniqueIdUse(rs.getString(1), ObjectKind.SUBMISSION_SET, rs.getString(2), null)); });
        named.query("SELECT unique_id, entry_uuid FROM folder WHERE unique_id IN (:ids)", p,
                rs -> { uses.add(new UniqueIdUse(rs.getString(1), ObjectKind.FOLDER, rs.getString(2), null)); });
        return uses;
    }

    @Override
    public Map<String, ObjectKind> findObjectKinds(Collection<String> entryUuids) {
        Map<String, ObjectKind> kinds = new HashMap<>();
        if (entryUuids.isEmpty()) {
            return kinds;
        }
        MapSqlParameterSource p = new MapSqlParameterSource("ids", List.copyOf(entryUuids));
        named.query("SELECT entry_uuid FROM document_entry WHERE entry_uuid IN (:ids)", p,
                rs -> { kinds.put(rs.getString(1), ObjectKind.DOCUMENT_ENTRY); });
        named.query("SELECT entry_uuid FROM submission_set WHERE entry_uuid IN (:ids)", p,
                rs -> { kinds.put(rs.getString(1), ObjectKind.SUBMISSION_SET); });
        named.query("SELECT entry_uuid FROM folder WHERE entry_uuid IN (:ids)", p,
                rs -> { kinds.put(rs.getString(1), ObjectKind.FOLDER); });
        named.query("SELECT entry_uuid FROM registry_association WHERE entry_uuid IN (:ids)", p,
                rs -> { kinds.put(rs.getString(1), ObjectKind.ASSOCIATION); });
        return kinds;
    }

    @Override
    public Optional<DocumentContent> findContent(String documentUniqueId) {
        return jdbc.query("SELECT mime_type, content FROM document_content WHERE unique_id = ?", rs -> rs.next()
                ? Optional.of(new DocumentContent(documentUniqueId, rs.getString(1), rs.getBytes(2)))
                : Optional.<DocumentContent>empty(), documentUniqueId);
    }

    // ---------------------------------------------------------------- selections

    @Override
    public List<DocumentEntryRecord> findDocuments(DocumentCriteria c) {
        SqlFilter f = new SqlFilter("d").patient(c.patient()).in("entry_uuid", c.entryUuids())
                .in("unique_id", c.uniqueIds()).in("logical_uuid", c.logicalUuids()).statuses(c.statuses())
                .codes("class_code", c.classCodes()).codes("type_code", c.typeCodes())
                .codes("practice_setting_code", c.practiceSettingCodes())
                .codes("facility_type_code", c.healthcareFacilityTypeCodes()).codes("format_code", c.formatCodes())
                .codeGroups("CONFIDENTIALITY", c.confidentialityCodes()).codeGroups("EVENT", c.eventCodes())
                .timeRange("creation_time_ms", c.creationTime()).timeRange("service_start_time_ms", c.serviceStartTime())
                .timeRange("service_stop_time_ms", c.serviceStopTime()).authors(c.authorPersons())
                .textValues("REFERENCE_ID", c.referenceIds());
        if (c.onDemand() != null) {
            f.add("d.on_demand = " + f.param(c.onDemand()));
        }
        return select("document_entry d", f, limit(c.limit()), Children.ALL, JdbcRegistryRepository::document);
    }

    @Override
    public List<SubmissionSetRecord> findSubmissionSets(SubmissionSetCriteria c) {
        SqlFilter f = new SqlFilter("s").patient(c.patient()).in("entry_uuid", c.entryUuids())
                .in("unique_id", c.uniqueIds()).statuses(c.statuses()).in("source_id", c.sourceIds())
                .timeRange("submission_time_ms", c.submissionTime()).codes("content_type_code", c.contentTypeCodes())
                .authors(c.authorPerson() == null ? null : List.of(c.authorPerson()));
        return select("submission_set s", f, "", Children.AUTHORS_AND_TEXTS, JdbcRegistryRepository::submissionSet);
    }

    @Override
    public List<FolderRecord> findFolders(FolderCriteria c) {
        SqlFilter f = new SqlFilter("f").patient(c.patient()).in("entry_uuid", c.entryUuids())
                .in("unique_id", c.uniqueIds()).in("logical_uuid", c.logicalUuids()).statuses(c.statuses())
                .timeRange("last_update_time_ms", c.lastUpdateTime()).codeGroups("FOLDER", c.codes());
        return select("folder f", f, "", Children.CODES, JdbcRegistryRepository::folder);
    }

    @Override
    public List<AssociationRecord> findAssociations(AssociationCriteria c) {
        SqlFilter f = new SqlFilter("a").in("entry_uuid", c.entryUuids()).in("source_uuid", c.sourceUuids())
                .in("target_uuid", c.targetUuids()).statuses(c.statuses())
                .in("association_type", c.kinds() == null ? null : c.kinds().stream().map(AssociationKind::urn).toList());
        if (c.sourceOrTargetUuids() != null) {
            if (c.sourceOrTargetUuids().isEmpty()) {
                return List.of();
            }
            f.add("(a.source_uuid IN (" + f.param(c.sourceOrTargetUuids()) + ") OR a.target_uuid IN ("
                    + f.param(c.sourceOrTargetUuids()) + "))");
        }
        return select("registry_association a", f, "", Children.SLOTS_ONLY, JdbcRegistryRepository::association);
    }

    /** Which child tables an object type has (extra slots are always read). */
    private enum Children {
        ALL(true, true, true), AUTHORS_AND_TEXTS(false, true, true), CODES(true, false, false), SLOTS_ONLY(false, false, false);

        final boolean codes;
        final boolean authors;
        final boolean texts;

        Children(boolean codes, boolean authors, boolean texts) {
            this.codes = codes;
            this.authors = authors;
            this.texts = texts;
        }
    }

    /**
     * One selection: the rows of {@code table} ("name alias") that the filter keeps, in insertion
     * order, then their child rows in batches, then the records.
     */
    private <T> List<T> select(String table, SqlFilter f, String tail, Children children,
                               BiFunction<RowHolder, ChildRows, T> toRecord) {
        if (f.matchesNothing()) {
            return List.of();
        }
        String alias = table.substring(table.indexOf(' ') + 1);
        List<RowHolder> rows = new ArrayList<>();
        named.query("SELECT " + alias + ".* FROM " + table + f.where() + " ORDER BY " + alias + ".id" + tail, f.params(),
                rs -> { rows.add(RowHolder.of(rs)); });
        ChildRows loaded = ChildRows.load(named, rows.stream().map(h -> h.str("entry_uuid")).toList(),
                children.codes, children.authors, children.texts);
        return rows.stream().map(h -> toRecord.apply(h, loaded)).toList();
    }

    private static String limit(Integer limit) {
        return limit == null ? "" : " FETCH FIRST " + Math.max(0, limit) + " ROWS ONLY";
    }

    // ---------------------------------------------------------------- row -> record

    private static DocumentEntryRecord document(RowHolder h, ChildRows c) {
        String uuid = h.str("entry_uuid");
        return new DocumentEntryRecord(uuid, h.str("logical_uuid"), h.str("version"), h.str("unique_id"),
                h.str("home_community_id"), new PatientRef(h.str("patient_id"), h.str("patient_authority")),
                h.str("source_patient_id"), c.texts(uuid, "SOURCE_PATIENT_INFO"), h.bool("on_demand"),
                EntryStatus.valueOf(h.str("availability_status")), h.code("class_code"), h.code("type_code"),
                h.code("format_code"), h.code("facility_type_code"), h.code("practice_setting_code"),
                c.codes(uuid, "CONFIDENTIALITY"), c.codes(uuid, "EVENT"), h.str("creation_time"),
                h.str("service_start_time"), h.str("service_stop_time"), c.authors(uuid), h.str("title"),
                h.str("comments"), h.str("language_code"), h.str("mime_type"), h.str("hash"), h.lng("size"),
                h.str("repository_unique_id"), h.str("uri"), h.str("legal_authenticator"),
                c.texts(uuid, "REFERENCE_ID"), h.str("document_availability"), h.bool("limited_metadata"),
                c.slots(uuid));
    }

    private static SubmissionSetRecord submissionSet(RowHolder h, ChildRows c) {
        String uuid = h.str("entry_uuid");
        return new SubmissionSetRecord(uuid, h.str("unique_id"), h.str("source_id"), h.str("home_community_id"),
                new PatientRef(h.str("patient_id"), h.str("patient_authority")), h.str("submission_time"),
                h.code("content_type_code"), c.authors(uuid),
                c.texts(uuid, "INTENDED_RECIPIENT"), h.str("title"), h.str("comments"),
                EntryStatus.valueOf(h.str("availability_status")), h.bool("limited_metadata"), c.slots(uuid));
    }

    private static AssociationRecord association(RowHolder h, ChildRows c) {
        return new AssociationRecord(h.str("entry_uuid"), AssociationKind.fromUrn(h.str("association_type")),
                h.str("source_uuid"), h.str("target_uuid"), h.str("label"), h.str("previous_version"),
                h.str("original_status"), h.str("new_status"), (Boolean) h.get("association_propagation"),
                EntryStatus.valueOf(h.str("availability_status")), c.slots(h.str("entry_uuid")));
    }

    private static FolderRecord folder(RowHolder h, ChildRows c) {
        String uuid = h.str("entry_uuid");
        return new FolderRecord(uuid, h.str("logical_uuid"), h.str("version"), h.str("unique_id"),
                h.str("home_community_id"), new PatientRef(h.str("patient_id"), h.str("patient_authority")),
                c.codes(uuid, "FOLDER"), h.str("last_update_time"), h.str("title"), h.str("comments"),
                EntryStatus.valueOf(h.str("availability_status")), h.bool("limited_metadata"), c.slots(uuid));
    }

    /** One row read into a map (column labels lower-cased: H2 reports them upper-case). */
    private record RowHolder(Map<String, Object> values) {
        static RowHolder of(ResultSet rs) throws SQLException {
            var md = rs.getMetaData();
            Map<String, Object> v = new HashMap<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                v.put(md.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), rs.getObject(i));
            }
            return new RowHolder(v);
        }

        Object get(String column) {
            return values.get(column);
        }

        String str(String column) {
            Object o = values.get(column);
            return o == null ? null : o.toString();
        }

        boolean bool(String column) {
            return Boolean.TRUE.equals(values.get(column));
        }

        Long lng(String column) {
            Object o = values.get(column);
            return o == null ? null : ((Number) o).longValue();
        }

        /** A coded value from the columns prefix, prefix_system, prefix_display. */
        CodedValue code(String prefix) {
            String code = str(prefix);
            return code == null ? null : new CodedValue(code, str(prefix + "_system"), str(prefix + "_display"));
        }
    }
}
