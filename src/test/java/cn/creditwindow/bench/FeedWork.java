package cn.creditwindow.bench;

import cn.creditwindow.feeds.FeedIngester;
import cn.creditwindow.feeds.FeedManifest;
import cn.creditwindow.feeds.FeedParser;
import cn.creditwindow.feeds.IngestReport;
import cn.creditwindow.reference.Countries;
import cn.creditwindow.reference.Gazetteer;
import cn.creditwindow.reference.Industries;
import cn.creditwindow.search.Article;
import cn.creditwindow.search.ArticleIndex;
import cn.creditwindow.search.ArticleQuery;
import cn.creditwindow.search.Overview;
import cn.creditwindow.search.SearchPage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The part of the window's {@code ingest} that is not indexing, in a JVM of its own as the whole command runs: the same
 * folder scan ({@link FeedIngester}: reading the files, parsing the XML, sanitising the bodies, resolving links and
 * tags) handing its batches to an index that keeps nothing. What the whole command costs beyond this is the index's.
 * Prints {@code FEED-WORK articles=…}.
 * <pre>
 * FeedWork FEEDS_DIR WORK_DIR
 * </pre>
 */
final class FeedWork {
    private FeedWork() {
    }

    public static void main(String[] args) throws Exception {
        Path feeds = Path.of(args[0]);
        Path work = Files.createDirectories(Path.of(args[1]));
        Countries countries = Countries.load();
        Industries industries = Industries.load();
        FeedIngester ingester = new FeedIngester(new FeedParser(), new Gazetteer(countries, industries), countries,
                industries, new Discarding(), feeds, FeedManifest.inFolder(work.resolve("feed-work-manifest.txt")),
                Clock.systemUTC());
        IngestReport report = ingester.ingestFolder(p -> { });
        System.out.printf("FEED-WORK articles=%d%n", report.itemsNew());
    }

    /** Takes every article as new and keeps none of them. */
    private static final class Discarding implements ArticleIndex {
        @Override
        public List<Outcome> upsert(List<Article> articles) {
            return Collections.nCopies(articles.size(), Outcome.NEW);
        }

        @Override
        public int delete(Collection<String> ids) {
            return 0;
        }

        @Override
        public SearchPage search(ArticleQuery query) {
            throw new UnsupportedOperationException("keeps nothing to search");
        }

        @Override
        public Overview overview(ArticleQuery query, int perModule) {
            throw new UnsupportedOperationException("keeps nothing to search");
        }

        @Override
        public Optional<Article> find(String id) {
            return Optional.empty();
        }

        @Override
        public long count() {
            return 0;
        }

        @Override
        public void close() {
        }
    }
}
