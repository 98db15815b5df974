-- Document content in chunks (issue 13, content streaming): a document is written from its request
-- stream and read back to its answer one chunk at a time, never whole in memory (repository
-- ContentChunks, 256 KiB per chunk). Runs unchanged on H2 2.x and PostgreSQL 15. The content stored
-- before this version becomes the single chunk 0 of its document.
CREATE TABLE document_chunk (
    unique_id   VARCHAR(128) NOT NULL,
    seq         INTEGER      NOT NULL,
    bytes       BYTEA        NOT NULL,
    PRIMARY KEY (unique_id, seq)
);

INSERT INTO document_chunk (unique_id, seq, bytes) SELECT unique_id, 0, content FROM document_content;

ALTER TABLE document_content ADD COLUMN size BIGINT;
UPDATE document_content SET size = OCTET_LENGTH(content);
ALTER TABLE document_content ALTER COLUMN size SET NOT NULL;
ALTER TABLE document_content DROP COLUMN content;
