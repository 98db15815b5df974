package org.dmpgateway.repository;

import org.dmpgateway.mappings.model.AssociationRecord;
import org.dmpgateway.mappings.model.AuthorInfo;
import org.dmpgateway.mappings.model.CodedValue;
import org.dmpgateway.mappings.model.DocumentEntryRecord;
import org.dmpgateway.mappings.model.EntryStatus;
import org.dmpgateway.mappings.model.FolderRecord;
import org.dmpgateway.mappings.model.SubmissionSetRecord;
import org.dmpgateway.mappings.model.SubmittedDocument;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The INSERTs and UPDATEs of one submission; the caller runs them in one transaction. */
final class SubmissionWriter {
    private final JdbcTemplate jdbc;
    private final List<Object[]> codes = new ArrayList<>();
    private final List<Object[]> authors = new ArrayList<>();
    private final List<Object[]> texts = new ArrayList<>();
    private final List<Object[]> slots = new ArrayList<>();

    SubmissionWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void write(SubmissionWrite write) {
        var s = write.submission();
        insertSubmissionSet(s.submissionSet());
        insertDocuments(s.documents());
        insertFolders(s.folders());
        insertAssociations(s.associations());
        flushChildren();
        for (String uuid : write.deprecatedEntryUuids()) {
            jdbc.update("UPDATE document_entry SET availability_status = ? WHERE entry_uuid = ?", EntryStatus.DEPRECATED.name(), uuid);
        }
        for (Map.Entry<String, String> f : write.folderLastUpdateTimes().entrySet()) {
            jdbc.update("UPDATE folder SET last_update_time = ?, last_update_time_ms = ? WHERE entry_uuid = ?",
                    f.getValue(), Hl7Instants.toEpochMillis(f.getValue()), f.getKey());
        }
    }

    private void insertSubmissionSet(SubmissionSetRecord set) {
        jdbc.update("INSERT INTO submission_set (entry_uuid, unique_id, source_id, home_community_id, patient_id, "
                        + "patient_authority, submission_time, submission_time_ms, content_type_code, content_type_code_system, "
                        + "content_type_code_display, title, comments, availability_status, limited_metadata) "
                        + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                set.entryUuid(), set.uniqueId(), set.sourceId(), set.homeCommunityId(), set.patientId().id(),
                set.patientId().authority(), set.submissionTime(), Hl7Instants.toEpochMillis(set.submissionTime()),
                code(set.contentTypeCode()), system(set.contentTypeCode()), display(set.contentTypeCode()),
                set.title(), set.comments(), set.availabilityStatus().name(), set.limitedMetadata());
        authors(set.entryUuid(), set.authors());
        texts(set.entryUuid(), "INTENDED_RECIPIENT", set.intendedRecipients());
        slots(set.entryUuid(), set.extraMetadata());
    }

    private void insertDocuments(List<SubmittedDocument> documents) {
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> contents = new ArrayList<>();
        for (SubmittedDocument d : documents) {
            DocumentEntryRecord e = d.entry();
            rows.add(new Object[]{e.entryUuid(), e.logicalUuid(), e.version(), e.uniqueId(), e.homeCommunityId(),
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
                    e.uri(), e.legalAuthenticator(), e.documentAvailability(), e.limitedMetadata()});
            codes(e.entryUuid(), "CONFIDENTIALITY", e.confidentialityCodes());
            codes(e.entryUuid(), "EVENT", e.eventCodes());
            authors(e.entryUuid(), e.authors());
            texts(e.entryUuid(), "SOURCE_PATIENT_INFO", e.sourcePatientInfo());
            texts(e.entryUuid(), "REFERENCE_ID", e.referenceIds());
            slots(e.entryUuid(), e.extraMetadata());
            if (d.content() != null) {
                contents.add(new Object[]{e.uniqueId(), e.mimeType(), d.content()});
            }
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO document_entry (entry_uuid, logical_uuid, version, unique_id, home_community_id, "
                    + "patient_id, patient_authority, source_patient_id, on_demand, availability_status, "
                    + "class_code, class_code_system, class_code_display, type_code, type_code_system, type_code_display, "
                    + "format_code, format_code_system, format_code_display, facility_type_code, facility_type_code_system, "
                    + "facility_type_code_display, practice_setting_code, practice_setting_code_system, practice_setting_code_display, "
                    + "creation_time, creation_time_ms, service_start_time, service_start_time_ms, service_stop_time, "
                    + "service_stop_time_ms, title, comments, language_code, mime_type, hash, size, repository_unique_id, uri, "
                    + "legal_authenticator, document_availability, limited_metadata) "
                    + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows);
        }
        if (!contents.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO document_content (unique_id, mime_type, content) VALUES (?,?,?)", contents);
        }
    }

