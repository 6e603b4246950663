-- The buyer directory (买方代码): overseas buyers, shared by credit reports, the credit alarm and claims.
-- The insurer's own entries are visible to everyone signed in; a buyer an enterprise adds is visible to that
-- enterprise (and its account managers and the insurer) and flagged when it looks like an existing one.

CREATE TABLE buyers (
    id                      ${id},
    -- the buyer code: country (ISO alpha-2) and a 7-digit number, e.g. AE0000012
    code                    TEXT    NOT NULL,
    name_en                 TEXT    NOT NULL,
    name_zh                 TEXT,
    -- the English name folded for matching (case, punctuation and legal forms removed; see buyers.BuyerNames)
    name_key                TEXT    NOT NULL,
    country_code            TEXT    NOT NULL CHECK (length(country_code) = 2),
    address                 TEXT,
    registration_no         TEXT,
    source                  TEXT    NOT NULL CHECK (source IN ('INSURER', 'ENTERPRISE')),
    added_by_enterprise_id  ${bigint} REFERENCES enterprises (id),
    added_by_user_id        ${bigint} REFERENCES users (id),
    -- an existing buyer this one looks like (same country, same folded name or registration number)
    possible_duplicate_of   ${bigint} REFERENCES buyers (id),
    created_at              TEXT    NOT NULL,
    CONSTRAINT ux_buyers_code UNIQUE (code),
    CONSTRAINT ck_buyers_source CHECK ((source = 'ENTERPRISE') = (added_by_enterprise_id IS NOT NULL))
) ${strict};

CREATE INDEX ix_buyers_country_key ON buyers (country_code, name_key);
CREATE INDEX ix_buyers_enterprise ON buyers (added_by_enterprise_id);
