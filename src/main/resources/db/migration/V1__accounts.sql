-- Accounts: enterprises (by USCC), the people who sign in, account managers' portfolios, browser sessions
-- and the API tokens of the insurer's systems. Portable SQL: ${id}, ${bigint} and ${strict} are Flyway
-- placeholders set per database (store.Dialect); timestamps are ISO-8601 UTC text, flags 0/1.

CREATE TABLE enterprises (
    id             ${id},
    uscc           TEXT    NOT NULL,
    name_zh        TEXT    NOT NULL,
    name_en        TEXT,
    -- the 6-digit administrative division where it is registered (characters 3-8 of the USCC unless given)
    division_code  TEXT    NOT NULL CHECK (length(division_code) = 6),
    created_at     TEXT    NOT NULL,
    CONSTRAINT ux_enterprises_uscc UNIQUE (uscc)
) ${strict};

CREATE TABLE users (
    id             ${id},
    username       TEXT    NOT NULL,
    password_hash  TEXT    NOT NULL,
    display_name   TEXT    NOT NULL,
    role           TEXT    NOT NULL CHECK (role IN ('LEGAL_REPRESENTATIVE', 'OPERATOR', 'ACCOUNT_MANAGER', 'REVIEWER', 'ADMIN')),
    -- set for the enterprise's own people, and only for them
    enterprise_id  ${bigint} REFERENCES enterprises (id),
    mobile         TEXT,
    email          TEXT,
    failed_logins  INTEGER NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
    locked_until   TEXT,
    created_at     TEXT    NOT NULL,
    CONSTRAINT ux_users_username UNIQUE (username),
    CONSTRAINT ck_users_enterprise CHECK ((role IN ('LEGAL_REPRESENTATIVE', 'OPERATOR')) = (enterprise_id IS NOT NULL))
) ${strict};

-- An enterprise has at most one legal representative account.
CREATE UNIQUE INDEX ux_users_legal_representative ON users (enterprise_id) WHERE role = 'LEGAL_REPRESENTATIVE';

-- An account manager's portfolio: whole districts (a division code prefix, e.g. 440306 or 4403) ...
CREATE TABLE manager_districts (
    manager_id     ${bigint} NOT NULL REFERENCES users (id),
    division_code  TEXT    NOT NULL CHECK (length(division_code) BETWEEN 2 AND 6),
    CONSTRAINT pk_manager_districts PRIMARY KEY (manager_id, division_code)
) ${strict};

-- ... and enterprises named one by one.
CREATE TABLE manager_enterprises (
    manager_id     ${bigint} NOT NULL REFERENCES users (id),
    enterprise_id  ${bigint} NOT NULL REFERENCES enterprises (id),
    CONSTRAINT pk_manager_enterprises PRIMARY KEY (manager_id, enterprise_id)
) ${strict};

-- Browser sessions. Only a SHA-256 of the cookie's token is stored, so the table alone opens no session.
CREATE TABLE sessions (
    token_hash     TEXT    NOT NULL PRIMARY KEY,
    user_id        ${bigint} NOT NULL REFERENCES users (id),
    csrf_token     TEXT    NOT NULL,
    created_at     TEXT    NOT NULL,
    last_seen_at   TEXT    NOT NULL,
    expires_at     TEXT    NOT NULL
) ${strict};

CREATE INDEX ix_sessions_user ON sessions (user_id);

-- API tokens of the insurer's systems (feed push, ...). Only a SHA-256 of the token is stored.
CREATE TABLE api_tokens (
    id             ${id},
    name           TEXT    NOT NULL,
    token_hash     TEXT    NOT NULL,
    -- space-separated scopes, e.g. 'feeds:push'
    scopes         TEXT    NOT NULL,
    created_at     TEXT    NOT NULL,
    revoked_at     TEXT,
    CONSTRAINT ux_api_tokens_hash UNIQUE (token_hash),
    CONSTRAINT ux_api_tokens_name UNIQUE (name)
) ${strict};
