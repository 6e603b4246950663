-- Schemes an administrator adds as data (next year's notice, a scheme extended by a new id): one scheme object in the
-- format of the bundled files (schemes/README.md), kept as sent and read again by every node; the bundled files and
-- these rows together are the schemes the service knows. Rows are never changed or removed: a scheme's id, once
-- used by lists and policies, keeps its meaning.

CREATE TABLE added_schemes (
    id          ${id},
    scheme_id   TEXT      NOT NULL,
    json        TEXT      NOT NULL,
    added_by    ${bigint} NOT NULL REFERENCES users (id),
    added_at    TEXT      NOT NULL,
    CONSTRAINT ux_added_schemes_scheme UNIQUE (scheme_id)
) ${strict};

-- The policy year an eligible list is for: the first day of one of its scheme's policy years, the year in force (or
-- the next to start) on the day of import. Lists imported before schemes had several years are for the scheme's
-- first year: NULL here.
ALTER TABLE eligible_lists ADD COLUMN year_start TEXT CHECK (year_start IS NULL OR length(year_start) = 10);
