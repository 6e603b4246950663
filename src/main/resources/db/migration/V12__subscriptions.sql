-- Subscriptions and monthly digests (信息订阅, SPEC §2, manual 1.4). A subscription is a saved risk-information
-- query of an enterprise user: its conditions are stored resolved to codes (modules by id, countries by ISO code,
-- industries by code, keywords as typed). Each month the digest run records one digest per subscriber (user) and
-- month, in the transaction that also records its e-mail in the outbox, so a subscriber is either fully recorded
-- or not at all and a re-run skips those already recorded.

CREATE TABLE subscriptions (
    id               ${id},
    enterprise_id    ${bigint} NOT NULL REFERENCES enterprises (id),
    -- the subscriber: the digest goes to this user's e-mail address
    user_id          ${bigint} NOT NULL REFERENCES users (id),
    name             TEXT    NOT NULL,
    -- comma-separated module ids, ISO codes and industry codes; empty = any
    modules          TEXT    NOT NULL,
    countries        TEXT    NOT NULL,
    industries       TEXT    NOT NULL,
    -- space-separated keywords, each must occur in the title; empty = none
    keywords         TEXT    NOT NULL,
    state            TEXT    NOT NULL,
    -- SHA-256 (hex) of the private token of the subscription's Atom feed; the token itself is shown once
    feed_token_hash  TEXT    NOT NULL,
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL,
    CONSTRAINT ck_subscriptions_state CHECK (state IN ('ACTIVE', 'PAUSED', 'UNSUBSCRIBED')),
    CONSTRAINT ux_subscriptions_feed UNIQUE (feed_token_hash)
) ${strict};

CREATE INDEX ix_subscriptions_enterprise ON subscriptions (enterprise_id);
CREATE INDEX ix_subscriptions_user ON subscriptions (user_id);

-- One digest per subscriber and month (yyyy-MM), the final guard of "exactly once". content is the digest as
-- JSON (what the archive shows); articles and alerts count what it holds. An empty digest (nothing matched) is
-- recorded too, with sent = 0, so that the month's decision is final; it is neither sent nor listed.
CREATE TABLE digests (
    id               ${id},
    user_id          ${bigint} NOT NULL REFERENCES users (id),
    enterprise_id    ${bigint} NOT NULL REFERENCES enterprises (id),
    month            TEXT    NOT NULL,
    articles         INTEGER NOT NULL CHECK (articles >= 0),
    alerts           INTEGER NOT NULL CHECK (alerts >= 0),
    -- 1 when its e-mail was recorded in the outbox (the outbox's delivery rows say whether it went out)
    sent             INTEGER NOT NULL CHECK (sent IN (0, 1)),
    content          TEXT    NOT NULL,
    created_at       TEXT    NOT NULL,
    CONSTRAINT ux_digests_user_month UNIQUE (user_id, month),
    CONSTRAINT ck_digests_sent CHECK (sent = 0 OR articles + alerts > 0)
) ${strict};

CREATE INDEX ix_digests_enterprise ON digests (enterprise_id, month);

-- The monthly runs: a month whose run has finished is not started again by the schedule (a crashed run has no
-- finished_at and is run again, sending only what is missing).
CREATE TABLE digest_runs (
    month            TEXT    NOT NULL,
    started_at       TEXT    NOT NULL,
    finished_at      TEXT,
    recorded         INTEGER NOT NULL DEFAULT 0,
    sent             INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT pk_digest_runs PRIMARY KEY (month)
) ${strict};

-- The month's alerts of the credit alarm, read by the digest run.
CREATE INDEX ix_alerts_created ON alerts (created_at);
