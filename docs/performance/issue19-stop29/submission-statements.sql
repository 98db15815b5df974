-- The statements of one one-document submission (ITI-41 and ITI-65 alike, as logged by PostgreSQL),
-- with random keys, rolled back: pgbench -n -c 1 -t 300 -f submission-statements.sql <db> (stop 29).
\set p 1
BEGIN;
SELECT quote_literal(gen_random_uuid()::text) AS s, quote_literal(gen_random_uuid()::text) AS d, quote_literal(gen_random_uuid()::text) AS a, quote_literal(gen_random_uuid()::text) AS c, quote_literal('2.25.' || (random()*1e18)::bigint) AS su, quote_literal('2.25.' || (random()*1e18)::bigint) AS du \gset
SELECT 0 AS kind, entry_uuid FROM document_entry WHERE entry_uuid IN (:s, :d, :a) UNION ALL SELECT 1, entry_uuid FROM submission_set WHERE entry_uuid IN (:s, :d, :a) UNION ALL SELECT 2, entry_uuid FROM folder WHERE entry_uuid IN (:s, :d, :a) UNION ALL SELECT 3, entry_uuid FROM association WHERE entry_uuid IN (:s, :d, :a) ORDER BY 1;
SELECT 0 AS kind, id, unique_id, entry_uuid, hash FROM document_entry WHERE unique_id IN (:su, :du) UNION ALL SELECT 1, id, unique_id, entry_uuid, NULL FROM submission_set WHERE unique_id IN (:su, :du) UNION ALL SELECT 2, id, unique_id, entry_uuid, NULL FROM folder WHERE unique_id IN (:su, :du) ORDER BY 1, 2;
INSERT INTO document_chunk (content_id, seq, bytes) VALUES (:c, 0, '\x00');
INSERT INTO document_content (unique_id, content_id, mime_type, size) VALUES (:du, :c, 'application/pdf', 1);
INSERT INTO submission_set (entry_uuid, unique_id, patient_id, patient_authority, availability_status, limited_metadata) VALUES (:s, :su, '100000000000001', '1.2.250.1.213.1.4.10', 'APPROVED', false);
INSERT INTO document_entry (entry_uuid, logical_uuid, version, unique_id, patient_id, patient_authority, on_demand, availability_status, limited_metadata, class_code, type_code, creation_time_ms) VALUES (:d, :d, '1', :du, '100000000000001', '1.2.250.1.213.1.4.10', false, 'APPROVED', false, '11', '11490-0', 1);
INSERT INTO association (entry_uuid, association_type, source_uuid, target_uuid, availability_status) VALUES (:a, 'HasMember', :s, :d, 'APPROVED');
INSERT INTO coded_value (owner_uuid, kind, position, code, code_system) VALUES (:d, 'CONFIDENTIALITY', 0, 'N', '2.16.840.1.113883.5.25');
INSERT INTO author (owner_uuid, owner_kind, position, person, institutions, roles, specialties, telecoms) VALUES (:s, 'SUBMISSION_SET', 0, 'x', '[]', '[]', '[]', '[]');
INSERT INTO author (owner_uuid, owner_kind, position, person, institutions, roles, specialties, telecoms) VALUES (:d, 'DOCUMENT_ENTRY', 0, 'x', '[]', '[]', '[]', '[]');
INSERT INTO text_value (owner_uuid, kind, position, val) VALUES (:d, 'SOURCE_PATIENT_INFO', 0, 'PID-3|x');
ROLLBACK;
