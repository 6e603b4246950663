-- A claim's shipment documents (manual 4.1 出运信息): the shipment data report (出运数据报告) generated from the
-- claim's shipments, and the export declarations a submitted claim takes, so that no declaration is claimed twice.

-- Bumped by every change to the claim's shipments (add, save, delete, import) in the change's transaction: a report
-- generated for an older version is stale and refuses the submission.
ALTER TABLE claims ADD COLUMN shipments_version ${bigint} NOT NULL DEFAULT 0;

-- Every report generated, newest last; the latest is the claim's. The PDF is kept as base64 text: TEXT reads the same
-- on SQLite and PostgreSQL, which have no common type for bytes.
CREATE TABLE claim_shipment_reports (
    id                  ${id},
    claim_id            ${bigint} NOT NULL REFERENCES claims (id),
    -- claims.shipments_version when it was generated
    shipments_version   ${bigint} NOT NULL CHECK (shipments_version >= 0),
    pdf_base64          TEXT    NOT NULL,
    size_bytes          ${bigint} NOT NULL CHECK (size_bytes > 0),
    sha256              TEXT    NOT NULL CHECK (length(sha256) = 64),
    generated_by        ${bigint} NOT NULL REFERENCES users (id),
    generated_at        TEXT    NOT NULL
) ${strict};

CREATE INDEX ix_claim_shipment_reports_claim ON claim_shipment_reports (claim_id, id);

-- The export declarations of submitted claims (kept while the claim is returned, replaced at each submission): a
-- declaration is claimed by one claim only.
CREATE TABLE claimed_declarations (
    id                  ${id},
    number              TEXT    NOT NULL CHECK (length(number) = 18),
    claim_id            ${bigint} NOT NULL REFERENCES claims (id),
    CONSTRAINT ux_claimed_declarations_number UNIQUE (number)
) ${strict};

CREATE INDEX ix_claimed_declarations_claim ON claimed_declarations (claim_id);
