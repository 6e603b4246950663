-- Work that must happen once in a deployment of several app nodes on one database (#17).
--
-- Leases (store.Leases): a named piece of scheduled work (the monthly digest run, the feed-folder scans) runs on the
-- node whose name is in holder until expires_at; the holder renews it while it works and deletes it at the end. A
-- holder that dies stops renewing, and another node takes the lease once it has expired. A row, not an advisory lock:
-- the same on SQLite and PostgreSQL, and it ties no pooled connection up for the length of the run.
CREATE TABLE leases (
    name        TEXT NOT NULL PRIMARY KEY,
    -- the node holding it: host name and a random id per process
    holder      TEXT NOT NULL,
    expires_at  TEXT NOT NULL
) ${strict};

-- A PENDING e-mail a dispatcher has claimed for sending (notify.MailDispatcher): the other nodes' dispatchers pass it
-- over until claimed_until, so no two send it; a dispatcher that dies after claiming leaves it to the others once
-- the claim has run out. Both null when no one has claimed it (or the claim ended with the attempt).
ALTER TABLE mail_deliveries ADD COLUMN claimed_by TEXT;
ALTER TABLE mail_deliveries ADD COLUMN claimed_until TEXT;
