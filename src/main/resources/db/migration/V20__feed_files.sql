-- The feed files read into a search cluster (Solr), by content hash, so that a rescan, a restart or another node reads
-- only new and changed files. The embedded index keeps this beside itself, in its folder, where it lives and goes
-- with the index; a cluster's is shared by every node, so it is kept here. A row is written only after the cluster
-- has committed the file's items: losing one costs a re-read (ingestion is idempotent), never an item.

CREATE TABLE feed_files (
    name        TEXT NOT NULL PRIMARY KEY,
    sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
    ingested_at TEXT NOT NULL
) ${strict};
