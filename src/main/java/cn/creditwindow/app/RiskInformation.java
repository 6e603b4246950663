package cn.creditwindow.app;

import cn.creditwindow.config.Config;
import cn.creditwindow.feeds.FeedIngester;
import cn.creditwindow.feeds.FeedParser;
import cn.creditwindow.reference.Countries;
import cn.creditwindow.reference.Gazetteer;
import cn.creditwindow.reference.Industries;
import cn.creditwindow.search.ArticleIndex;
import cn.creditwindow.search.LuceneArticleIndex;
import cn.creditwindow.search.SolrArticleIndex;
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
    final ArticleIndex index;
    final FeedIngester ingester;

    RiskInformation(Config config, Clock clock) throws IOException {
        countries = Countries.load();
        industries = Industries.load();
        index = openIndex(config, industries);
        ingester = new FeedIngester(new FeedParser(), new Gazetteer(countries, industries), countries, industries,
                index, config.feedsDir(), config.indexDir().resolve("feeds-manifest.txt"), clock);
    }

    /** The embedded index under the index folder, or the Solr collection of the settings. */
    static ArticleIndex openIndex(Config config, Industries industries) throws IOException {
        Config.Solr solr = config.solr();
        if (solr != null) {
            return new SolrArticleIndex(solr.nodes(), solr.collection(), solr.timeout(), industries::withAncestors);
        }
        Files.createDirectories(config.indexDir());
        return LuceneArticleIndex.open(FSDirectory.open(config.indexDir()), industries::withAncestors,
                config.cacheSize());
    }

    @Override
    public void close() throws IOException {
        index.close();
    }
}
