-- The window's own pages: financing applications (融资超市, 立即申请) and the account managers' office phones
-- (客户经理 by district, shown to their enterprises with the claims hotline).

-- An enterprise's application for one financing product of one bank. The bank has no login here: the insurer's
-- staff see which bank it is for, forward it (CSV export) and record the bank's decision with a note. The
-- product's name and bank are copied from products.json when applying, so a later change of that file does not
-- rewrite what was applied for.
CREATE TABLE financing_applications (
    id              ${id},
    enterprise_id   ${bigint} NOT NULL REFERENCES enterprises (id),
    product_id      TEXT    NOT NULL,
    product_name    TEXT    NOT NULL,
    bank_name       TEXT    NOT NULL,
    -- whole yuan, within the product's range when applied for
    amount_yuan     ${bigint} NOT NULL CHECK (amount_yuan > 0),
    term_months     INTEGER NOT NULL CHECK (term_months BETWEEN 1 AND 120),
    purpose         TEXT    NOT NULL,
    contact_name    TEXT    NOT NULL,
    mobile          TEXT    NOT NULL CHECK (length(mobile) = 11),
    email           TEXT,
    -- the effective policy a policy-backed product was applied for with (null for products that need none)
    policy_id       ${bigint} REFERENCES policies (id),
    state           TEXT    NOT NULL CHECK (state IN ('SUBMITTED', 'APPROVED', 'DECLINED')),
    submitted_by    ${bigint} NOT NULL REFERENCES users (id),
    submitted_at    TEXT    NOT NULL,
    decided_by      ${bigint} REFERENCES users (id),
    decided_at      TEXT,
    decision_note   TEXT,
    CONSTRAINT ck_financing_decided CHECK ((state = 'SUBMITTED') = (decided_at IS NULL)
        AND (state = 'SUBMITTED') = (decision_note IS NULL))
) ${strict};

CREATE INDEX ix_financing_applications_enterprise ON financing_applications (enterprise_id);
CREATE INDEX ix_financing_applications_state ON financing_applications (state);

-- One open application per enterprise and product: applying again waits for the bank's answer.
CREATE UNIQUE INDEX ux_financing_applications_open ON financing_applications (enterprise_id, product_id)
    WHERE state = 'SUBMITTED';

-- An account manager's office phone (e.g. 0755-…), beside the mobile and e-mail the users table holds.
CREATE TABLE manager_contacts (
    manager_id      ${bigint} NOT NULL PRIMARY KEY REFERENCES users (id),
    office_phone    TEXT    NOT NULL CHECK (length(office_phone) BETWEEN 7 AND 30),
    updated_at      TEXT    NOT NULL
) ${strict};
