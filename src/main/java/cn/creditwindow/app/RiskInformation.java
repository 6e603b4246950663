package cn.creditwindow.app;

import cn.creditwindow.config.Config;
import cn.creditwindow.feeds.FeedIngester;
import cn.creditwindow.feeds.FeedManifest;
import cn.creditwindow.feeds.FeedParser;
import cn.creditwindow.reference.Countries;
import cn.creditwindow.reference.Gazetteer;
import cn.creditwindow.reference.Industries;
import cn.creditwindow.search.ArticleIndex;
import cn.creditwindow.search.LuceneArticleIndex;
import cn.creditwindow.search.SolrArticleIndex;
import cn.creditwindow.store.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import org.apache.lucene.store.FSDirectory;

/**
 * The risk-information core without the web: reference data, the index and the feed ingester. The
 * server builds its handlers on it; the {@code ingest} command uses it with the database alone.
 */
final class RiskInformation implements AutoCloseable {
    final Countries countries;
    final Industries industries;
    final ArticleIndex index;
    final FeedIngester ingester;

    /**
     * @param db the records, where a search cluster's feed manifest is kept; not closed here, and not needed (null)
     *           with the embedded index, which keeps its own in its folder
     */
    RiskInformation(Config config, Database db, Clock clock) throws IOException {
        countries = Countries.load();
        industries = Industries.load();
        index = openIndex(config, industries);
        FeedManifest manifest = config.solr() == null
                ? FeedManifest.inFolder(config.indexDir().resolve("feeds-manifest.txt"))
                : FeedManifest.inDatabase(db, clock);
        ingester = new FeedIngester(new FeedParser(), new Gazetteer(countries, industries), countries, industries,
                index, config.feedsDir(), manifest, clock);
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
