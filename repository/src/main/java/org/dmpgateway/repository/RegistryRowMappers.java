package org.dmpgateway.repository;

import org.dmpgateway.model.AssociationKind;
import org.dmpgateway.model.AssociationRecord;
import org.dmpgateway.model.CodedValue;
import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.EntryStatus;
import org.dmpgateway.model.FolderRecord;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.SubmissionSetRecord;
import org.springframework.jdbc.core.RowMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Function;

/**
 * One row mapper per object table. A row alone does not make a record (its lists live in child
 * tables), so each mapper reads the row's columns into a {@link Pending} record that is completed
 * once the child rows of all hits are loaded.
 */
final class RegistryRowMappers {
    private RegistryRowMappers() {
    }

    /**
     * The columns of one object row, waiting for its child rows; a row that carries its lists
     * itself (a document entry's {@code child_metadata}) needs none ({@code needsChildRows} false).
     */
    record Pending<T>(String entryUuid, boolean needsChildRows, Function<ChildRows, T> complete) {
        Pending(String entryUuid, Function<ChildRows, T> complete) {
            this(entryUuid, true, complete);
        }
    }

    static final RowMapper<Pending<DocumentEntryRecord>> DOCUMENT_ENTRY = (rs, n) -> {
        String uuid = rs.getString("entry_uuid");
        DocumentEntryRecord columns = DocumentEntryRecord.builder()
                .entryUuid(uuid)
                .logicalUuid(rs.getString("logical_uuid"))
                .version(rs.getString("version"))
                .uniqueId(rs.getString("unique_id"))
                .homeCommunityId(rs.getString("home_community_id"))
                .patientId(patient(rs))
                .sourcePatientId(rs.getString("source_patient_id"))
                .onDemand(rs.getBoolean("on_demand"))
                .availabilityStatus(status(rs))
                .classCode(code(rs, "class_code"))
                .typeCode(code(rs, "type_code"))
                .formatCode(code(rs, "format_code"))
                .healthcareFacilityTypeCode(code(rs, "facility_type_code"))
                .practiceSettingCode(code(rs, "practice_setting_code"))
                .creationTime(rs.getString("creation_time"))
                .serviceStartTime(rs.getString("service_start_time"))
                .serviceStopTime(rs.getString("service_stop_time"))
                .title(rs.getString("title"))
                .comments(rs.getString("comments"))
                .languageCode(rs.getString("language_code"))
                .mimeType(rs.getString("mime_type"))
                .hash(rs.getString("hash"))
                .size(rs.getObject("size", Long.class))
                .repositoryUniqueId(rs.getString("repository_unique_id"))
                .uri(rs.getString("uri"))
                .legalAuthenticator(rs.getString("legal_authenticator"))
                .documentAvailability(rs.getString("document_availability"))
                .limitedMetadata(rs.getBoolean("limited_metadata"))
                .submitterId(rs.getString("submitter_id"))
                .patientIdAsSent(rs.getString("patient_id_as_sent"))
                .build();
        String childMetadata = rs.getString("child_metadata");
        Function<EntryMetadataColumn.Lists, DocumentEntryRecord> record = l -> columns.toBuilder()
                .sourcePatientInfo(l.sourcePatientInfo())
                .confidentialityCodes(l.confidentiality())
                .eventCodes(l.events())
                .authors(l.authors())
                .referenceIds(l.referenceIds())
                .extraMetadata(l.slots())
                .build();
        if (childMetadata != null) {
            DocumentEntryRecord complete = record.apply(EntryMetadataColumn.read(childMetadata));
            return new Pending<>(uuid, false, c -> complete);
        }
        return new Pending<>(uuid, c -> record.apply(entryLists(c, uuid)));
    };

