-- The working-day calendar's later years (节假日安排): an administrator loads a year's official holiday schedule
-- (the State Council's notice) as a CSV or ICS file, without a release; the years up to the release's are bundled
-- (calendar/holidays.csv) and a loaded year takes the place of a bundled one. Loading a year again replaces its row's
-- file details and all its days in one transaction. Every node reads the calendar from here.

CREATE TABLE calendar_years (
    id          ${id},
    year        INTEGER   NOT NULL CHECK (year BETWEEN 2000 AND 2099),
    format      TEXT      NOT NULL CHECK (format IN ('CSV', 'ICS')),
    file_name   TEXT,
    loaded_by   ${bigint} NOT NULL REFERENCES users (id),
    loaded_at   TEXT      NOT NULL,
    CONSTRAINT ux_calendar_years_year UNIQUE (year)
) ${strict};

CREATE TABLE calendar_days (
    id          ${id},
    year_id     ${bigint} NOT NULL REFERENCES calendar_years (id),
    day         TEXT      NOT NULL CHECK (length(day) = 10),
    -- HOLIDAY: a day off (weekend days inside a break too); WORKDAY: a Saturday or Sunday worked in lieu (调休上班)
    kind        TEXT      NOT NULL CHECK (kind IN ('HOLIDAY', 'WORKDAY')),
    name        TEXT      NOT NULL,
    CONSTRAINT ux_calendar_days_day UNIQUE (day)
) ${strict};

CREATE INDEX ix_calendar_days_year ON calendar_days (year_id);

-- A claim's decision deadline counted through a year whose schedule was not loaded is provisional: the years it
-- lacked, comma-separated ("2027"); NULL when the deadline is exact. Recomputed when such a year is loaded.
ALTER TABLE claims ADD COLUMN decision_due_missing TEXT
    CHECK (decision_due_missing IS NULL OR decision_due_on IS NOT NULL);
