package cn.creditwindow.app;

import cn.creditwindow.config.Config;
import cn.creditwindow.feeds.FeedIngester;
import cn.creditwindow.feeds.FeedParser;
import cn.creditwindow.reference.Countries;
import cn.creditwindow.reference.Gazetteer;
import cn.creditwindow.reference.Industries;
import cn.creditwindow.search.LuceneArticleIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import org.apache.lucene.store.FSDirectory;

/**
 * The risk-information core without the web: reference data, the index and the feed ingester. The
 * server builds its handlers on it; the {@code ingest} command uses it alone.
 */
final class RiskInformation implements AutoCloseable {
    final Countries countries;
    final Industries industries;
    final LuceneArticleIndex index;
    final FeedIngester ingester;

    RiskInformation(Config config, Clock clock) throws IOException {
        countries = Countries.load();
        industries = Industries.load();
        Files.createDirectories(config.indexDir());
        index = LuceneArticleIndex.open(FSDirectory.open(config.indexDir()), industries::withAncestors,
                config.cacheSize());
        ingester = new FeedIngester(new FeedParser(), new Gazetteer(countries, industries), countries, industries,
                index, config.feedsDir(), config.indexDir().resolve("feeds-manifest.txt"), clock);
    }

    @Override
    public void close() throws IOException {
        index.close();
    }
}
