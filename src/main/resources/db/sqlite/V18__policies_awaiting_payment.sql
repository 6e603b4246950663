-- policies.state gains AWAITING_PAYMENT, for the Henan medium scheme's premium payment before the policy takes
-- effect (seed 003 一(二): 收到企业自缴的 20% 保费后先行生效保单并向企业开具发票; #14). An accepted application of a scheme that is effectiveOnEnterprisePayment gets its
-- policy number and waits in the new state AWAITING_PAYMENT (待缴费, active) until the insurer records the payment;
-- the policy is then EFFECTIVE from the payment day and an invoice is issued.

-- SQLite's form of this step (db/postgresql has PostgreSQL's). A column CHECK cannot be altered in SQLite, so the
-- table is rebuilt (SQLite's documented procedure): the rows are copied aside, the table is dropped and created with
-- the wider CHECK, and the rows copied back. The tables that reference policies keep their foreign keys (they name
-- the table); the implicit delete of the drop is forgiven because the same ids are back before the commit
-- (defer_foreign_keys lasts until the end of this migration's transaction).
PRAGMA defer_foreign_keys = ON;

CREATE TABLE policies_v17 AS SELECT * FROM policies;

DROP INDEX ux_policies_active;
DROP TABLE policies;

CREATE TABLE policies (
    id                     ${id},
    enterprise_id          ${bigint} NOT NULL REFERENCES enterprises (id),
    scheme_id              TEXT    NOT NULL,
    list_id                ${bigint} NOT NULL REFERENCES eligible_lists (id),
    state                  TEXT    NOT NULL,
    receipt                TEXT    NOT NULL CHECK (receipt IN ('NONE', 'PENDING', 'RECEIVED')),
    -- the insured amount: the enterprise's last-year exports from the list
    insured_cents          ${bigint} NOT NULL CHECK (insured_cents >= 0),
    -- null when the scheme states no premium (the government pays an amount not known here)
    premium_cents          ${bigint} CHECK (premium_cents >= 0),
    enterprise_part_cents  ${bigint} NOT NULL CHECK (enterprise_part_cents >= 0),
    subsidy_cents          ${bigint} CHECK (subsidy_cents >= 0),
    per_buyer_limit_cents  ${bigint} NOT NULL CHECK (per_buyer_limit_cents > 0),
    -- null when only the issued policy states it
    aggregate_limit_cents  ${bigint} CHECK (aggregate_limit_cents > 0),
    indemnity_ratio        TEXT    NOT NULL,
    year_start             TEXT    NOT NULL,
    year_end               TEXT    NOT NULL,
    policy_number          TEXT,
    issued_on              TEXT,
    cover_start            TEXT,
    cover_end              TEXT,
    pushed_at              TEXT    NOT NULL,
    received_at            TEXT,
    CONSTRAINT ck_policies_state CHECK (state IN ('PENDING', 'APPLIED', 'RETURNED', 'AWAITING_PAYMENT', 'EFFECTIVE',
                                                  'EXPIRED', 'WITHDRAWN')),
    CONSTRAINT ux_policies_number UNIQUE (policy_number),
    CONSTRAINT ck_policies_effective CHECK ((state = 'EFFECTIVE') = (receipt <> 'NONE')
        OR state IN ('EXPIRED', 'WITHDRAWN')),
    CONSTRAINT ck_policies_issued CHECK (state <> 'EFFECTIVE' OR (policy_number IS NOT NULL
        AND issued_on IS NOT NULL AND cover_start IS NOT NULL AND cover_end IS NOT NULL)),
    -- awaiting payment: numbered, not yet issued (the issue day is the payment day)
    CONSTRAINT ck_policies_awaiting_payment CHECK (state <> 'AWAITING_PAYMENT' OR (policy_number IS NOT NULL
        AND issued_on IS NULL AND cover_start IS NULL))
) ${strict};

INSERT INTO policies (id, enterprise_id, scheme_id, list_id, state, receipt, insured_cents, premium_cents,
                      enterprise_part_cents, subsidy_cents, per_buyer_limit_cents, aggregate_limit_cents,
                      indemnity_ratio, year_start, year_end, policy_number, issued_on, cover_start, cover_end,
                      pushed_at, received_at)
    SELECT id, enterprise_id, scheme_id, list_id, state, receipt, insured_cents, premium_cents,
           enterprise_part_cents, subsidy_cents, per_buyer_limit_cents, aggregate_limit_cents,
           indemnity_ratio, year_start, year_end, policy_number, issued_on, cover_start, cover_end,
           pushed_at, received_at
    FROM policies_v17;

DROP TABLE policies_v17;

-- One sponsored policy per enterprise at a time (Henan de-duplication rule): a policy awaiting payment is active.
CREATE UNIQUE INDEX ux_policies_active ON policies (enterprise_id)
    WHERE state IN ('PENDING', 'APPLIED', 'RETURNED', 'AWAITING_PAYMENT', 'EFFECTIVE');

