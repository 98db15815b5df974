package org.dmpgateway.repository;

import org.dmpgateway.model.AssociationKind;
import org.dmpgateway.model.AssociationRecord;
import org.dmpgateway.model.DocumentContent;
import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.FolderRecord;
import org.dmpgateway.model.SubmissionSetRecord;
import org.dmpgateway.model.SubmittedDocument;
import org.dmpgateway.model.query.AssociationCriteria;
import org.dmpgateway.model.query.DocumentCriteria;
import org.dmpgateway.model.query.DocumentCursor;
import org.dmpgateway.model.query.FolderCriteria;
import org.dmpgateway.model.query.SubmissionSetCriteria;
import org.dmpgateway.repository.RegistryRowMappers.Pending;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * {@link RegistryRepository} on JDBC: H2 or PostgreSQL, same schema from the Flyway migrations
 * under {@code db/migration}.
 *
 * <p>A submission, or a metadata update, is written in one transaction ({@link SubmissionWriter}),
 * which joins the caller's transaction when there is one. A selection is one
 * SQL query with the criteria in its WHERE clause ({@link SqlSelect}), in insertion order; the
 * child rows of the hits that do not carry their lists in their own row (a document entry carries
 * them in {@code child_metadata}: {@link EntryMetadataColumn}) are then loaded with one query per
 * child table ({@link ChildRows}) and the records rebuilt ({@link RegistryRowMappers}).
 */
public class JdbcRegistryRepository implements RegistryRepository {
    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate tx;
    private final PlatformTransactionManager transactionManager;
    private final DataSource dataSource;