    private void insertFolders(List<FolderRecord> folders) {
        for (FolderRecord f : folders) {
            jdbc.update("INSERT INTO folder (entry_uuid, logical_uuid, version, unique_id, home_community_id, patient_id, "
                            + "patient_authority, last_update_time, last_update_time_ms, title, comments, availability_status, "
                            + "limited_metadata) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    f.entryUuid(), f.logicalUuid(), f.version(), f.uniqueId(), f.homeCommunityId(), f.patientId().id(),
                    f.patientId().authority(), f.lastUpdateTime(), Hl7Instants.toEpochMillis(f.lastUpdateTime()),
                    f.title(), f.comments(), f.availabilityStatus().name(), f.limitedMetadata());
            codes(f.entryUuid(), "FOLDER", f.codes());
            slots(f.entryUuid(), f.extraMetadata());
        }
    }

    private void insertAssociations(List<AssociationRecord> associations) {
        List<Object[]> rows = new ArrayList<>();
        for (AssociationRecord a : associations) {
            rows.add(new Object[]{a.entryUuid(), a.kind().urn(), a.sourceUuid(), a.targetUuid(), a.label(),
                    a.previousVersion(), a.originalStatus(), a.newStatus(), a.associationPropagation(),
                    a.availabilityStatus().name()});
            slots(a.entryUuid(), a.extraMetadata());
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO registry_association (entry_uuid, association_type, source_uuid, target_uuid, "
                    + "label, previous_version, original_status, new_status, association_propagation, availability_status) "
                    + "VALUES (?,?,?,?,?,?,?,?,?,?)", rows);
        }
    }

    private void codes(String owner, String kind, List<CodedValue> values) {
        for (int i = 0; i < values.size(); i++) {
            CodedValue c = values.get(i);
            codes.add(new Object[]{owner, kind, i, c.code(), c.codeSystem(), c.displayName()});
        }
    }

    private void authors(String owner, List<AuthorInfo> values) {
        for (int i = 0; i < values.size(); i++) {
            AuthorInfo a = values.get(i);
            authors.add(new Object[]{owner, i, a.person(), JsonLists.write(a.institutions()), JsonLists.write(a.roles()),
                    JsonLists.write(a.specialties()), JsonLists.write(a.telecoms())});
        }
    }

    private void texts(String owner, String kind, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            texts.add(new Object[]{owner, kind, i, values.get(i)});
        }
    }

    private void slots(String owner, Map<String, List<String>> extra) {
        extra.forEach((name, values) -> {
            for (int i = 0; i < values.size(); i++) {
                slots.add(new Object[]{owner, name, i, values.get(i)});
            }
        });
    }

    private void flushChildren() {
        batch("INSERT INTO coded_value (owner_uuid, kind, position, code, code_system, display_name) VALUES (?,?,?,?,?,?)", codes);
        batch("INSERT INTO author (owner_uuid, position, person, institutions, roles, specialties, telecoms) VALUES (?,?,?,?,?,?,?)", authors);
        batch("INSERT INTO text_value (owner_uuid, kind, position, val) VALUES (?,?,?,?)", texts);
        batch("INSERT INTO extra_slot (owner_uuid, name, position, val) VALUES (?,?,?,?)", slots);
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
