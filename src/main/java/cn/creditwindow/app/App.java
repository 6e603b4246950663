package cn.creditwindow.app;

import cn.creditwindow.articles.ArticleHandlers;
import cn.creditwindow.articles.ArticlePages;
import cn.creditwindow.articles.ArticleQueries;
import cn.creditwindow.config.Config;
import cn.creditwindow.feeds.FeedHandlers;
import cn.creditwindow.feeds.FeedWatcher;
import cn.creditwindow.feeds.IngestReport;
import cn.creditwindow.home.HomePages;
import cn.creditwindow.reference.ReferenceHandlers;
import cn.creditwindow.web.ComingSoonPages;
import cn.creditwindow.web.Json;
import cn.creditwindow.web.Metrics;
import cn.creditwindow.web.Pages;
import cn.creditwindow.web.Routes;
import cn.creditwindow.web.SystemHandlers;
import cn.creditwindow.web.WebServer;
import io.javalin.Javalin;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application: builds every component with {@code new}, in one place, and owns their lifecycle.
 * Start with {@link #start()}, stop with {@link #close()}.
 */
public final class App implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(App.class);

    private final Config config;
    private final RiskInformation core;
    private final Metrics metrics;
    private final Javalin javalin;
    private FeedWatcher watcher;

    public App(Config config, Clock clock) throws IOException {
        this.config = config;
        this.core = new RiskInformation(config, clock);
        this.metrics = new Metrics(core.index::count);
        ArticleQueries queries = new ArticleQueries(core.countries, core.industries, config.zone());
        Pages pages = new Pages(config.zone());
        Routes.Handlers handlers = new Routes.Handlers(
                new ArticleHandlers(core.index, queries, core.ingester::localFile),
                new FeedHandlers(core.ingester, config.maxFeedBytes(), config.feedToken(), metrics::recordIngest),
                new ReferenceHandlers(core.countries, core.industries),
                new SystemHandlers(metrics, core.index::count),
                new HomePages(core.index, pages),
                new ArticlePages(core.index, queries, core.countries, core.industries, pages),
                new ComingSoonPages(pages));
        this.javalin = WebServer.create(Json.mapper(), metrics, config.maxFeedBytes(), pages, handlers);
    }

    /** Ingests new and changed feed files, starts watching the feeds folder, then serves HTTP. */
    public App start() throws IOException {
        IngestReport report = core.ingester.ingestFolder(p -> { });
        metrics.recordIngest(report);
        log.info("feeds: {} files ({} unchanged, {} failed), items {} new, {} updated, {} unchanged, {} rejected",
                report.files(), report.filesUnchanged(), report.failedFiles().size(), report.itemsNew(),
                report.itemsUpdated(), report.itemsUnchanged(), report.rejectedItems().size());
        report.failedFiles().forEach(f -> log.warn("feed file {} not read: {}", f.file(), f.reason()));
        report.rejectedItems().forEach(r -> log.warn("feed item {}#{} '{}' left out: {}", r.file(), r.position(),
                r.item(), r.reason()));
        if (config.watchFeeds()) {
            watcher = new FeedWatcher(core.ingester, config.feedsDir(), Duration.ofMillis(500), config.rescanInterval(),
                    this::logScan);
            watcher.start();
        }
        javalin.start(config.host(), config.port());
        return this;
    }

    private void logScan(IngestReport report) {
        metrics.recordIngest(report);
        log.info("feeds changed: {} files read, items {} new, {} updated, {} rejected, {} files failed",
                report.files() - report.filesUnchanged(), report.itemsNew(), report.itemsUpdated(),
                report.rejectedItems().size(), report.failedFiles().size());
        report.failedFiles().forEach(f -> log.warn("feed file {} not read: {}", f.file(), f.reason()));
    }

    /** The port the server listens on (useful when started with port 0). */
    public int port() {
        return javalin.port();
    }

    @Override
    public void close() throws IOException {
        javalin.stop();
        if (watcher != null) {
            watcher.close();
        }
        core.close();
    }
}