    /** A document entry's lists from the child tables (an entry stored without its metadata column). */
    static EntryMetadataColumn.Lists entryLists(ChildRows c, String uuid) {
        return new EntryMetadataColumn.Lists(c.codes(uuid, ValueKind.CONFIDENTIALITY), c.codes(uuid, ValueKind.EVENT),
                c.authors(uuid), c.texts(uuid, ValueKind.SOURCE_PATIENT_INFO), c.texts(uuid, ValueKind.REFERENCE_ID),
                c.slots(uuid));
    }

    static final RowMapper<Pending<SubmissionSetRecord>> SUBMISSION_SET = (rs, n) -> {
        String uuid = rs.getString("entry_uuid");
        String uniqueId = rs.getString("unique_id");
        String sourceId = rs.getString("source_id");
        String homeCommunityId = rs.getString("home_community_id");
        PatientRef patient = patient(rs);
        String submissionTime = rs.getString("submission_time");
        CodedValue contentTypeCode = code(rs, "content_type_code");
        String title = rs.getString("title");
        String comments = rs.getString("comments");
        EntryStatus status = status(rs);
        boolean limitedMetadata = rs.getBoolean("limited_metadata");
        String patientIdAsSent = rs.getString("patient_id_as_sent");
        return new Pending<>(uuid, c -> new SubmissionSetRecord(uuid, uniqueId, sourceId, homeCommunityId, patient,
                submissionTime, contentTypeCode, c.authors(uuid), c.texts(uuid, ValueKind.INTENDED_RECIPIENT), title,
                comments, status, limitedMetadata, c.slots(uuid), patientIdAsSent));
    };

    static final RowMapper<Pending<FolderRecord>> FOLDER = (rs, n) -> {
        String uuid = rs.getString("entry_uuid");
        String logicalUuid = rs.getString("logical_uuid");
        String version = rs.getString("version");
        String uniqueId = rs.getString("unique_id");
        String homeCommunityId = rs.getString("home_community_id");
        PatientRef patient = patient(rs);
        String lastUpdateTime = rs.getString("last_update_time");
        String title = rs.getString("title");
        String comments = rs.getString("comments");
        EntryStatus status = status(rs);
        boolean limitedMetadata = rs.getBoolean("limited_metadata");
        String patientIdAsSent = rs.getString("patient_id_as_sent");
        return new Pending<>(uuid, c -> new FolderRecord(uuid, logicalUuid, version, uniqueId, homeCommunityId, patient,
                c.codes(uuid, ValueKind.FOLDER), lastUpdateTime, title, comments, status, limitedMetadata, c.slots(uuid),
                patientIdAsSent));
    };

    static final RowMapper<Pending<AssociationRecord>> ASSOCIATION = (rs, n) -> {
        String uuid = rs.getString("entry_uuid");
        AssociationKind kind = AssociationKind.fromUrn(rs.getString("association_type"));
        String source = rs.getString("source_uuid");
        String target = rs.getString("target_uuid");
        String label = rs.getString("label");
        String previousVersion = rs.getString("previous_version");
        String originalStatus = rs.getString("original_status");
        String newStatus = rs.getString("new_status");
        Boolean propagation = rs.getObject("association_propagation", Boolean.class);
        EntryStatus status = status(rs);
        return new Pending<>(uuid, c -> new AssociationRecord(uuid, kind, source, target, label, previousVersion,
                originalStatus, newStatus, propagation, status, c.slots(uuid)));
    };

    private static PatientRef patient(ResultSet rs) throws SQLException {
        return new PatientRef(rs.getString("patient_id"), rs.getString("patient_authority"));
    }

    private static EntryStatus status(ResultSet rs) throws SQLException {
        return EntryStatus.valueOf(rs.getString("availability_status"));
    }

    /** A coded value from the columns prefix, prefix_system, prefix_display (null when no code). */
    private static CodedValue code(ResultSet rs, String prefix) throws SQLException {
        String code = rs.getString(prefix);
        return code == null ? null : new CodedValue(code, rs.getString(prefix + "_system"), rs.getString(prefix + "_display"));
    }
}
