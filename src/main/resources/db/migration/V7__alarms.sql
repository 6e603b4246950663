-- The credit alarm (资信报警器): the buyers each enterprise watches, and the alerts it has been sent.

CREATE TABLE watches (
    id                  ${id},
    enterprise_id       ${bigint} NOT NULL REFERENCES enterprises (id),
    buyer_id            ${bigint} NOT NULL REFERENCES buyers (id),
    -- a muted watch stays on the list but fires no new alerts
    muted               INTEGER NOT NULL DEFAULT 0 CHECK (muted IN (0, 1)),
    created_by_user_id  ${bigint} REFERENCES users (id),
    created_at          TEXT    NOT NULL,
    CONSTRAINT ux_watches_enterprise_buyer UNIQUE (enterprise_id, buyer_id)
) ${strict};

CREATE INDEX ix_watches_buyer ON watches (buyer_id);

-- One alert per enterprise, buyer and article (re-ingesting an article alerts nobody twice), or per enterprise,
-- buyer and credit-report order. order_id names an order of the credit-report tables (no foreign key: those
-- tables belong to the credit package's migration).
CREATE TABLE alerts (
    id              ${id},
    enterprise_id   ${bigint} NOT NULL REFERENCES enterprises (id),
    buyer_id        ${bigint} NOT NULL REFERENCES buyers (id),
    kind            TEXT    NOT NULL CHECK (kind IN ('ARTICLE', 'REPORT')),
    article_id      TEXT,
    order_id        ${bigint},
    -- the article's title, or the report's risk events, when the alert fired
    title           TEXT    NOT NULL,
    -- what matched: the buyer's name as found in the article, or the risk events, one per line
    matched         TEXT    NOT NULL,
    reason_zh       TEXT    NOT NULL,
    reason_en       TEXT    NOT NULL,
    created_at      TEXT    NOT NULL,
    read_at         TEXT,
    CONSTRAINT ck_alerts_source CHECK ((kind = 'ARTICLE' AND article_id IS NOT NULL AND order_id IS NULL)
        OR (kind = 'REPORT' AND order_id IS NOT NULL AND article_id IS NULL)),
    CONSTRAINT ux_alerts_article UNIQUE (enterprise_id, buyer_id, article_id),
    CONSTRAINT ux_alerts_report UNIQUE (enterprise_id, buyer_id, order_id)
) ${strict};

CREATE INDEX ix_alerts_enterprise ON alerts (enterprise_id, id);
