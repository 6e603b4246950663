-- Enrolment in the sponsored small/micro policy (SPEC §5, manual 3.1, seed 002): eligible-enterprise lists,
-- pending and issued policies, applications with their review history, one-time verification codes, and the
-- outbox of notices. Amounts are US cents (${bigint}); dates yyyy-MM-dd and timestamps ISO-8601 UTC as TEXT.

-- A list of eligible enterprises for one scheme, imported by an administrator, published (公示) for a period,
-- then confirmed (确认名单), which pushes a pending policy to each eligible enterprise on it.
CREATE TABLE eligible_lists (
    id             ${id},
    scheme_id      TEXT    NOT NULL,
    file_name      TEXT    NOT NULL,
    state          TEXT    NOT NULL CHECK (state IN ('IMPORTED', 'PUBLISHED', 'CONFIRMED')),
    publish_start  TEXT,
    publish_end    TEXT,
    imported_by    ${bigint} NOT NULL REFERENCES users (id),
    imported_at    TEXT    NOT NULL,
    confirmed_by   ${bigint} REFERENCES users (id),
    confirmed_at   TEXT,
    CONSTRAINT ck_eligible_lists_period CHECK ((publish_start IS NULL) = (publish_end IS NULL)
        AND (publish_end IS NULL OR publish_end >= publish_start)),
    CONSTRAINT ck_eligible_lists_published CHECK (state = 'IMPORTED' OR publish_end IS NOT NULL)
) ${strict};

-- The policies (待确认保单 once pushed, then applied, returned, effective). A policy that is no longer
-- active (EXPIRED, WITHDRAWN: set by later issues) frees the enterprise for a new one.
CREATE TABLE policies (
    id                     ${id},
    enterprise_id          ${bigint} NOT NULL REFERENCES enterprises (id),
    scheme_id              TEXT    NOT NULL,
    list_id                ${bigint} NOT NULL REFERENCES eligible_lists (id),
    state                  TEXT    NOT NULL CHECK (state IN ('PENDING', 'APPLIED', 'RETURNED', 'EFFECTIVE',
                                                              'EXPIRED', 'WITHDRAWN')),
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
    CONSTRAINT ux_policies_number UNIQUE (policy_number),
    CONSTRAINT ck_policies_effective CHECK ((state = 'EFFECTIVE') = (receipt <> 'NONE')
        OR state IN ('EXPIRED', 'WITHDRAWN')),
    CONSTRAINT ck_policies_issued CHECK (state <> 'EFFECTIVE' OR (policy_number IS NOT NULL
        AND issued_on IS NOT NULL AND cover_start IS NOT NULL AND cover_end IS NOT NULL))
) ${strict};

-- One sponsored policy per enterprise at a time (Henan de-duplication rule): the database's final guard.
CREATE UNIQUE INDEX ux_policies_active ON policies (enterprise_id)
    WHERE state IN ('PENDING', 'APPLIED', 'RETURNED', 'EFFECTIVE');

-- The rows of a list. Rows outside the scheme's band or region are kept with the reason and never pushed.
CREATE TABLE eligible_entries (
    id             ${id},
    list_id        ${bigint} NOT NULL REFERENCES eligible_lists (id),
    line           INTEGER NOT NULL,
    enterprise_id  ${bigint} NOT NULL REFERENCES enterprises (id),
    exports_cents  ${bigint} NOT NULL CHECK (exports_cents >= 0),
    division_code  TEXT    NOT NULL CHECK (length(division_code) = 6),
    eligible       INTEGER NOT NULL CHECK (eligible IN (0, 1)),
    -- why the row is not eligible, or why confirmation skipped it ('ACTIVE_POLICY'); null when pushed
    outcome        TEXT    CHECK (outcome IN ('PUSHED', 'ACTIVE_POLICY', 'OUT_OF_BAND', 'OUT_OF_REGION')),
    policy_id      ${bigint} REFERENCES policies (id),
    CONSTRAINT ux_eligible_entries_enterprise UNIQUE (list_id, enterprise_id)
) ${strict};

-- Every submission of an application (投保申请) of a policy, with the insurer's decision: history is kept.
CREATE TABLE applications (
    id             ${id},
    policy_id      ${bigint} NOT NULL REFERENCES policies (id),
    contact_name   TEXT    NOT NULL,
    mobile         TEXT    NOT NULL,
    email          TEXT    NOT NULL,
    declared       INTEGER NOT NULL CHECK (declared = 1),
    submitted_by   ${bigint} NOT NULL REFERENCES users (id),
    submitted_at   TEXT    NOT NULL,
    outcome        TEXT    NOT NULL CHECK (outcome IN ('SUBMITTED', 'ACCEPTED', 'RETURNED')),
    return_reason  TEXT,
    decided_by     ${bigint} REFERENCES users (id),
    decided_at     TEXT,
    CONSTRAINT ck_applications_reason CHECK ((outcome = 'RETURNED') = (return_reason IS NOT NULL))
) ${strict};

-- At most one application of a policy awaits review.
CREATE UNIQUE INDEX ux_applications_open ON applications (policy_id) WHERE outcome = 'SUBMITTED';
CREATE INDEX ix_applications_policy ON applications (policy_id);

-- One-time verification codes for submitting an application. Only a SHA-256 of the code is stored; the
-- contact details typed with the request are kept so the form can be filled again.
CREATE TABLE verification_codes (
    id             ${id},
    policy_id      ${bigint} NOT NULL REFERENCES policies (id),
    user_id        ${bigint} NOT NULL REFERENCES users (id),
    code_hash      TEXT    NOT NULL,
    contact_name   TEXT    NOT NULL,
    mobile         TEXT    NOT NULL,
    email          TEXT    NOT NULL,
    created_at     TEXT    NOT NULL,
    expires_at     TEXT    NOT NULL,
    tries_left     INTEGER NOT NULL CHECK (tries_left >= 0),
    used_at        TEXT
) ${strict};

CREATE INDEX ix_verification_codes_policy ON verification_codes (policy_id);

-- Notices and codes as sent through notify.Notifier; the default sender only records them here.
CREATE TABLE outbox (
    id             ${id},
    enterprise_id  ${bigint} REFERENCES enterprises (id),
    user_id        ${bigint} REFERENCES users (id),
    channel        TEXT    NOT NULL CHECK (channel IN ('SMS', 'EMAIL')),
    address        TEXT    NOT NULL,
    subject        TEXT    NOT NULL,
    body           TEXT    NOT NULL,
    created_at     TEXT    NOT NULL
) ${strict};

CREATE INDEX ix_outbox_enterprise ON outbox (enterprise_id);
