-- Credit services (资信服务, SPEC §3): report orders with their history, the free overseas-buyer reports of an
-- enterprise's sponsored policy (the quota), and the prices an administrator sets. Amounts are fen (CNY cents,
-- ${bigint}): the insurer charges for reports in CNY.

-- The free overseas buyer credit reports of one enterprise's sponsored policy for its policy year. The database
-- guarantees the quota: free_used never leaves 0..free_total, it is raised by a conditional UPDATE in the order's
-- transaction, and each free order holds one numbered slot (see ux_credit_orders_slot).
CREATE TABLE credit_quotas (
    id             ${id},
    enterprise_id  ${bigint} NOT NULL REFERENCES enterprises (id),
    policy_id      ${bigint} NOT NULL REFERENCES policies (id),
    scheme_id      TEXT    NOT NULL,
    free_total     INTEGER NOT NULL CHECK (free_total >= 0),
    free_used      INTEGER NOT NULL DEFAULT 0,
    -- the last day a free report may be ordered: the end of the policy year
    expires_on     TEXT    NOT NULL,
    CONSTRAINT ux_credit_quotas_policy UNIQUE (policy_id),
    CONSTRAINT ck_credit_quotas_used CHECK (free_used BETWEEN 0 AND free_total)
) ${strict};

CREATE INDEX ix_credit_quotas_enterprise ON credit_quotas (enterprise_id);

-- The prices an administrator set; a report type without a row costs its default (credit/report-types.json).
CREATE TABLE credit_prices (
    report_type            TEXT    NOT NULL PRIMARY KEY,
    price_fen              ${bigint} NOT NULL CHECK (price_fen >= 0),
    urgent_surcharge_fen   ${bigint} NOT NULL CHECK (urgent_surcharge_fen >= 0),
    updated_by             ${bigint} NOT NULL REFERENCES users (id),
    updated_at             TEXT    NOT NULL
) ${strict};

-- Report orders. An order on a free slot has free = 1, its quota and slot; cancelled or unable-to-locate orders
-- give the slot back (they leave the partial unique index and free_used goes down in the same transaction).
CREATE TABLE credit_orders (
    id             ${id},
    enterprise_id  ${bigint} NOT NULL REFERENCES enterprises (id),
    report_type    TEXT    NOT NULL,
    buyer_id       ${bigint} REFERENCES buyers (id),
    country_code   TEXT    CHECK (country_code IS NULL OR length(country_code) = 2),
    hs_code        TEXT,
    product        TEXT,
    urgent         INTEGER NOT NULL CHECK (urgent IN (0, 1)),
    state          TEXT    NOT NULL CHECK (state IN ('ORDERED', 'IN_PROGRESS', 'DELIVERED', 'CANCELLED',
                                                     'UNABLE_TO_LOCATE')),
    free           INTEGER NOT NULL CHECK (free IN (0, 1)),
    quota_id       ${bigint} REFERENCES credit_quotas (id),
    slot           INTEGER CHECK (slot IS NULL OR slot >= 1),
    -- what the enterprise is charged (the urgent surcharge included), in fen; 0 for a free normal report
    charge_fen     ${bigint} NOT NULL CHECK (charge_fen >= 0),
    currency       TEXT    NOT NULL CHECK (currency = 'CNY'),
    ordered_by     ${bigint} NOT NULL REFERENCES users (id),
    -- 1 when an account manager ordered for the enterprise
    on_behalf      INTEGER NOT NULL CHECK (on_behalf IN (0, 1)),
    created_at     TEXT    NOT NULL,
    updated_at     TEXT    NOT NULL,
    taken_by       ${bigint} REFERENCES users (id),
    -- the delivered report (JSON, see credit.Report)
    report_json    TEXT,
    delivered_at   TEXT,
    CONSTRAINT ck_credit_orders_free CHECK ((free = 1) = (quota_id IS NOT NULL AND slot IS NOT NULL)),
    CONSTRAINT ck_credit_orders_delivered CHECK ((state = 'DELIVERED') = (report_json IS NOT NULL))
) ${strict};

-- A slot of a quota is held by at most one live free order: the quota can never be exceeded.
CREATE UNIQUE INDEX ux_credit_orders_slot ON credit_orders (quota_id, slot)
    WHERE free = 1 AND state IN ('ORDERED', 'IN_PROGRESS', 'DELIVERED');
CREATE INDEX ix_credit_orders_enterprise ON credit_orders (enterprise_id);
CREATE INDEX ix_credit_orders_state ON credit_orders (state);

-- Every change of an order's state, with who did it and why.
CREATE TABLE credit_order_events (
    id             ${id},
    order_id       ${bigint} NOT NULL REFERENCES credit_orders (id),
    from_state     TEXT,
    to_state       TEXT    NOT NULL,
    actor_id       ${bigint} NOT NULL REFERENCES users (id),
    note           TEXT,
    at             TEXT    NOT NULL
) ${strict};

CREATE INDEX ix_credit_order_events_order ON credit_order_events (order_id);
