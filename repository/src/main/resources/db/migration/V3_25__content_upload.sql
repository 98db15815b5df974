-- Content staged in bounded transactions, published by the submission's transaction (issue 13: a
-- document larger than the heap on H2). A large content is written chunk by chunk, each flush in its
-- own short transaction, under a content id no read knows (content_upload: one row per request that
-- staged content, touched at every flush); the submission's transaction then checks it and publishes
-- it with one document_content row per document (content_id -> its chunks) and deletes the
-- content_upload row. Chunks are never rewritten. A failed request, or one a crash left behind
-- (touched_ms older than dmp.content.abandoned-upload-after), is marked abandoned and its chunks deleted
-- in bounded transactions, the row last (repository ContentUpload). Runs unchanged on H2 2.x and
-- PostgreSQL 15. Contents stored before this version keep their chunks: their content id is their
-- document's uniqueId.
ALTER TABLE document_chunk RENAME COLUMN unique_id TO content_id;

ALTER TABLE document_content ADD COLUMN content_id VARCHAR(128);
UPDATE document_content SET content_id = unique_id;
ALTER TABLE document_content ALTER COLUMN content_id SET NOT NULL;
CREATE UNIQUE INDEX document_content_content_id ON document_content (content_id);

-- contents: the request's contents are <upload_id>.0 .. <upload_id>.(contents - 1)
CREATE TABLE content_upload (
    upload_id   VARCHAR(64) PRIMARY KEY,
    contents    INTEGER     NOT NULL,
    touched_ms  BIGINT      NOT NULL,
    abandoned   BOOLEAN     NOT NULL
);
CREATE INDEX content_upload_touched ON content_upload (touched_ms);
