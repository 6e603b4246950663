-- Secret keys the service makes for itself once, shared by every app node (#17): the key that signs the digests'
-- unsubscribe links, until now a file beside the SQLite file (<db>.unsubscribe-key), which a second node did not
-- have. The first node to start inserts its new key if there is none (INSERT … ON CONFLICT DO NOTHING), then every
-- node reads the one row, so two nodes starting at once end with the same key.

CREATE TABLE service_keys (
    name        TEXT NOT NULL PRIMARY KEY,
    -- the key, base64
    value       TEXT NOT NULL,
    created_at  TEXT NOT NULL
) ${strict};
