package cn.creditwindow.server;

import cn.creditwindow.feeds.IngestReport;
import cn.creditwindow.search.SearchUnavailableException;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.LongSupplier;

/** The application's Prometheus metrics: HTTP requests, feed ingestion, the index, the JVM. */
public final class Metrics {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = new PrometheusTextFormatWriter(false);
    private final Histogram requests;
    private final Counter feedItems;
    private final Counter feedFiles;

    /** @param articleCount how many articles the index holds, read at each scrape */
    public Metrics(LongSupplier articleCount) {
        JvmMetrics.builder().register(registry);
        requests = Histogram.builder()
                .name("http_server_requests_seconds")
                .help("HTTP requests by method, route and status")
                .labelNames("method", "route", "status")
                .classicUpperBounds(0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5)
                .register(registry);
        feedItems = Counter.builder()
                .name("feed_items_total")
                .help("Feed items ingested, by outcome: new, updated, unchanged, rejected, withdrawn (left out)")
                .labelNames("outcome")
                .register(registry);
        feedFiles = Counter.builder()
                .name("feed_files_total")
                .help("Feed documents read, by outcome: read, unchanged, failed")
                .labelNames("outcome")
                .register(registry);
        GaugeWithCallback.builder()
                .name("articles_indexed")
                .help("Articles in the search index")
                .callback(cb -> {
                    try {
                        cb.call(articleCount.getAsLong());
                    } catch (SearchUnavailableException e) {
                        // the search cluster is down: the gauge has no value, the rest of the scrape still answers
                    }
                })
                .register(registry);
    }

    void recordRequest(String method, String route, int status, double seconds) {
        requests.labelValues(method, route, Integer.toString(status)).observe(seconds);
    }

    public void recordIngest(IngestReport report) {
        feedItems.labelValues("new").inc(report.itemsNew());
        feedItems.labelValues("updated").inc(report.itemsUpdated());
        feedItems.labelValues("unchanged").inc(report.itemsUnchanged());
        feedItems.labelValues("rejected").inc(report.rejectedItems().size());
        feedItems.labelValues("withdrawn").inc(report.itemsWithdrawn());
        int failed = report.failedFiles().size();
        feedFiles.labelValues("read").inc(report.files() - report.filesUnchanged() - failed);
        feedFiles.labelValues("unchanged").inc(report.filesUnchanged());
        feedFiles.labelValues("failed").inc(failed);
    }

    String contentType() {
        return writer.getContentType();
    }

    void scrape(OutputStream out) throws IOException {
        writer.write(out, registry.scrape());
    }
}
