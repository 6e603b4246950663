-- Binary content in the database (store.Blobs, #17), so that every app node can serve every file: claim attachments
-- until now lived in a folder beside the SQLite file, where only the node that wrote them could read them.
-- A blob is written once and never changed; its content is cut into chunks of 256 KiB, one row each, written and
-- read one at a time, so that no request holds a whole file in memory (a BLOB on SQLite, a BYTEA on PostgreSQL).
-- The chunks are written in the transaction that records what the blob belongs to: a transaction that fails or never
-- commits (a crash, a killed node) leaves neither.

CREATE TABLE blobs (
    id          ${id},
    size_bytes  ${bigint} NOT NULL CHECK (size_bytes >= 0),
    sha256      TEXT      NOT NULL CHECK (length(sha256) = 64),
    created_at  TEXT      NOT NULL
) ${strict};

CREATE TABLE blob_chunks (
    blob_id     ${bigint} NOT NULL REFERENCES blobs (id) ON DELETE CASCADE,
    -- 0, 1, 2 …: the chunk's place in the content
    n           INTEGER   NOT NULL CHECK (n >= 0),
    content     ${bytes}  NOT NULL,
    PRIMARY KEY (blob_id, n)
) ${strict};

-- An attachment's content. NULL only for a file uploaded before this version and not yet imported from the old
-- folder (attachments/<claim id>/<attachment id>): claims.AttachmentImport moves those in at start-up.
ALTER TABLE claim_attachments ADD COLUMN blob_id ${bigint} REFERENCES blobs (id);
