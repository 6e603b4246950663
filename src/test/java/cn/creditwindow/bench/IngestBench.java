package cn.creditwindow.bench;

import cn.creditwindow.search.Article;
import cn.creditwindow.search.Module;
import cn.creditwindow.feeds.FeedIngester;
import cn.creditwindow.feeds.IngestReport;
import cn.creditwindow.search.ArticleIndex;
import cn.creditwindow.search.LuceneArticleIndex;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ingest rate of the service against a raw IndexWriter, batch by batch: each batch goes to the service
 * index and to the raw index one right after the other (which one first alternates), so both see the
 * same machine, and the same background merging of both indexes.
 */
final class IngestBench {
    /** The time one batch took on each side. */
    record BatchPair(int articles, long serviceNanos, long rawNanos) {
    }

    /**
     * Rates in articles per second over all pairs; {@code ratio} is the median of the per-batch ratios
     * of service rate to raw rate.
     */
    record Rates(double service, double raw, double ratio, int pairs, int articles) {
        static Rates of(List<BatchPair> pairs) {
            long s = 0;
            long r = 0;
            int n = 0;
            double[] ratios = new double[pairs.size()];
            for (int i = 0; i < pairs.size(); i++) {
                BatchPair p = pairs.get(i);
                s += p.serviceNanos();
                r += p.rawNanos();
                n += p.articles();
                ratios[i] = (double) p.rawNanos() / p.serviceNanos();
            }
            return new Rates(n / (s / 1e9), n / (r / 1e9), Stats.median(ratios), pairs.size(), n);
        }
    }

    private final Corpus corpus;
    private final FeedDocuments feeds;
    private final List<BatchPair> upserts = new ArrayList<>();

    IngestBench(Corpus corpus) {
        this.corpus = corpus;
        this.feeds = new FeedDocuments(corpus);
    }

    /** Articles {@code from} to {@code to} through {@link LuceneArticleIndex#upsert} and the raw writer. */
    void upsert(LuceneArticleIndex index, RawLucene.Writer raw, int from, int to, int batch) throws IOException {
        long started = System.nanoTime();
        for (int lo = from; lo < to; lo += batch) {
            int hi = Math.min(to, lo + batch);
            List<Article> articles = corpus.articles(lo, hi);
            long service;
            long baseline;
            if (upserts.size() % 2 == 0) {
                service = upsertBatch(index, articles);
                baseline = rawBatch(raw, articles);
            } else {
                baseline = rawBatch(raw, articles);
                service = upsertBatch(index, articles);
            }
            upserts.add(new BatchPair(articles.size(), service, baseline));
            if (upserts.size() % 10 == 0 || hi == to) {
                System.out.printf("  ingested %,d of %,d (%.0f s)%n", hi, to, (System.nanoTime() - started) / 1e9);
            }
        }
    }

    /** Rates over every upsert batch so far (the whole build up to the current size). */
    Rates upsertRates() {
        return Rates.of(upserts);
    }

    /**
     * Articles {@code from} onwards as {@code docs} RSS documents of {@code items} items each, through
     * {@link FeedIngester#ingestDocument} and, with their summaries as bodies, the raw writer.
     */
    Rates feeds(FeedIngester ingester, RawLucene.Writer raw, int from, int docs, int items) throws IOException {
        List<BatchPair> pairs = new ArrayList<>();
        for (int d = 0; d < docs; d++) {
            int lo = from + d * items;
            byte[] rss = feeds.rss(lo, lo + items);
            List<Article> articles = feeds.articles(lo, lo + items);
            Map<String, String> bodies = new HashMap<>();
            for (int i = lo; i < lo + items; i++) {
                bodies.put(Corpus.id(i), corpus.summary(i));
            }
            Module module = Module.values()[d % Module.values().length];
            long service;
            long baseline;
            if (d % 2 == 0) {
                service = feedBatch(ingester, rss, module, d, items);
                baseline = rawFeedBatch(raw, articles, bodies);
            } else {
                baseline = rawFeedBatch(raw, articles, bodies);
                service = feedBatch(ingester, rss, module, d, items);
            }
            pairs.add(new BatchPair(items, service, baseline));
        }
        return Rates.of(pairs);
    }

    private static long upsertBatch(LuceneArticleIndex index, List<Article> articles) throws IOException {
        long t0 = System.nanoTime();
        List<ArticleIndex.Outcome> outcomes = index.upsert(articles);
        long t = System.nanoTime() - t0;
        long fresh = outcomes.stream().filter(o -> o == ArticleIndex.Outcome.NEW).count();
        if (fresh != articles.size()) {
            throw new IllegalStateException("expected " + articles.size() + " new articles, upsert said " + fresh);
        }
        return t;
    }

    private static long rawBatch(RawLucene.Writer raw, List<Article> articles) throws IOException {
        long t0 = System.nanoTime();
        raw.write(articles, null);
        return System.nanoTime() - t0;
    }

    private static long rawFeedBatch(RawLucene.Writer raw, List<Article> articles, Map<String, String> bodies)
            throws IOException {
        long t0 = System.nanoTime();
        raw.write(articles, a -> bodies.get(a.id()));
        return System.nanoTime() - t0;
    }

    private static long feedBatch(FeedIngester ingester, byte[] rss, Module module, int d, int items)
            throws IOException {
        long t0 = System.nanoTime();
        IngestReport report = ingester.ingestDocument(rss, module, "bench-" + d + ".xml");
        long t = System.nanoTime() - t0;
        if (report.itemsNew() != items || !report.failedFiles().isEmpty() || !report.rejectedItems().isEmpty()) {
            throw new IllegalStateException("feed document " + d + ": expected " + items + " new items, got "
                    + report.itemsNew() + " new, " + report.rejectedItems().size() + " rejected, failures "
                    + report.failedFiles());
        }
        return t;
    }
}
