package org.dmpgateway.benchmark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dmpgateway.model.AuthorInfo;
import org.dmpgateway.model.CodedValue;
import org.dmpgateway.repository.EntryMetadataColumn;
import org.dmpgateway.repository.Hl7Instants;
import org.dmpgateway.repository.NewestConfidentiality;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Writes registry rows with JDBC batches, the same rows the server writes for an accepted ITI-41
 * submission (repository/SubmissionWriter: submission_set, document_entry, document_content, document_chunk,
 * association, coded_value, author, text_value, and the entry's metadata column {@link EntryMetadataColumn} and
 * visibility fact {@link NewestConfidentiality}; plus the access_trace row of the submission,
 * written by the core in the same transaction), and the patient_record and professional_consent
 * rows the admin API writes. The values the server assigns are assigned here the same way:
 * logicalUUID = entryUUID, version 1, status APPROVED, SHA-1 hash and size of the content, the
 * repository's uniqueId, epoch-millisecond columns from the HL7 times ({@link Hl7Instants}).
 *
 * <p>Statements are batched; {@link #flush()} sends the batches. The caller owns the connection
 * and its transaction.
 */
final class RegistryRows implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APPROVED = "APPROVED";
    private static final String HAS_MEMBER = "urn:oasis:names:tc:ebxml-regrep:AssociationType:HasMember";

    private final String repositoryUniqueId;
    private final Synthesizer synth;
    private final PreparedStatement patient;
    private final PreparedStatement consent;
    private final PreparedStatement set;
    private final PreparedStatement document;
    private final PreparedStatement content;
    private final PreparedStatement chunk;
    private final PreparedStatement association;
    private final PreparedStatement code;
    private final PreparedStatement author;
    private final PreparedStatement text;
    private final PreparedStatement trace;
    private final List<PreparedStatement> all = new ArrayList<>();
    private final MessageDigest sha1;
    private long rows;

    RegistryRows(Connection c, String repositoryUniqueId, Synthesizer synth) throws SQLException {
        this.repositoryUniqueId = repositoryUniqueId;
        this.synth = synth;
        patient = prepare(c, "INSERT INTO patient_record (ins, ins_authority, family_name, given_name, birth_date, gender, "
                + "state) VALUES (?,?,?,?,?,?,?)");
        consent = prepare(c, "INSERT INTO professional_consent (patient_id, patient_authority, actor_id, actor_name, status, "
                + "admin_doctor, since_ms) VALUES (?,?,?,?,?,?,?)");
        set = prepare(c, "INSERT INTO submission_set (entry_uuid, unique_id, source_id, home_community_id, patient_id, "
                + "patient_authority, submission_time, submission_time_ms, content_type_code, content_type_code_system, "
                + "content_type_code_display, title, comments, availability_status, limited_metadata) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        document = prepare(c, "INSERT INTO document_entry (entry_uuid, logical_uuid, version, unique_id, home_community_id, "
                + "patient_id, patient_authority, source_patient_id, on_demand, availability_status, class_code, "
                + "class_code_system, class_code_display, type_code, type_code_system, type_code_display, format_code, "
                + "format_code_system, format_code_display, facility_type_code, facility_type_code_system, "
                + "facility_type_code_display, practice_setting_code, practice_setting_code_system, "
                + "practice_setting_code_display, creation_time, creation_time_ms, service_start_time, service_start_time_ms, "
                + "service_stop_time, service_stop_time_ms, title, comments, language_code, mime_type, hash, size, "
                + "repository_unique_id, uri, legal_authenticator, document_availability, limited_metadata, child_metadata, "
                + "newest_confidentiality) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        // content id = uniqueId, as for the contents stored before migration V3_25 (repository ContentUpload)
        content = prepare(c, "INSERT INTO document_content (unique_id, content_id, mime_type, size) VALUES (?,?,?,?)");
        // one chunk per document: the bench documents are smaller than a chunk (repository ContentChunks)
        chunk = prepare(c, "INSERT INTO document_chunk (content_id, seq, bytes) VALUES (?,0,?)");
        association = prepare(c, "INSERT INTO association (entry_uuid, association_type, source_uuid, target_uuid, label, "
                + "previous_version, original_status, new_status, association_propagation, availability_status) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?)");
        code = prepare(c, "INSERT INTO coded_value (owner_uuid, kind, position, code, code_system, display_name) "
                + "VALUES (?,?,?,?,?,?)");
        author = prepare(c, "INSERT INTO author (owner_uuid, owner_kind, position, person, institutions, roles, specialties, "
                + "telecoms) VALUES (?,?,?,?,?,?,?,?)");
        text = prepare(c, "INSERT INTO text_value (owner_uuid, kind, position, val) VALUES (?,?,?,?)");
        trace = prepare(c, "INSERT INTO access_trace (trace_time_ms, actor_id, actor_name, structure_id, role, access_mode, "
                + "justification, patient_id, patient_authority, action, document_ids, outcome, detail) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private PreparedStatement prepare(Connection c, String sql) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        all.add(ps);
        return ps;
    }

    /** Rows added since this writer was made. */
    long rows() {
        return rows;
    }

    /** A patient record in state ACTIVATED (the settings keep their column defaults). */
    void patient(Synthesizer.Patient p) throws SQLException {
        patient.setString(1, p.ins());
        patient.setString(2, Ins.AUTHORITY);
        patient.setString(3, p.family());
        patient.setString(4, p.given());
        patient.setDate(5, Date.valueOf(p.birthDate().substring(0, 4) + "-" + p.birthDate().substring(4, 6)
                + "-" + p.birthDate().substring(6, 8)));
        patient.setString(6, p.gender());
        patient.setString(7, "ACTIVATED");
        add(patient);
    }

    /** The patient authorised this professional (as PUT /admin/.../professionals/{actorId} does). */
    void authorised(String ins, String actorId, String actorName, long sinceMs) throws SQLException {
        consent.setString(1, ins);
        consent.setString(2, Ins.AUTHORITY);
        consent.setString(3, actorId);
        consent.setString(4, actorName);
        consent.setString(5, "AUTHORIZED");
        consent.setBoolean(6, false);
        consent.setLong(7, sinceMs);
        add(consent);
    }

    /** One accepted submission: the set, its documents with their content, HasMember associations, the trace. */
    void submission(Synthesizer.Patient p, List<Synthesizer.Document> docs) throws SQLException {
        Synthesizer.Document first = docs.get(0);
        String setUuid = synth.entryUuid();
        String setUniqueId = synth.oid();
        String submissionTime = synth.submissionTime(first.creationTime());
        int i = 1;
        set.setString(i++, setUuid);
        set.setString(i++, setUniqueId);
        set.setString(i++, Catalog.SOURCE_ID);
        set.setNull(i++, Types.VARCHAR);
        set.setString(i++, p.ins());
        set.setString(i++, Ins.AUTHORITY);
        set.setString(i++, submissionTime);
        set.setLong(i++, Hl7Instants.toEpochMillis(submissionTime));
        set.setString(i++, Catalog.CONTENT_TYPE.code());
        set.setString(i++, Catalog.CONTENT_TYPE.system());
        set.setString(i++, Catalog.CONTENT_TYPE.display());
        set.setString(i++, "Lot de soumission");
        set.setNull(i++, Types.VARCHAR);
        set.setString(i++, APPROVED);
        set.setBoolean(i, false);
        add(set);
        author(setUuid, "SUBMISSION_SET", first.author());
        List<String> uniqueIds = new ArrayList<>();
        for (Synthesizer.Document d : docs) {
            document(p, d);
            association(setUuid, d.entryUuid());
            uniqueIds.add(d.uniqueId());
        }
        trace.setLong(1, Hl7Instants.toEpochMillis(submissionTime));
        trace.setString(2, Catalog.actorId(first.author()));
        trace.setString(3, Catalog.actorName(first.author()));
        trace.setString(4, Catalog.STRUCTURE_ID);
        trace.setString(5, "10");
        trace.setString(6, "NORMAL");
        trace.setNull(7, Types.VARCHAR);
        trace.setString(8, p.ins());
        trace.setString(9, Ins.AUTHORITY);
        trace.setString(10, "SUBMIT");
        trace.setString(11, json(uniqueIds));
        trace.setString(12, "SUCCESS");
        trace.setString(13, "submission set " + setUniqueId);
        add(trace);
    }

    private void document(Synthesizer.Patient p, Synthesizer.Document d) throws SQLException {
        byte[] bytes = d.content();
        String hash = HexFormat.of().formatHex(sha1.digest(bytes));
        int i = 1;
        document.setString(i++, d.entryUuid());
        document.setString(i++, d.entryUuid());
        document.setString(i++, "1");
        document.setString(i++, d.uniqueId());
        document.setNull(i++, Types.VARCHAR);
        document.setString(i++, p.ins());
        document.setString(i++, Ins.AUTHORITY);
        document.setString(i++, Catalog.sourcePatientId(p.ins()));
        document.setBoolean(i++, false);
        document.setString(i++, APPROVED);
        i = code(document, i, d.classCode());
        i = code(document, i, d.typeCode());
        i = code(document, i, d.formatCode());
        i = code(document, i, Catalog.FACILITY_CODES.get(d.facility()));
        i = code(document, i, Catalog.PRACTICE_CODES.get(d.practice()));
        i = time(document, i, d.creationTime());
        i = time(document, i, d.serviceStart());
        i = time(document, i, d.serviceStop());
        document.setString(i++, d.title());
        document.setNull(i++, Types.VARCHAR);
        document.setString(i++, "fr-FR");
        document.setString(i++, d.mimeType());
        document.setString(i++, hash);
        document.setLong(i++, bytes.length);
        document.setString(i++, repositoryUniqueId);
        document.setNull(i++, Types.VARCHAR);
        document.setNull(i++, Types.VARCHAR);
        document.setNull(i++, Types.VARCHAR);
        document.setBoolean(i++, false);
        List<CodedValue> confidentialityCodes = d.confidentiality().stream().map(RegistryRows::coded).toList();
        document.setString(i++, EntryMetadataColumn.write(new EntryMetadataColumn.Lists(confidentialityCodes,
                d.event() == null ? List.of() : List.of(coded(d.event())),
                List.of(new AuthorInfo(Catalog.authorPerson(d.author()), List.of(Catalog.authorInstitution(d.author())),
                        List.of(Catalog.ROLE), List.of(Catalog.SPECIALTY), List.of())),
                p.sourcePatientInfo(), List.of(), Map.of())));
        // one version per document: the newest version is the entry itself
        document.setString(i, NewestConfidentiality.write(confidentialityCodes));
        add(document);

        content.setString(1, d.uniqueId());
        content.setString(2, d.uniqueId());
        content.setString(3, d.mimeType());
        content.setLong(4, bytes.length);
        add(content);
        chunk.setString(1, d.uniqueId());
        chunk.setBytes(2, bytes);
        add(chunk);

        List<Catalog.Code> confidentiality = d.confidentiality();
        for (int k = 0; k < confidentiality.size(); k++) {
            codedValue(d.entryUuid(), "CONFIDENTIALITY", k, confidentiality.get(k));
        }
        if (d.event() != null) {
            codedValue(d.entryUuid(), "EVENT", 0, d.event());
        }
        author(d.entryUuid(), "DOCUMENT_ENTRY", d.author());
        List<String> info = p.sourcePatientInfo();
        for (int k = 0; k < info.size(); k++) {
            text.setString(1, d.entryUuid());
            text.setString(2, "SOURCE_PATIENT_INFO");
            text.setInt(3, k);
            text.setString(4, info.get(k));
            add(text);
        }
    }

    private void association(String source, String target) throws SQLException {
        association.setString(1, synth.entryUuid());
        association.setString(2, HAS_MEMBER);
        association.setString(3, source);
        association.setString(4, target);
        association.setString(5, "Original");
        association.setNull(6, Types.VARCHAR);
        association.setNull(7, Types.VARCHAR);
        association.setNull(8, Types.VARCHAR);
        association.setNull(9, Types.BOOLEAN);
        association.setString(10, APPROVED);
        add(association);
    }

    private void codedValue(String owner, String kind, int position, Catalog.Code c) throws SQLException {
        code.setString(1, owner);
        code.setString(2, kind);
        code.setInt(3, position);
        code.setString(4, c.code());
        code.setString(5, c.system());
        code.setString(6, c.display());
        add(code);
    }

    private void author(String owner, String ownerKind, int n) throws SQLException {
        author.setString(1, owner);
        author.setString(2, ownerKind);
        author.setInt(3, 0);
        author.setString(4, Catalog.authorPerson(n));
        author.setString(5, json(List.of(Catalog.authorInstitution(n))));
        author.setString(6, json(List.of(Catalog.ROLE)));
        author.setString(7, json(List.of(Catalog.SPECIALTY)));
        author.setString(8, "[]");
        add(author);
    }

    private static CodedValue coded(Catalog.Code c) {
        return new CodedValue(c.code(), c.system(), c.display());
    }

    private static int code(PreparedStatement ps, int i, Catalog.Code c) throws SQLException {
        ps.setString(i, c.code());
        ps.setString(i + 1, c.system());
        ps.setString(i + 2, c.display());
        return i + 3;
    }

    private static int time(PreparedStatement ps, int i, String dtm) throws SQLException {
        ps.setString(i, dtm);
        ps.setLong(i + 1, Hl7Instants.toEpochMillis(dtm));
        return i + 2;
    }

    private void add(PreparedStatement ps) throws SQLException {
        ps.addBatch();
        rows++;
    }

    /** Sends every pending batch. */
    void flush() throws SQLException {
        for (PreparedStatement ps : all) {
            ps.executeBatch();
        }
    }

    private static String json(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement ps : all) {
            ps.close();
        }
    }
}
