-- Issue 19, the selection's visibility test: each document entry row carries the confidentiality
-- codes of the newest metadata version of its document (repository NewestConfidentiality), so
-- that the masking test of a FindDocuments selection reads the entry's own row instead of two
-- lookups per entry (the newest version by logical_uuid, then its coded_value rows). Written with
-- the row and kept in step by the writer (a new version writes its codes into the older versions'
-- rows); V3_37 fills the rows stored before. Until then the column is NULL, which the visibility
-- test counts as masked (it fails closed).
ALTER TABLE document_entry ADD COLUMN newest_confidentiality VARCHAR(1000000);
