package cn.creditwindow.feeds;

import cn.creditwindow.store.Database;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link FeedManifest} in the {@code feed_files} table: read row by row as files are looked at (another node may
 * have ingested one since), written in one transaction at each {@link #save}, each row inserted or, when another
 * node got there first, overwritten (both wrote the same file's items: either hash is true).
 */
final class DatabaseManifest implements FeedManifest {
    private final Database db;
    private final Clock clock;
    private final Map<String, String> pending = new LinkedHashMap<>();

    DatabaseManifest(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public boolean isUnchanged(String name, String hash) {
        synchronized (pending) {
            String put = pending.get(name);
            if (put != null) {
                return put.equals(hash);
            }
        }
        Optional<String> stored = db.read(tx -> tx.one("SELECT sha256 FROM feed_files WHERE name = ?",
                r -> r.string("sha256"), name));
        return stored.map(hash::equals).orElse(false);
    }

    @Override
    public void put(String name, String hash) {
        synchronized (pending) {
            pending.put(name, hash);
        }
    }

    @Override
    public void save() {
        Map<String, String> rows;
        synchronized (pending) {
            rows = new LinkedHashMap<>(pending);
        }
        if (rows.isEmpty()) {
            return;
        }
        db.inTransaction(tx -> {
            for (Map.Entry<String, String> row : rows.entrySet()) {
                tx.update("INSERT INTO feed_files (name, sha256, ingested_at) VALUES (?, ?, ?) ON CONFLICT (name)"
                        + " DO UPDATE SET sha256 = excluded.sha256, ingested_at = excluded.ingested_at",
                        row.getKey(), row.getValue(), clock.instant());
            }
            return null;
        });
        synchronized (pending) {
            rows.forEach((name, hash) -> pending.remove(name, hash)); // unless put again meanwhile
        }
    }
}
