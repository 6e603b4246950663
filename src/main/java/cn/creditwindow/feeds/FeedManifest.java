package cn.creditwindow.feeds;

import cn.creditwindow.store.Database;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Remembers which feed files were ingested, by content hash, so that a restart or a rescan reads only new and changed
 * files. What it says is written only after the index has committed a file's items ({@link #put}, then
 * {@link #save} once they are stored): losing it costs a re-read (ingestion is idempotent), never an item.
 *
 * <p>The embedded index keeps it in its own folder ({@link #inFolder}), so that it goes with the index; a search
 * cluster's is shared by every node that ingests, in the database ({@link #inDatabase}).
 */
public interface FeedManifest {
    /** True when the file {@code name} (its path under the feed folder) was ingested with this content before. */
    boolean isUnchanged(String name, String hash);

    /** Notes that the file {@code name} has been ingested with this content; kept by the next {@link #save}. */
    void put(String name, String hash);

    /** Keeps what was {@link #put} since the last save. */
    void save() throws IOException;

    /** A manifest in a text file, e.g. {@code index/feeds-manifest.txt}. */
    static FeedManifest inFolder(Path file) {
        return new FileManifest(file);
    }

    /** A manifest in the database's {@code feed_files} table, shared by every node of a deployment. */
    static FeedManifest inDatabase(Database db, Clock clock) {
        return new DatabaseManifest(db, clock);
    }
}
