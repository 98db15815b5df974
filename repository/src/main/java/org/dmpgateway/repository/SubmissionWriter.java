package org.dmpgateway.repository;

import org.dmpgateway.model.AssociationRecord;
import org.dmpgateway.model.AuthorInfo;
import org.dmpgateway.model.CodedValue;
import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.EntryStatus;
import org.dmpgateway.model.FolderRecord;
import org.dmpgateway.model.Submission;
import org.dmpgateway.model.SubmissionSetRecord;
import org.dmpgateway.model.SubmittedDocument;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The INSERTs and UPDATEs of one submission or metadata update, as JDBC batches: object rows
 * first (a new version of a stored document also writes its confidentiality codes into its older
 * versions' rows: {@link NewestConfidentiality}), then the child rows of all objects, then the
 * deprecations and folder time updates. A
 * metadata update ({@link #write(DocumentUpdateWrite)}) first changes the statuses it needs, each
 * guarded by the expected status, then inserts its objects with the same statements as a
 * submission. The caller runs one writer inside one transaction; the documents' contents are
 * published beside it ({@link ContentUpload}).
 */
final class SubmissionWriter {
    /** Position of the one row that records an extra slot given without values. */
    static final int EMPTY_SLOT_POSITION = -1;

    private static final String INSERT_SUBMISSION_SET = "INSERT INTO submission_set (entry_uuid, unique_id, source_id, "
            + "home_community_id, patient_id, patient_authority, submission_time, submission_time_ms, content_type_code, "
            + "content_type_code_system, content_type_code_display, title, comments, availability_status, limited_metadata, "
            + "patient_id_as_sent) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    private static final String INSERT_DOCUMENT_ENTRY = "INSERT INTO document_entry (entry_uuid, logical_uuid, version, "
            + "unique_id, home_community_id, patient_id, patient_authority, source_patient_id, on_demand, availability_status, "
            + "class_code, class_code_system, class_code_display, type_code, type_code_system, type_code_display, "
            + "format_code, format_code_system, format_code_display, facility_type_code, facility_type_code_system, "
            + "facility_type_code_display, practice_setting_code, practice_setting_code_system, practice_setting_code_display, "
            + "creation_time, creation_time_ms, service_start_time, service_start_time_ms, service_stop_time, "
            + "service_stop_time_ms, title, comments, language_code, mime_type, hash, size, repository_unique_id, uri, "
            + "legal_authenticator, document_availability, limited_metadata, submitter_id, patient_id_as_sent, "
            + "child_metadata, newest_confidentiality) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,"
            + "?,?,?,?,?,?,?,?,?,?,?)";
    /** A new version of a stored document: its confidentiality codes become the older versions' fact too. */
    private static final String UPDATE_OLDER_VERSIONS = "UPDATE document_entry SET newest_confidentiality = ? "
            + "WHERE logical_uuid = ? AND entry_uuid <> ?";
    private static final String INSERT_FOLDER = "INSERT INTO folder (entry_uuid, logical_uuid, version, unique_id, "
            + "home_community_id, patient_id, patient_authority, last_update_time, last_update_time_ms, title, comments, "
            + "availability_status, limited_metadata, patient_id_as_sent) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    private static final String INSERT_ASSOCIATION = "INSERT INTO association (entry_uuid, association_type, source_uuid, "
            + "target_uuid, label, previous_version, original_status, new_status, association_propagation, "
            + "availability_status) VALUES (?,?,?,?,?,?,?,?,?,?)";
    private static final String INSERT_CODE = "INSERT INTO coded_value (owner_uuid, kind, position, code, code_system, "
            + "display_name) VALUES (?,?,?,?,?,?)";
    private static final String INSERT_AUTHOR = "INSERT INTO author (owner_uuid, owner_kind, position, person, institutions, "
            + "roles, specialties, telecoms) VALUES (?,?,?,?,?,?,?,?)";
    private static final String INSERT_TEXT = "INSERT INTO text_value (owner_uuid, kind, position, val) VALUES (?,?,?,?)";
    private static final String UPDATE_STATUS_IF = "UPDATE document_entry SET availability_status = ? "
            + "WHERE entry_uuid = ? AND availability_status = ?";
    private static final String INSERT_SLOT = "INSERT INTO extra_slot (owner_uuid, owner_kind, name, position, val) "
            + "VALUES (?,?,?,?,?)";

    private final JdbcTemplate jdbc;
    private final List<Object[]> documents = new ArrayList<>();
    private final List<Object[]> olderVersions = new ArrayList<>();
    private final List<Object[]> folders = new ArrayList<>();
    private final List<Object[]> associations = new ArrayList<>();
    private final List<Object[]> codes = new ArrayList<>();
    private final List<Object[]> authors = new ArrayList<>();
    private final List<Object[]> texts = new ArrayList<>();
    private final List<Object[]> slots = new ArrayList<>();

    SubmissionWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void write(SubmissionWrite write) {
        insert(write.submission());
        batch("UPDATE document_entry SET availability_status = ? WHERE entry_uuid = ?", write.deprecatedEntryUuids().stream()
                .map(uuid -> new Object[]{EntryStatus.DEPRECATED.name(), uuid}).toList());
        batch("UPDATE folder SET last_update_time = ?, last_update_time_ms = ? WHERE entry_uuid = ?",
                write.folderLastUpdateTimes().entrySet().stream().map(f -> new Object[]{f.getValue(),
                        Hl7Instants.toEpochMillis(f.getValue()), f.getKey()}).toList());
    }

    /**
     * A metadata update: the guarded status changes first (they lock the rows a concurrent update
     * of the same documents would change), then the submission set, the new versions (without
     * content rows: a new metadata version keeps the content stored under its uniqueId) and the
     * associations.
     *
     * @throws ConflictingWriteException when an entry no longer has the status the core read
     */
    void write(DocumentUpdateWrite write) {
        for (DocumentUpdateWrite.StatusChange change : write.statusChanges()) {
            int changed = jdbc.update(UPDATE_STATUS_IF, change.newStatus().name(), change.entryUuid(),
                    change.expected().name());
            if (changed != 1) {
                throw new ConflictingWriteException("document entry " + change.entryUuid() + " is no longer "
                        + change.expected() + ": it was changed by another request meanwhile", null);
            }
        }
        if (write.submissionSet() != null) {
            insert(new Submission(write.submissionSet(),
                    write.newVersions().stream().map(e -> new SubmittedDocument(e, null)).toList(), List.of(),
                    write.associations()));
        }
    }

    /** The rows of the objects of a submission, as batches per table. */
    private void insert(Submission submission) {
        addSubmissionSet(submission.submissionSet());
        submission.documents().forEach(this::addDocument);
        submission.folders().forEach(this::addFolder);
        submission.associations().forEach(this::addAssociation);

        batch(INSERT_DOCUMENT_ENTRY, documents);
        batch(UPDATE_OLDER_VERSIONS, olderVersions);
        batch(INSERT_FOLDER, folders);
        batch(INSERT_ASSOCIATION, associations);
        batch(INSERT_CODE, codes);
        batch(INSERT_AUTHOR, authors);
        batch(INSERT_TEXT, texts);
        batch(INSERT_SLOT, slots);
    }

    private void addSubmissionSet(SubmissionSetRecord s) {
        jdbc.update(INSERT_SUBMISSION_SET, s.entryUuid(), s.uniqueId(), s.sourceId(), s.homeCommunityId(),
                s.patientId().id(), s.patientId().authority(), s.submissionTime(), Hl7Instants.toEpochMillis(s.submissionTime()),
                code(s.contentTypeCode()), system(s.contentTypeCode()), display(s.contentTypeCode()),
                s.title(), s.comments(), s.availabilityStatus().name(), s.limitedMetadata(), s.patientIdAsSent());
        addAuthors(s.entryUuid(), ObjectKind.SUBMISSION_SET, s.authors());
        addTexts(s.entryUuid(), ValueKind.INTENDED_RECIPIENT, s.intendedRecipients());
        addSlots(s.entryUuid(), ObjectKind.SUBMISSION_SET, s.extraMetadata());
    }

    private void addDocument(SubmittedDocument d) {
        DocumentEntryRecord e = d.entry();
        documents.add(new Object[]{e.entryUuid(), e.logicalUuid(), e.version(), e.uniqueId(), e.homeCommunityId(),
                e.patientId().id(), e.patientId().authority(), e.sourcePatientId(), e.onDemand(),
                e.availabilityStatus().name(),
                code(e.classCode()), system(e.classCode()), display(e.classCode()),
                code(e.typeCode()), system(e.typeCode()), display(e.typeCode()),
                code(e.formatCode()), system(e.formatCode()), display(e.formatCode()),
                code(e.healthcareFacilityTypeCode()), system(e.healthcareFacilityTypeCode()), display(e.healthcareFacilityTypeCode()),
                code(e.practiceSettingCode()), system(e.practiceSettingCode()), display(e.practiceSettingCode()),
                e.creationTime(), Hl7Instants.toEpochMillis(e.creationTime()),
                e.serviceStartTime(), Hl7Instants.toEpochMillis(e.serviceStartTime()),
                e.serviceStopTime(), Hl7Instants.toEpochMillis(e.serviceStopTime()),
                e.title(), e.comments(), e.languageCode(), e.mimeType(), e.hash(), e.size(), e.repositoryUniqueId(),
                e.uri(), e.legalAuthenticator(), e.documentAvailability(), e.limitedMetadata(), e.submitterId(),
                e.patientIdAsSent(), EntryMetadataColumn.write(new EntryMetadataColumn.Lists(e.confidentialityCodes(),
                        e.eventCodes(), e.authors(), e.sourcePatientInfo(), e.referenceIds(), e.extraMetadata())),
                NewestConfidentiality.write(e.confidentialityCodes())});
        if (e.logicalUuid() != null && !e.logicalUuid().equals(e.entryUuid())) {
            olderVersions.add(new Object[]{NewestConfidentiality.write(e.confidentialityCodes()), e.logicalUuid(),
                    e.entryUuid()});
        }
        addCodes(e.entryUuid(), ValueKind.CONFIDENTIALITY, e.confidentialityCodes());
        addCodes(e.entryUuid(), ValueKind.EVENT, e.eventCodes());
        addAuthors(e.entryUuid(), ObjectKind.DOCUMENT_ENTRY, e.authors());
        addTexts(e.entryUuid(), ValueKind.SOURCE_PATIENT_INFO, e.sourcePatientInfo());
        addTexts(e.entryUuid(), ValueKind.REFERENCE_ID, e.referenceIds());
        addSlots(e.entryUuid(), ObjectKind.DOCUMENT_ENTRY, e.extraMetadata());
    }

    private void addFolder(FolderRecord f) {
        folders.add(new Object[]{f.entryUuid(), f.logicalUuid(), f.version(), f.uniqueId(), f.homeCommunityId(),
                f.patientId().id(), f.patientId().authority(), f.lastUpdateTime(), Hl7Instants.toEpochMillis(f.lastUpdateTime()),
                f.title(), f.comments(), f.availabilityStatus().name(), f.limitedMetadata(), f.patientIdAsSent()});
        addCodes(f.entryUuid(), ValueKind.FOLDER, f.codes());
        addSlots(f.entryUuid(), ObjectKind.FOLDER, f.extraMetadata());
    }

    private void addAssociation(AssociationRecord a) {
        associations.add(new Object[]{a.entryUuid(), a.kind().urn(), a.sourceUuid(), a.targetUuid(), a.label(),
                a.previousVersion(), a.originalStatus(), a.newStatus(), a.associationPropagation(),
                a.availabilityStatus().name()});
        addSlots(a.entryUuid(), ObjectKind.ASSOCIATION, a.extraMetadata());
    }

    private void addCodes(String owner, ValueKind kind, List<CodedValue> values) {
        for (int i = 0; i < values.size(); i++) {
            CodedValue c = values.get(i);
            codes.add(new Object[]{owner, kind.name(), i, c.code(), c.codeSystem(), c.displayName()});
        }
    }

    private void addAuthors(String owner, ObjectKind ownerKind, List<AuthorInfo> values) {
        for (int i = 0; i < values.size(); i++) {
            AuthorInfo a = values.get(i);
            authors.add(new Object[]{owner, ownerKind.name(), i, a.person(), JsonLists.write(a.institutions()),
                    JsonLists.write(a.roles()), JsonLists.write(a.specialties()), JsonLists.write(a.telecoms())});
        }
    }

    private void addTexts(String owner, ValueKind kind, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            texts.add(new Object[]{owner, kind.name(), i, values.get(i)});
        }
    }

    private void addSlots(String owner, ObjectKind ownerKind, Map<String, List<String>> extra) {
        extra.forEach((name, values) -> {
            if (values == null || values.isEmpty()) {
                slots.add(new Object[]{owner, ownerKind.name(), name, EMPTY_SLOT_POSITION, null});
                return;
            }
            for (int i = 0; i < values.size(); i++) {
                slots.add(new Object[]{owner, ownerKind.name(), name, i, values.get(i)});
            }
        });
    }

    private void batch(String sql, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows);
        }
    }

    private static String code(CodedValue c) {
        return c == null ? null : c.code();
    }

    private static String system(CodedValue c) {
        return c == null ? null : c.codeSystem();
    }

    private static String display(CodedValue c) {
        return c == null ? null : c.displayName();
    }
}
