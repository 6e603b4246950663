-- Claims (索赔服务): an enterprise's claim on an effective policy, its shipments and its history of submissions
-- and decisions. Amounts are US cents. Coded values (payment method, loss cause…) are checked against the lists in
-- claims/codes.txt by the application, so adding a code does not need a migration.

CREATE TABLE claims (
    id                      ${id},
    enterprise_id           ${bigint} NOT NULL REFERENCES enterprises (id),
    policy_id               ${bigint} NOT NULL REFERENCES policies (id),
    -- sponsored (统保) policies get a decision due date; self-insured ones up to 1M USD the green channel
    policy_kind             TEXT    NOT NULL CHECK (policy_kind IN ('SPONSORED', 'SELF_INSURED')),
    buyer_id                ${bigint} NOT NULL REFERENCES buyers (id),
    state                   TEXT    NOT NULL CHECK (state IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED', 'PAID')),
    issuing_swift           TEXT,
    issuing_name_en         TEXT,
    issuing_country         TEXT,
    issuing_address_en      TEXT,
    confirming_swift        TEXT,
    confirming_name_en      TEXT,
    confirming_country      TEXT,
    confirming_address_en   TEXT,
    -- the case questions' answers as "CODE=1,CODE=0"
    answers                 TEXT    NOT NULL,
    financing_swift         TEXT,
    financing_bank_name     TEXT,
    financing_cents         ${bigint} CHECK (financing_cents > 0),
    loss_cause              TEXT,
    reason                  TEXT,
    case_description        TEXT,
    mitigation              TEXT,
    declared                INTEGER NOT NULL DEFAULT 0 CHECK (declared IN (0, 1)),
    accepted_on             TEXT,
    decision_due_on         TEXT,
    loss_cents              ${bigint} CHECK (loss_cents > 0),
    payout_cents            ${bigint} CHECK (payout_cents >= 0),
    created_by              ${bigint} NOT NULL REFERENCES users (id),
    created_at              TEXT    NOT NULL,
    CONSTRAINT ck_claims_paid CHECK ((state = 'PAID') = (payout_cents IS NOT NULL AND loss_cents IS NOT NULL))
) ${strict};

CREATE INDEX ix_claims_enterprise ON claims (enterprise_id, id);
CREATE INDEX ix_claims_policy_buyer ON claims (policy_id, buyer_id);

CREATE TABLE claim_shipments (
    id                  ${id},
    claim_id            ${bigint} NOT NULL REFERENCES claims (id),
    invoice_no          TEXT    NOT NULL,
    hs_code             TEXT    NOT NULL,
    shipped_on          TEXT    NOT NULL,
    payment_method      TEXT    NOT NULL,
    term_days           INTEGER NOT NULL CHECK (term_days >= 0),
    invoice_cents       ${bigint} NOT NULL CHECK (invoice_cents > 0),
    claimed_cents       ${bigint} NOT NULL CHECK (claimed_cents > 0),
    collection_status   TEXT    NOT NULL,
    transport_mode      TEXT    NOT NULL,
    -- 18-digit customs declaration numbers, comma-separated
    declarations        TEXT    NOT NULL,
    origin_certificate  TEXT,
    CONSTRAINT ck_claim_shipments_claimed CHECK (claimed_cents <= invoice_cents),
    CONSTRAINT ux_claim_shipments_invoice UNIQUE (claim_id, invoice_no)
) ${strict};

-- Every submission and decision, oldest first: what the enterprise and the insurer see as the claim's history.
CREATE TABLE claim_events (
    id              ${id},
    claim_id        ${bigint} NOT NULL REFERENCES claims (id),
    kind            TEXT    NOT NULL CHECK (kind IN ('SUBMITTED', 'RETURNED', 'ACCEPTED', 'PAID')),
    actor_id        ${bigint} NOT NULL REFERENCES users (id),
    at              TEXT    NOT NULL,
    reason          TEXT,
    amount_cents    ${bigint},
    CONSTRAINT ck_claim_events_reason CHECK (kind <> 'RETURNED' OR reason IS NOT NULL)
) ${strict};

CREATE INDEX ix_claim_events_claim ON claim_events (claim_id, id);
