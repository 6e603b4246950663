package cn.creditwindow.app;

import cn.creditwindow.articles.Withdrawals;
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
import java.util.Set;
import org.apache.lucene.store.FSDirectory;

/**
 * The risk-information core without the web: reference data, the index, the withdrawn articles and the feed
 * ingester that keeps them out. The server builds its handlers on it; the {@code ingest} command uses it with the
 * database alone.
 */
final class RiskInformation implements AutoCloseable {
    final Countries countries;
    final Industries industries;
    final ArticleIndex index;
    /** The articles taken off the window; null without a database. */
    final Withdrawals withdrawals;
    final FeedIngester ingester;

    /**
     * @param db the records: the withdrawn articles, and a search cluster's feed manifest; not closed here. May be
     *           null with the embedded index (which keeps its manifest in its folder) when there is no database yet:
     *           nothing has been withdrawn then
     */
    RiskInformation(Config config, Database db, Clock clock) throws IOException {
        countries = Countries.load();
        industries = Industries.load();
        index = openIndex(config, industries);
        FeedManifest manifest = config.solr() == null
                ? FeedManifest.inFolder(config.indexDir().resolve("feeds-manifest.txt"))
                : FeedManifest.inDatabase(db, clock);
        withdrawals = db == null ? null : new Withdrawals(db, index, clock, config.zone());
        ingester = new FeedIngester(new FeedParser(), new Gazetteer(countries, industries), countries, industries,
                index, config.feedsDir(), manifest, withdrawals == null ? ids -> Set.of() : withdrawals::among, clock);
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
