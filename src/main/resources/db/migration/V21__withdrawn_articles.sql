-- Articles the insurer took off the window (撤下): the wrong country, a legal complaint, the same item from two feeds.
-- The index only forgets an article; this table keeps it out: ingestion (folder scans and pushed documents) skips an
-- item whose id is here, so a rescan or a push of the same item never brings it back. A row is written before the
-- article leaves the index: when the index cannot be reached then, the row stays, and withdrawing it again or
-- ingesting the item again finishes the removal.

CREATE TABLE withdrawn_articles (
    -- the article's id in the index (from its guid, else its link, else its content: feeds.FeedIngester)
    article_id   TEXT NOT NULL PRIMARY KEY,
    -- its title when it was withdrawn, for whoever reads this later: the index no longer has it
    title        TEXT NOT NULL,
    -- who withdrew it: a person's sign-in name, or the name of an API token of the insurer's systems
    withdrawn_by TEXT NOT NULL,
    withdrawn_at TEXT NOT NULL,
    reason       TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 200)
) ${strict};
