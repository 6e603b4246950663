-- Claim attachments (索赔附件, manual 4.1): trade documents and proofs of loss the enterprise uploads with a claim.
-- The files live on disk beside the database (attachments/<claim id>/<attachment id>); a row holds what is shown
-- (the sanitised file name, its type as found from the content, size, SHA-256, remark and summary) and who uploaded
-- it when. At most 4 MiB a file and 40 MiB a claim: the file limit is a CHECK on the row, the claim's sum a CHECK on
-- the claim's running total, raised in the uploading transaction (so racing uploads cannot pass the limit together,
-- whatever the database's isolation).

ALTER TABLE claims ADD COLUMN attachment_bytes ${bigint} NOT NULL DEFAULT 0
    CHECK (attachment_bytes BETWEEN 0 AND 41943040);

CREATE TABLE claim_attachments (
    id              ${id},
    claim_id        ${bigint} NOT NULL REFERENCES claims (id),
    -- shown and offered as the download's name; the file on disk is named by the id, never by the user
    file_name       TEXT    NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
    type            TEXT    NOT NULL CHECK (type IN ('PDF', 'JPEG', 'PNG', 'GIF', 'TIFF', 'BMP', 'WEBP', 'DOC', 'XLS',
                                                    'PPT', 'DOCX', 'XLSX', 'PPTX', 'ZIP')),
    content_type    TEXT    NOT NULL,
    size_bytes      ${bigint} NOT NULL CHECK (size_bytes BETWEEN 1 AND 4194304),
    sha256          TEXT    NOT NULL CHECK (length(sha256) = 64),
    remark          TEXT,
    summary         TEXT,
    uploaded_by     ${bigint} NOT NULL REFERENCES users (id),
    uploaded_at     TEXT    NOT NULL
) ${strict};

CREATE INDEX ix_claim_attachments_claim ON claim_attachments (claim_id, id);