    public JdbcRegistryRepository(DataSource dataSource, PlatformTransactionManager transactionManager) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.tx = new TransactionTemplate(transactionManager);
        this.transactionManager = transactionManager;
    }

    // ---------------------------------------------------------------- writes

    /** The contents the documents carry are staged first ({@link ContentUpload}), then published with the rows. */
    @Override
    public void storeSubmission(SubmissionWrite write) {
        try (ContentUpload upload = openContentUpload()) {
            Map<SubmittedDocument, StagedContent> staged = new LinkedHashMap<>();
            for (SubmittedDocument d : write.submission().documents()) {
                if (d.content() != null) {
                    try (InputStream in = d.content().open()) {
                        staged.put(d, upload.stage(in));
                    } catch (IOException e) {
                        throw new UncheckedIOException("the content of document " + d.entry().uniqueId()
                                + " cannot be read", e);
                    }
                }
            }
            tx.executeWithoutResult(status -> {
                staged.forEach((d, content) -> upload.publish(d.entry().uniqueId(), d.entry().mimeType(), content));
                new SubmissionWriter(jdbc).write(write);
            });
        } catch (DuplicateKeyException e) {
            throw new ConflictingWriteException("submission set " + write.submission().submissionSet().uniqueId()
                    + " conflicts with an object stored meanwhile", e);
        }
    }

    @Override
    public void storeDocumentUpdate(DocumentUpdateWrite write) {
        try {
            tx.executeWithoutResult(status -> new SubmissionWriter(jdbc).write(write));
        } catch (DuplicateKeyException | ConcurrencyFailureException e) {
            throw new ConflictingWriteException("metadata update "
                    + (write.submissionSet() == null ? "" : "of submission set " + write.submissionSet().uniqueId() + " ")
                    + "conflicts with a change stored meanwhile", e);
        }
    }

    // ---------------------------------------------------------------- lookups

    /**
     * One statement for the three tables whose objects carry a uniqueId (a submission checks its
     * uniqueIds once, not once per table): document entries first, then submission sets, then
     * folders, each in insertion order. The ids are bound as arrays ({@link SqlArrays}).
     */
    @Override
    public List<UniqueIdUse> findUniqueIdUses(Collection<String> uniqueIds) {
        return findIdentifierUses(uniqueIds, List.of()).uniqueIds();
    }

    /** The uses of these uniqueIds: kind (0, 1, 2 of {@link #UNIQUE_ID_KINDS}), id, unique_id, entry_uuid, hash. */
    private static String uniqueIdUses(List<String> ids, MapSqlParameterSource p) {
        return "SELECT 0 AS kind, id, unique_id, entry_uuid, hash FROM document_entry WHERE "
                + SqlArrays.anyOf("unique_id", ids, param(p))
                + " UNION ALL SELECT 1, id, unique_id, entry_uuid, NULL FROM submission_set WHERE "
                + SqlArrays.anyOf("unique_id", ids, param(p))
                + " UNION ALL SELECT 2, id, unique_id, entry_uuid, NULL FROM folder WHERE "
                + SqlArrays.anyOf("unique_id", ids, param(p));
    }

    /** The kinds {@link #findUniqueIdUses} numbers 0, 1, 2. */
    private static final List<ObjectKind> UNIQUE_ID_KINDS = List.of(ObjectKind.DOCUMENT_ENTRY, ObjectKind.SUBMISSION_SET,
            ObjectKind.FOLDER);

    /**
     * One statement for the four tables of registry objects, in the order of {@link ObjectKind}; the
     * ids bound as arrays ({@link SqlArrays}).
     */
    @Override
    public Map<String, ObjectKind> findObjectKinds(Collection<String> entryUuids) {
        return findIdentifierUses(List.of(), entryUuids).entryUuids();
    }

    /** The objects these entryUUIDs name: kind (the {@link ObjectKind} ordinal), entry_uuid. */
    private static String objectKinds(List<String> ids, MapSqlParameterSource p) {
        StringBuilder sql = new StringBuilder();
        for (ObjectKind kind : ObjectKind.values()) {
            sql.append(sql.isEmpty() ? "" : " UNION ALL ").append("SELECT ").append(kind.ordinal())
                    .append(" AS kind, entry_uuid FROM ").append(SqlSelect.table(kind)).append(" WHERE ")
                    .append(SqlArrays.anyOf("entry_uuid", ids, param(p)));
        }
        return sql.toString();
    }

    /**
     * The two lookups as one statement: the rows of the uniqueIds' uses (first column 0) then the
     * entryUUIDs' objects (1), each in the order of its kinds; a part with no id is left out.
     */
    @Override
    public IdentifierUses findIdentifierUses(Collection<String> uniqueIds, Collection<String> entryUuids) {
        List<UniqueIdUse> uses = new ArrayList<>();
        Map<String, ObjectKind> kinds = new LinkedHashMap<>();
        if (uniqueIds.isEmpty() && entryUuids.isEmpty()) {
            return new IdentifierUses(uses, kinds);
        }
        MapSqlParameterSource p = new MapSqlParameterSource();
        List<String> parts = new ArrayList<>();
        if (!uniqueIds.isEmpty()) {
            parts.add("SELECT 0 AS part, kind, id, unique_id, entry_uuid, hash FROM ("
                    + uniqueIdUses(List.copyOf(uniqueIds), p) + ") u");
        }
        if (!entryUuids.isEmpty()) {
            parts.add("SELECT 1 AS part, kind, CAST(NULL AS BIGINT), CAST(NULL AS VARCHAR), entry_uuid, CAST(NULL AS VARCHAR) FROM ("
                    + objectKinds(List.copyOf(entryUuids), p) + ") k");
        }
        named.query(String.join(" UNION ALL ", parts) + " ORDER BY 1, 2, 3", p, rs -> {
            if (rs.getInt(1) == 0) {
                uses.add(new UniqueIdUse(rs.getString(4), UNIQUE_ID_KINDS.get(rs.getInt(2)), rs.getString(5),
                        rs.getString(6)));
            } else {
                kinds.put(rs.getString(5), ObjectKind.values()[rs.getInt(2)]);
            }
        });
        return new IdentifierUses(uses, kinds);
    }

    /** Binds a value in {@code params} under the next free name and gives its placeholder. */
    private static Function<Object, String> param(MapSqlParameterSource params) {
        return value -> {
            String name = "p" + params.getValues().size();
            params.addValue(name, value);
            return ":" + name;
        };
    }

    @Override
    public ContentUpload openContentUpload() {
        return new ContentUpload(jdbc, transactionManager);
    }

    @Override
    public int discardUploadsUntouchedSince(long cutoffMillis) {
        return ContentUpload.discardUntouchedSince(jdbc, transactionManager, cutoffMillis);
    }

    @Override
    public Optional<DocumentContent> findContent(String documentUniqueId) {
        return jdbc.query("SELECT mime_type, size, content_id FROM document_content WHERE unique_id = ?",
                (rs, n) -> {
                    long size = rs.getLong("size");
                    String contentId = rs.getString("content_id");
                    return new DocumentContent(documentUniqueId, rs.getString("mime_type"), size,
                            () -> new ContentChunks(jdbc).read(contentId, size));
                }, documentUniqueId).stream().findFirst();
    }

    // ---------------------------------------------------------------- selections

    @Override
    public List<DocumentEntryRecord> findDocuments(DocumentCriteria c) {
        SqlSelect select = documentSelection(c).page(c.offset(), c.limit());
        return select(ObjectKind.DOCUMENT_ENTRY, select, RegistryRowMappers.DOCUMENT_ENTRY);
    }

    @Override
    public List<DocumentKey> findDocumentKeys(DocumentCriteria c) {
        SqlSelect select = documentSelection(c).page(c.offset(), c.limit());
        if (select.matchesNothing()) {
            return List.of();
        }
        return named.query(select.sql("d.id, d.entry_uuid, d.unique_id"), select.params(),
                (rs, n) -> new DocumentKey(rs.getLong(1), rs.getString(2), rs.getString(3)));
    }

    /**
     * One statement, the row ids as one array parameter ({@code d.id = ANY(?)}): PostgreSQL and H2
     * both look each id up in the primary key, whose order is the keys' (insertion order), so the
     * rows need no sort and no criterion is evaluated again.
     */
    @Override
    public DocumentCursor openDocuments(List<DocumentKey> keys) {
        if (keys.isEmpty()) {
            return DocumentCursor.of(List.of());
        }
        return JdbcDocumentCursor.open(dataSource, "SELECT d.* FROM document_entry d WHERE d.id = ANY(?) ORDER BY d.id",
                keys.stream().map(DocumentKey::id).toArray(Long[]::new));
    }

    @Override
    public long countDocuments(DocumentCriteria c) {
        SqlSelect select = documentSelection(c);
        if (select.matchesNothing()) {
            return 0;
        }
        Long count = named.queryForObject(select.countSql(), select.params(), Long.class);
        return count == null ? 0 : count;
    }

    /** The document entries the criteria select, visibility included; without offset and limit. */
    private static SqlSelect documentSelection(DocumentCriteria c) {
        return new SqlSelect(ObjectKind.DOCUMENT_ENTRY).patient(c.patient())
                .in("entry_uuid", c.entryUuids()).in("unique_id", c.uniqueIds()).in("logical_uuid", c.logicalUuids())
                .statuses(c.statuses())
                .codes("class_code", c.classCodes()).codes("type_code", c.typeCodes())
                .codes("practice_setting_code", c.practiceSettingCodes())
                .codes("facility_type_code", c.healthcareFacilityTypeCodes()).codes("format_code", c.formatCodes())
                .codeGroups(ValueKind.CONFIDENTIALITY, c.confidentialityCodes())
                .codeGroups(ValueKind.EVENT, c.eventCodes())
                .timeRange("creation_time_ms", c.creationTime())
                .timeRange("service_start_time_ms", c.serviceStartTime())
                .timeRange("service_stop_time_ms", c.serviceStopTime())
                .authorPersons(c.authorPersons()).equalTo("on_demand", c.onDemand())
                .textValues(ValueKind.REFERENCE_ID, c.referenceIds()).visibility(c.visibility());
    }

    @Override
    public List<SubmissionSetRecord> findSubmissionSets(SubmissionSetCriteria c) {
        SqlSelect select = new SqlSelect(ObjectKind.SUBMISSION_SET).patient(c.patient())
                .in("entry_uuid", c.entryUuids()).in("unique_id", c.uniqueIds()).statuses(c.statuses())
                .in("source_id", c.sourceIds()).timeRange("submission_time_ms", c.submissionTime())
                .authorPersons(c.authorPerson() == null ? null : List.of(c.authorPerson()))
                .codes("content_type_code", c.contentTypeCodes());
        return select(ObjectKind.SUBMISSION_SET, select, RegistryRowMappers.SUBMISSION_SET);
    }

    @Override
    public List<FolderRecord> findFolders(FolderCriteria c) {
        SqlSelect select = new SqlSelect(ObjectKind.FOLDER).patient(c.patient())
                .in("entry_uuid", c.entryUuids()).in("unique_id", c.uniqueIds()).in("logical_uuid", c.logicalUuids())
                .statuses(c.statuses()).timeRange("last_update_time_ms", c.lastUpdateTime())
                .codeGroups(ValueKind.FOLDER, c.codes());
        return select(ObjectKind.FOLDER, select, RegistryRowMappers.FOLDER);
    }

    @Override
    public List<AssociationRecord> findAssociations(AssociationCriteria c) {
        return select(ObjectKind.ASSOCIATION, associationSelect(c), RegistryRowMappers.ASSOCIATION);
    }

    /**
     * The selection of {@link #findAssociations}. The kinds are bound as an array when the ends are:
     * the indexes on the ends are {@code (source_uuid, association_type)} and {@code (target_uuid,
     * association_type)}, and H2 scans the whole index for {@code source_uuid = ANY(?) AND
     * association_type = ?} ({@link SqlArrays#arraysOf}; an ITI-66 search of a patient with 1,000
     * documents timed out on H2 at 1,000,000 documents, docs/performance.md, stop 33).
     */
    static SqlSelect associationSelect(AssociationCriteria c) {
        List<String> kinds = c.kinds() == null ? null : c.kinds().stream().map(AssociationKind::urn).toList();
        boolean endsInArrays = Stream.of(c.entryUuids(), c.sourceOrTargetUuids(), c.sourceUuids(), c.targetUuids())
                .anyMatch(SqlArrays::bindsArrays);
        SqlSelect select = new SqlSelect(ObjectKind.ASSOCIATION)
                .in("entry_uuid", c.entryUuids()).sourceOrTarget(c.sourceOrTargetUuids())
                .in("source_uuid", c.sourceUuids()).in("target_uuid", c.targetUuids());
        return (endsInArrays ? select.inArrays("association_type", kinds) : select.in("association_type", kinds))
                .statuses(c.statuses());
    }

    /** Runs the selection, loads the child rows of all hits, completes the records (stored order). */
    private <T> List<T> select(ObjectKind kind, SqlSelect select, RowMapper<Pending<T>> mapper) {
        if (select.matchesNothing()) {
            return List.of();
        }
        List<Pending<T>> rows = named.query(select.sql(), select.params(), mapper);
        ChildRows children = ChildRows.load(named, kind,
                rows.stream().filter(Pending::needsChildRows).map(Pending::entryUuid).toList());
        return rows.stream().map(row -> row.complete().apply(children)).toList();
    }
}
