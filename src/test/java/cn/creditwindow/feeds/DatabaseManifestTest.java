package cn.creditwindow.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * #16: a search cluster's feed manifest is in the database, shared by every node that ingests: what one node saved
 * another sees, nothing is kept before it is saved, and two nodes saving the same file both succeed.
 */
class DatabaseManifestTest {
    private static final String A = "a".repeat(64);
    private static final String B = "b".repeat(64);
    @TempDir
    Path dir;
    private Database db;
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-05T08:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void open() {
        db = Database.openFile(dir.resolve("records.db"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void whatOneNodeSavedAnotherSeesAndNothingIsKeptBeforeTheSave() throws Exception {
        FeedManifest one = FeedManifest.inDatabase(db, clock);
        FeedManifest other = FeedManifest.inDatabase(db, clock);
        assertThat(one.isUnchanged("trade-news/a.xml", A)).isFalse();
        one.put("trade-news/a.xml", A);
        assertThat(one.isUnchanged("trade-news/a.xml", A)).as("its own put, not yet saved").isTrue();
        assertThat(other.isUnchanged("trade-news/a.xml", A)).as("not saved: another node reads it again").isFalse();
        one.save();
        assertThat(other.isUnchanged("trade-news/a.xml", A)).isTrue();
        assertThat(other.isUnchanged("trade-news/a.xml", B)).as("changed content").isFalse();
        assertThat(db.<Long>read(tx -> tx.number("SELECT COUNT(*) FROM feed_files"))).isEqualTo(1);
    }

    @Test
    void twoNodesSavingTheSameFileBothSucceedAndTheLastHashStands() throws Exception {
        FeedManifest one = FeedManifest.inDatabase(db, clock);
        FeedManifest other = FeedManifest.inDatabase(db, clock);
        one.put("country-alert/x.rss", A);
        other.put("country-alert/x.rss", B);
        one.save();
        other.save();
        FeedManifest third = FeedManifest.inDatabase(db, clock);
        assertThat(third.isUnchanged("country-alert/x.rss", B)).isTrue();
        assertThat(db.<Long>read(tx -> tx.number("SELECT COUNT(*) FROM feed_files"))).isEqualTo(1);
    }
}
