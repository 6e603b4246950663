-- The service agreement (签约管理, manual 2.1-2.3): company seals, the tri-party agreement and its history,
-- the enterprise's data authorisation and the authorised data records the insurer may use. Portable SQL as in
-- V1 (${id}, ${bigint}, ${strict} are set per database by store.Dialect; dates yyyy-MM-dd, months yyyy-MM).

-- An enterprise's seals (印章). Only a company seal (COMPANY, 公司) inside its validity period signs.
CREATE TABLE seals (
    id             ${id},
    enterprise_id  ${bigint} NOT NULL REFERENCES enterprises (id),
    kind           TEXT    NOT NULL CHECK (kind IN ('COMPANY', 'FINANCE', 'CONTRACT', 'LEGAL_PERSON')),
    -- the person the seal was made for (制作时选择的操作员姓名)
    holder         TEXT    NOT NULL CHECK (length(holder) BETWEEN 1 AND 40),
    valid_from     TEXT    NOT NULL CHECK (length(valid_from) = 10),
    valid_until    TEXT    NOT NULL CHECK (length(valid_until) = 10),
    created_by     ${bigint} NOT NULL REFERENCES users (id),
    created_at     TEXT    NOT NULL,
    CONSTRAINT ck_seals_period CHECK (valid_from <= valid_until)
) ${strict};

CREATE INDEX ix_seals_enterprise ON seals (enterprise_id);

-- The tri-party service agreement of an enterprise, the insurer and the e-port data centre.
CREATE TABLE agreements (
    id                ${id},
    enterprise_id     ${bigint} NOT NULL REFERENCES enterprises (id),
    -- the version of the agreement text signed (resource agreements/service-agreement-<version>.*.txt)
    text_version      TEXT    NOT NULL,
    state             TEXT    NOT NULL CHECK (state IN ('AWAITING_INSURER', 'SIGNED', 'REFUSED',
                                                        'TERMINATION_REQUESTED', 'TERMINATED')),
    seal_id           ${bigint} NOT NULL REFERENCES seals (id),
    signed_by         ${bigint} NOT NULL REFERENCES users (id),
    signed_at         TEXT    NOT NULL,
    countersigned_by  ${bigint} REFERENCES users (id),
    countersigned_at  TEXT,
    -- when it stopped being live (refused or terminated)
    ended_at          TEXT,
    CONSTRAINT ck_agreements_countersigned CHECK ((countersigned_by IS NULL) = (countersigned_at IS NULL))
) ${strict};

-- At most one live agreement per enterprise: awaiting the insurer, signed, or asking to be terminated.
CREATE UNIQUE INDEX ux_agreements_live ON agreements (enterprise_id)
    WHERE state IN ('AWAITING_INSURER', 'SIGNED', 'TERMINATION_REQUESTED');

-- Every state change of an agreement (解约流程 and the rest): when, who, what, why.
CREATE TABLE agreement_events (
    id             ${id},
    agreement_id   ${bigint} NOT NULL REFERENCES agreements (id),
    at             TEXT    NOT NULL,
    actor_id       ${bigint} NOT NULL REFERENCES users (id),
    action         TEXT    NOT NULL CHECK (action IN ('SIGNED', 'COUNTERSIGNED', 'REFUSED', 'TERMINATION_REQUESTED',
                                                      'TERMINATION_APPROVED', 'TERMINATION_REJECTED')),
    from_state     TEXT,
    to_state       TEXT    NOT NULL,
    reason         TEXT
) ${strict};

CREATE INDEX ix_agreement_events_agreement ON agreement_events (agreement_id);

-- The enterprise's data authorisation (企业数据授权): once per enterprise ("请勿重复授权").
CREATE TABLE data_authorisations (
    id             ${id},
    enterprise_id  ${bigint} NOT NULL REFERENCES enterprises (id),
    -- the agreement that was signed when it was given
    agreement_id   ${bigint} NOT NULL REFERENCES agreements (id),
    -- comma-separated data type codes (agreements.DataType)
    data_types     TEXT    NOT NULL,
    period_from    TEXT    NOT NULL CHECK (length(period_from) = 7),
    period_until   TEXT    NOT NULL CHECK (length(period_until) = 7),
    authorised_by  ${bigint} NOT NULL REFERENCES users (id),
    authorised_at  TEXT    NOT NULL,
    CONSTRAINT ux_data_authorisations_enterprise UNIQUE (enterprise_id),
    CONSTRAINT ck_data_authorisations_period CHECK (period_from <= period_until)
) ${strict};

-- Monthly summaries of an enterprise's trade data as the single window shares them with the insurer.
CREATE TABLE authorised_data (
    id                ${id},
    enterprise_id     ${bigint} NOT NULL REFERENCES enterprises (id),
    data_type         TEXT    NOT NULL CHECK (data_type IN ('CUSTOMS_EXPORT_DECLARATIONS', 'EXPORT_RECEIPTS',
                                                            'ENTERPRISE_BASICS', 'CUSTOMS_CREDIT_RATING')),
    month             TEXT    NOT NULL CHECK (length(month) = 7),
    record_count      ${bigint} NOT NULL CHECK (record_count >= 0),
    -- US cents; null where the data type has no amount (basics, rating)
    amount_usd_cents  ${bigint} CHECK (amount_usd_cents >= 0),
    summary           TEXT    NOT NULL,
    received_at       TEXT    NOT NULL,
    CONSTRAINT ux_authorised_data_month UNIQUE (enterprise_id, data_type, month)
) ${strict};
