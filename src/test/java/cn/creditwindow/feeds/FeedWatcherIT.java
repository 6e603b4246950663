package cn.creditwindow.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.reference.Countries;
import cn.creditwindow.reference.Gazetteer;
import cn.creditwindow.reference.Industries;
import cn.creditwindow.search.ArticleQuery;
import cn.creditwindow.search.LuceneArticleIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files dropped into a watched folder (and a new module folder) become searchable by themselves. */
class FeedWatcherIT {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private static String rss(String guid, String title) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>t</title><item><title>"
                + title + "</title><guid>" + guid + "</guid><pubDate>Sat, 21 Nov 2026 09:00:00 +0800</pubDate>"
                + "</item></channel></rss>";
    }

    @Test
    void newAndChangedFilesAreIngestedWhileWatching() throws Exception {
        Countries countries = Countries.load();
        Industries industries = Industries.load();
        Path feeds = dir.resolve("feeds");
        Files.createDirectories(feeds.resolve("trade-news"));
        List<IngestReport> reports = new CopyOnWriteArrayList<>();
        try (LuceneArticleIndex index = LuceneArticleIndex.open(new ByteBuffersDirectory(), industries::withAncestors, 0)) {
            FeedIngester ingester = new FeedIngester(new FeedParser(), new Gazetteer(countries, industries), countries,
                    industries, index, feeds, FeedManifest.inFolder(dir.resolve("manifest.txt")), Clock.systemUTC());
            try (FeedWatcher watcher = new FeedWatcher(FolderScan.ownIndex(ingester), feeds, Duration.ofMillis(200), Duration.ofHours(1),
                    reports::add)) {
                watcher.start();
                Files.writeString(feeds.resolve("trade-news/a.xml"), rss("w-1", "秘鲁港口罢工影响出运"));
                awaitTotal(index, "秘鲁", 1);
                // a module folder created after the watch started
                Files.createDirectories(feeds.resolve("country-alerts"));
                Files.writeString(feeds.resolve("country-alerts/b.xml"), rss("w-2", "智利铜矿罢工"));
                awaitTotal(index, "智利", 1);
                Files.writeString(feeds.resolve("trade-news/a.xml"), rss("w-1", "秘鲁港口罢工结束"));
                awaitTitle(index, "秘鲁", "秘鲁港口罢工结束");
            }
        }
        assertThat(reports).isNotEmpty();
        assertThat(reports).allSatisfy(r -> assertThat(r.failedFiles()).isEmpty());
    }

    private static void awaitTotal(LuceneArticleIndex index, String keyword, long total) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (index.search(ArticleQuery.builder().keyword(keyword).build()).total() != total) {
            assertThat(System.nanoTime()).as("waiting for '%s'", keyword).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static void awaitTitle(LuceneArticleIndex index, String keyword, String title) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!index.search(ArticleQuery.builder().keyword(keyword).build()).items().stream()
                .anyMatch(h -> h.title().equals(title))) {
            assertThat(System.nanoTime()).as("waiting for '%s'", title).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
