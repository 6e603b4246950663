-- Insurance inquiries (投保咨询, manual 3.2) and the message board (调查问卷 / 留言板, manual 7): an enterprise's
-- people submit them (read-only from then on), the insurer's staff answer or reply. Addresses keep the division
-- codes and, as a snapshot, the names they had when submitted (a later edition of the codes may rename or drop a
-- division; the record keeps what the enterprise chose).

CREATE TABLE inquiries (
    id              ${id},
    -- 投保流水号: ZX + the day (China time, yyyyMMdd) + a 4-digit sequence of that day
    serial          TEXT    NOT NULL CHECK (length(serial) = 14 AND substr(serial, 1, 2) = 'ZX'),
    serial_day      TEXT    NOT NULL CHECK (length(serial_day) = 8),
    serial_seq      INTEGER NOT NULL CHECK (serial_seq BETWEEN 1 AND 9999),
    enterprise_id   ${bigint} NOT NULL REFERENCES enterprises (id),
    submitted_by    ${bigint} NOT NULL REFERENCES users (id),
    company_name    TEXT    NOT NULL,
    province_code   TEXT    NOT NULL CHECK (length(province_code) = 6),
    province_name   TEXT    NOT NULL,
    city_code       TEXT    NOT NULL CHECK (length(city_code) = 6),
    city_name       TEXT    NOT NULL,
    -- null only for a city without districts (东莞市, 中山市, 儋州市)
    district_code   TEXT    CHECK (district_code IS NULL OR length(district_code) = 6),
    district_name   TEXT,
    address         TEXT    NOT NULL,
    contact_name    TEXT    NOT NULL,
    mobile          TEXT    NOT NULL CHECK (length(mobile) = 11),
    email           TEXT    NOT NULL,
    inquiry_type    TEXT    NOT NULL CHECK (inquiry_type IN ('INSURE', 'BUYER_RESOURCES', 'OTHER')),
    other_needs     TEXT,
    state           TEXT    NOT NULL CHECK (state IN ('SUBMITTED', 'ANSWERED')),
    submitted_at    TEXT    NOT NULL,
    answer          TEXT,
    answered_by     ${bigint} REFERENCES users (id),
    answered_at     TEXT,
    CONSTRAINT ux_inquiries_serial UNIQUE (serial),
    CONSTRAINT ux_inquiries_day_seq UNIQUE (serial_day, serial_seq),
    CONSTRAINT ck_inquiries_district CHECK ((district_code IS NULL) = (district_name IS NULL)),
    CONSTRAINT ck_inquiries_other CHECK (inquiry_type <> 'OTHER' OR other_needs IS NOT NULL),
    CONSTRAINT ck_inquiries_answer CHECK ((state = 'ANSWERED') = (answer IS NOT NULL AND answered_by IS NOT NULL
        AND answered_at IS NOT NULL))
) ${strict};

CREATE INDEX ix_inquiries_enterprise ON inquiries (enterprise_id, id);
CREATE INDEX ix_inquiries_state ON inquiries (state, id);

CREATE TABLE board_messages (
    id              ${id},
    enterprise_id   ${bigint} NOT NULL REFERENCES enterprises (id),
    submitted_by    ${bigint} NOT NULL REFERENCES users (id),
    company_name    TEXT    NOT NULL,
    province_code   TEXT    NOT NULL CHECK (length(province_code) = 6),
    province_name   TEXT    NOT NULL,
    city_code       TEXT    NOT NULL CHECK (length(city_code) = 6),
    city_name       TEXT    NOT NULL,
    district_code   TEXT    CHECK (district_code IS NULL OR length(district_code) = 6),
    district_name   TEXT,
    contact_name    TEXT    NOT NULL,
    mobile          TEXT    NOT NULL CHECK (length(mobile) = 11),
    -- optional on the board
    email           TEXT,
    subject         TEXT    NOT NULL,
    content         TEXT    NOT NULL,
    state           TEXT    NOT NULL CHECK (state IN ('SUBMITTED', 'REPLIED')),
    submitted_at    TEXT    NOT NULL,
    reply           TEXT,
    replied_by      ${bigint} REFERENCES users (id),
    replied_at      TEXT,
    CONSTRAINT ck_board_messages_district CHECK ((district_code IS NULL) = (district_name IS NULL)),
    CONSTRAINT ck_board_messages_reply CHECK ((state = 'REPLIED') = (reply IS NOT NULL AND replied_by IS NOT NULL
        AND replied_at IS NOT NULL))
) ${strict};

CREATE INDEX ix_board_messages_enterprise ON board_messages (enterprise_id, id);
CREATE INDEX ix_board_messages_state ON board_messages (state, id);
