-- DMP Gateway internal repository, version 3.14 (issue 14, item 7): the professional who submitted
-- each document entry (IdNat_PS of the VIHF subject or of the bearer token), so that he may manage
-- what he submitted even when he is not among its authors. Null for entries stored before.
-- Runs unchanged on H2 2.x and PostgreSQL 15.
ALTER TABLE document_entry ADD COLUMN submitter_id VARCHAR(128);
