-- Issue 19, the selection layout: a document entry's multi-valued metadata (confidentiality and
-- event codes, authors, sourcePatientInfo, referenceIdList, extra slots) also kept in its own row,
-- as one compact JSON text (repository EntryMetadataColumn), so that a FindDocuments selection
-- reads one patient's entries and their metadata from the patient index range and the entry rows,
-- without one lookup per entry in each child table (keyed by random entryUUIDs). The child tables
-- stay: the selection criteria and the visibility rule search them. V3_27 fills the column of the
-- rows stored before; a NULL column (an entry whose metadata would exceed the column) is read from
-- the child tables.
ALTER TABLE document_entry ADD COLUMN child_metadata VARCHAR(1000000);
