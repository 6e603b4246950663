-- Possible-loss reports (报损, 可能损失通知): an enterprise (or its account manager on its behalf) reports that a
-- receivable on a buyer may be lost; the insurer accepts it with a case number and advice, or asks for more; it ends
-- recovered or as a claim. Amounts are US cents; days are calendar days. Coded values (cause, advice) are checked
-- against the data files by the application.

CREATE TABLE loss_reports (
    id                  ${id},
    enterprise_id       ${bigint} NOT NULL REFERENCES enterprises (id),
    policy_id           ${bigint} NOT NULL REFERENCES policies (id),
    buyer_id            ${bigint} NOT NULL REFERENCES buyers (id),
    state               TEXT    NOT NULL CHECK (state IN ('SUBMITTED', 'MORE_INFO_REQUESTED', 'ACCEPTED', 'RECOVERED',
                                                          'CLAIMED')),
    cause               TEXT    NOT NULL,
    actions_taken       TEXT    NOT NULL,
    contact_name        TEXT    NOT NULL,
    contact_mobile      TEXT    NOT NULL,
    contact_email       TEXT    NOT NULL,
    -- the day it was (last) submitted, and the earliest report-by day of its shipments: late when after it
    reported_on         TEXT    NOT NULL,
    report_by           TEXT    NOT NULL,
    late                INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),
    case_no             TEXT,
    handler_id          ${bigint} REFERENCES users (id),
    accepted_on         TEXT,
    advice              TEXT,
    -- the coded advice as "CODE,CODE"
    advice_codes        TEXT,
    recovered_cents     ${bigint} CHECK (recovered_cents >= 0),
    claim_id            ${bigint} REFERENCES claims (id),
    created_by          ${bigint} NOT NULL REFERENCES users (id),
    on_behalf           INTEGER NOT NULL DEFAULT 0 CHECK (on_behalf IN (0, 1)),
    created_at          TEXT    NOT NULL,
    CONSTRAINT ux_loss_reports_case_no UNIQUE (case_no),
    CONSTRAINT ux_loss_reports_claim UNIQUE (claim_id),
    CONSTRAINT ck_loss_reports_accepted CHECK (state NOT IN ('ACCEPTED', 'RECOVERED', 'CLAIMED')
        OR (case_no IS NOT NULL AND handler_id IS NOT NULL AND accepted_on IS NOT NULL)),
    CONSTRAINT ck_loss_reports_recovered CHECK ((state = 'RECOVERED') = (recovered_cents IS NOT NULL)),
    CONSTRAINT ck_loss_reports_claimed CHECK ((state = 'CLAIMED') = (claim_id IS NOT NULL))
) ${strict};

CREATE INDEX ix_loss_reports_enterprise ON loss_reports (enterprise_id, id);

-- Receivables the window knows of: registered by the enterprise as outstanding (report_id null) or named in a report.
-- An invoice is the enterprise's once: reporting a registered receivable attaches it to the report.
CREATE TABLE loss_shipments (
    id                  ${id},
    enterprise_id       ${bigint} NOT NULL REFERENCES enterprises (id),
    policy_id           ${bigint} NOT NULL REFERENCES policies (id),
    buyer_id            ${bigint} NOT NULL REFERENCES buyers (id),
    report_id           ${bigint} REFERENCES loss_reports (id),
    invoice_no          TEXT    NOT NULL,
    shipped_on          TEXT    NOT NULL,
    due_on              TEXT    NOT NULL,
    outstanding_cents   ${bigint} NOT NULL CHECK (outstanding_cents > 0),
    -- 18-digit customs declaration numbers, comma-separated; empty when none given
    declarations        TEXT    NOT NULL,
    created_at          TEXT    NOT NULL,
    CONSTRAINT ux_loss_shipments_invoice UNIQUE (enterprise_id, invoice_no),
    CONSTRAINT ck_loss_shipments_dates CHECK (due_on >= shipped_on)
) ${strict};

CREATE INDEX ix_loss_shipments_report ON loss_shipments (report_id);
CREATE INDEX ix_loss_shipments_buyer ON loss_shipments (enterprise_id, buyer_id);

-- Every step, oldest first: what the enterprise sees as the report's history. on_behalf: an account manager acted.
CREATE TABLE loss_report_events (
    id              ${id},
    report_id       ${bigint} NOT NULL REFERENCES loss_reports (id),
    kind            TEXT    NOT NULL CHECK (kind IN ('SUBMITTED', 'UPDATED', 'MORE_INFO_REQUESTED', 'ACCEPTED',
                                                     'RECOVERED', 'CLAIMED')),
    actor_id        ${bigint} NOT NULL REFERENCES users (id),
    actor_role      TEXT    NOT NULL,
    on_behalf       INTEGER NOT NULL DEFAULT 0 CHECK (on_behalf IN (0, 1)),
    at              TEXT    NOT NULL,
    note            TEXT,
    amount_cents    ${bigint}
) ${strict};

CREATE INDEX ix_loss_report_events_report ON loss_report_events (report_id, id);
