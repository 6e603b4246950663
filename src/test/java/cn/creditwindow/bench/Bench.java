package cn.creditwindow.bench;

import cn.creditwindow.bench.QueryMix.BenchQuery;
import cn.creditwindow.feeds.FeedIngester;
import cn.creditwindow.feeds.FeedManifest;
import cn.creditwindow.feeds.FeedParser;
import cn.creditwindow.reference.Countries;
import cn.creditwindow.reference.Gazetteer;
import cn.creditwindow.reference.Industries;
import cn.creditwindow.search.LuceneArticleIndex;
import cn.creditwindow.search.SearchPage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.apache.lucene.store.FSDirectory;

/**
 * The search benchmark: ingest, in-process queries, SQLite LIKE and HTTP, at each index size, every
 * figure next to a baseline measured in the same run. Run with {@code mvn -Pbench -DskipTests verify}
 * (options through {@code -Dbench.args="..."}, see {@link BenchOptions}); the tables are printed and
 * written to {@code <work>/results.md}. See BENCHMARKS.md for what it measures and the last figures.
 */
final class Bench {
    private static final long SEED = 20_240_601L;
    private static final int POPULAR = 500;
    private static final int REPEATING_IN_PROCESS = 4_000;
    private static final int HTTP_WARM_UP = 40_000;
    private static final int HTTP_WARM_UP_SECONDS = 20;
    private static final int HTTP_SLICE = 80_000;
    private static final int HTTP_REPEATING = 50_000;
    private static final int CACHE_SIZE = 2_000;

    private final BenchOptions options;
    private final Corpus corpus;
    private final Industries industries;
    private final Countries countries;
    private final Gazetteer gazetteer;
    private final Path serviceDir;
    private final Path rawDir;
    private final QueryBench queryBench;

    private Bench(BenchOptions options, Corpus corpus, Countries countries, Industries industries,
                  Gazetteer gazetteer) {
        this.options = options;
        this.corpus = corpus;
        this.countries = countries;
        this.industries = industries;
        this.gazetteer = gazetteer;
        this.serviceDir = options.work().resolve("service-index");
        this.rawDir = options.work().resolve("raw-index");
        this.queryBench = new QueryBench(options.rounds());
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("digest")) { // the monthly digest benchmark (subscriptions)
            DigestBench.main(args);
            return;
        }
        if (args.length > 0 && args[0].equals("solr")) { // the window on SolrCloud (#16)
            SolrBench.main(args);
            return;
        }
        if (args.length > 0 && args[0].equals("search18")) { // the window against one Solr core, and ingest (#18)
            SolrCoreBench.main(args);
            return;
        }
        if (args.length > 0 && args[0].equals("nodes")) { // SQLite vs PostgreSQL with one and two nodes (#17)
            NodesBench.main(args);
            return;
        }
        BenchOptions options = BenchOptions.parse(args);
        long started = System.nanoTime();
        Path titles = options.data().resolve("headlines-zh/all_titles.txt");
        Countries countries = Countries.load();
        Industries industries = Industries.load();
        Gazetteer gazetteer = new Gazetteer(countries, industries);
        Corpus corpus = new Corpus(Corpus.readTitles(titles), gazetteer);
        prepareWork(options.work());
        Bench bench = new Bench(options, corpus, countries, industries, gazetteer);
        Report report = bench.run(String.join(" ", args));
        String md = report.markdown();
        Files.writeString(options.work().resolve("results.md"), md);
        System.out.println();
        System.out.println(md);
        System.out.printf("(whole run %.1f min; results also in %s; sink %d)%n", (System.nanoTime() - started) / 6e10,
                options.work().resolve("results.md"), bench.queryBench.sink());
    }

    private Report run(String args) throws Exception {
        List<Integer> sizes = sizes();
        int httpQueries = options.http() ? HTTP_WARM_UP + 2 * HTTP_SLICE : 0;
        System.out.printf("%,d real titles; sizes %s; drawing %,d distinct queries%n", corpus.realTitles(), sizes,
                options.queries() + httpQueries);
        List<BenchQuery> all = new QueryMix(corpus).distinct(options.queries() + httpQueries, SEED);
        List<BenchQuery> mix = all.subList(0, options.queries());
        List<BenchQuery> repeating = QueryMix.repeating(all, Math.min(POPULAR, all.size()), REPEATING_IN_PROCESS,
                SEED + 1);
        Report report = new Report(Machine.describe(), "mvn -Pbench -DskipTests verify"
                + (args.isEmpty() ? "" : " -Dbench.args=\"" + args + "\""));
        IngestBench ingest = new IngestBench(corpus);
        int next = 0;
        try (SqliteBaseline sqlite = new SqliteBaseline(options.work().resolve("like.sqlite"))) {
            for (int size : sizes) {
                Report.Section section = report.section(size);
                section.batch = options.batch();
                System.out.printf("%n== %,d titles == (load average %s)%n", size, Machine.load(report));
                build(ingest, next, size, section);
                System.out.println("in-process queries");
                sqlite.fillTo(corpus, size);
                inProcess(section, mix, repeating, sqlite, "" + size);
                Machine.load(report);
                if (options.http()) {
                    http(section, all, repeating, size);
                }
                Machine.load(report);
                if (options.feedDocs() > 0) {
                    section.feeds = feeds(ingest, size);
                    section.feedDocs = options.feedDocs();
                    section.feedItems = options.feedItems();
                }
                next = size + options.feedDocs() * options.feedItems();
            }
        }
        Machine.load(report);
        return report;
    }

    private List<Integer> sizes() {
        List<Integer> out = new ArrayList<>();
        int previous = -1;
        for (int s : options.sizes()) {
            int size = s == 0 ? corpus.realTitles() : s;
            if (previous >= 0 && size < previous + options.feedDocs() * options.feedItems()) {
                throw new IllegalArgumentException("--sizes must grow by at least the feed items added after each"
                        + " size (" + options.feedDocs() * options.feedItems() + "): " + options.sizes());
            }
            out.add(size);
            previous = size;
        }
        return out;
    }

    /** Upserts articles {@code from}..{@code size} into both indexes, then closes them (waiting for merges). */
    private void build(IngestBench ingest, int from, int size, Report.Section section) throws IOException {
        System.out.println("ingest: service upsert vs raw IndexWriter, alternating batches");
        try (LuceneArticleIndex index = LuceneArticleIndex.open(FSDirectory.open(serviceDir),
                industries::withAncestors, 0);
             RawLucene.Writer raw = new RawLucene.Writer(rawDir, industries::withAncestors)) {
            ingest.upsert(index, raw, from, size, options.batch());
        }
        section.upsert = ingest.upsertRates();
        section.serviceBytes = Machine.bytes(serviceDir);
        section.rawBytes = Machine.bytes(rawDir);
        System.out.printf("  upsert %,.0f/s, raw %,.0f/s, median ratio %.2f; index %,d MB (raw %,d MB)%n",
                section.upsert.service(), section.upsert.raw(), section.upsert.ratio(), section.serviceBytes / 1_000_000,
                section.rawBytes / 1_000_000);
    }

    private void inProcess(Report.Section section, List<BenchQuery> mix, List<BenchQuery> repeating,
                           SqliteBaseline sqlite, String tag) throws Exception {
        Recording jfr = options.jfr() ? startJfr() : null;
        try (LuceneArticleIndex cold = LuceneArticleIndex.openReadOnly(FSDirectory.open(serviceDir), 0);
             LuceneArticleIndex cached = LuceneArticleIndex.openReadOnly(FSDirectory.open(serviceDir), CACHE_SIZE);
             RawLucene.Searcher raw = new RawLucene.Searcher(serviceDir)) {
            verify(section, cold, raw, mix);
            QueryBench.Contender service = q -> consume(cold.search(q.toArticleQuery()));
            QueryBench.Contender withCache = q -> consume(cached.search(q.toArticleQuery()));
            QueryBench.Contender baseline = q -> consume(raw.search(q.keywords(), q.countries()));
            QueryBench.Contender serviceNoFacets = q -> consume(cold.search(q.toArticleQuery(false)));
            for (int threads : List.of(1, 2)) {
                section.queries.add(queryBench.compare(Report.COLD, service, baseline, mix, threads));
                section.queries.add(queryBench.compare(Report.COLD_NO_FACETS, serviceNoFacets, baseline, mix, threads));
            }
            for (int threads : List.of(1, 2)) {
                section.queries.add(queryBench.compare(Report.CACHED, withCache, baseline, repeating, threads));
            }
            if (options.likeQueries() > 0) {
                section.like = like(cold, sqlite, mix.subList(0, Math.min(options.likeQueries(), mix.size())));
            }
        } finally {
            if (jfr != null) {
                jfr.dump(options.work().resolve("queries-" + tag + ".jfr"));
                jfr.close();
            }
        }
    }

    /** Both sides must give the same total and the same titles, or the comparison means nothing. */
    private static void verify(Report.Section section, LuceneArticleIndex service, RawLucene.Searcher raw,
                               List<BenchQuery> mix) {
        int mismatches = 0;
        for (BenchQuery q : mix) {
            SearchPage page = service.search(q.toArticleQuery());
            RawLucene.Page expected = raw.search(q.keywords(), q.countries());
            List<String> titles = page.items().stream().map(h -> h.title()).toList();
            if (page.total() != expected.total() || !titles.equals(expected.titles())) {
                if (++mismatches <= 5) {
                    System.out.printf("  MISMATCH %s: service %d %s, raw %d %s%n", q, page.total(), titles,
                            expected.total(), expected.titles());
                }
            }
        }
        section.verified = mix.size();
        section.mismatches = mismatches;
        System.out.printf("  service and raw agree on %d of %d queries%n", mix.size() - mismatches, mix.size());
    }

    private static long consume(SearchPage page) {
        return page.total() + page.items().size() + (page.items().isEmpty() ? 0 : page.items().get(0).title().length());
    }

    private static long consume(RawLucene.Page page) {
        return page.total() + page.titles().size() + (page.titles().isEmpty() ? 0 : page.titles().get(0).length());
    }

    private Report.Like like(LuceneArticleIndex service, SqliteBaseline sqlite, List<BenchQuery> queries)
            throws Exception {
        System.out.printf("SQLite LIKE: %d queries%n", queries.size());
        sqlite.warm();
        double[] serviceMs = new double[queries.size()];
        double[] likeMs = new double[queries.size()];
        int chinese = 0;
        int same = 0;
        for (int i = 0; i < queries.size(); i++) {
            BenchQuery q = queries.get(i);
            // One run each: a repeated query would find its postings and stored blocks in the CPU caches.
            long t0 = System.nanoTime();
            SearchPage page = service.search(q.toArticleQuery());
            serviceMs[i] = (System.nanoTime() - t0) / 1e6;
            t0 = System.nanoTime();
            RawLucene.Page like = sqlite.search(q);
            likeMs[i] = (System.nanoTime() - t0) / 1e6;
            if (q.chinese()) {
                chinese++;
                same += like.total() == page.total() ? 1 : 0;
            }
        }
        double serviceTotal = java.util.Arrays.stream(serviceMs).sum();
        double likeTotal = java.util.Arrays.stream(likeMs).sum();
        Report.Like result = new Report.Like(queries.size(), Stats.median(serviceMs), Stats.median(likeMs),
                Stats.median(likeMs) / Stats.median(serviceMs), likeTotal / serviceTotal, same, chinese);
        System.out.printf("  service median %.3f ms, LIKE median %.1f ms: %.0f× (totals %.0f×); same totals on %d of %d"
                        + " Chinese-only queries%n", result.serviceMedian(), result.likeMedian(),
                result.speedUpOfMedians(), result.speedUpOfTotals(), same, chinese);
        return result;
    }

    private void http(Report.Section section, List<BenchQuery> all, List<BenchQuery> repeating, int size)
            throws Exception {
        Optional<Path> wrk = HttpBench.wrk();
        if (wrk.isEmpty()) {
            System.out.println(HttpBench.installHint());
            section.httpSkipped = "wrk not installed (apt-get install wrk)";
            return;
        }
        HttpBench bench = new HttpBench(options.work());
        int from = options.queries();
        Path warm = bench.urls("warm-up", all.subList(from, from + HTTP_WARM_UP));
        Path one = bench.urls("distinct-1", all.subList(from + HTTP_WARM_UP, from + HTTP_WARM_UP + HTTP_SLICE));
        Path two = bench.urls("distinct-2", all.subList(from + HTTP_WARM_UP + HTTP_SLICE, from + HTTP_WARM_UP
                + 2 * HTTP_SLICE));
        Path popular = bench.urls("repeating", QueryMix.repeating(all, Math.min(POPULAR, all.size()), HTTP_REPEATING,
                SEED + 2));
        Path health = bench.urls("health", "/health");
        int seconds = options.httpSeconds();
        System.out.println("HTTP: server -Xmx256m, wrk");
        try (HttpBench.Server server = bench.start(serviceDir, "" + size, options.jfr())) {
            bench.run(wrk.get(), server, "warm-up " + Report.HEALTH, health, 2, 2);
            // A fresh JVM on 2 cores needs ~20 s of searching before the JIT has settled (at 1M).
            bench.run(wrk.get(), server, "warm-up distinct", warm, 2, HTTP_WARM_UP_SECONDS);
            for (int c : List.of(1, 2)) {
                section.http.add(bench.run(wrk.get(), server, Report.HEALTH, health, c, seconds));
                section.http.add(bench.run(wrk.get(), server, Report.DISTINCT, c == 1 ? one : two, c, seconds));
                if (c == 1) {
                    bench.run(wrk.get(), server, "warm-up repeating", popular, 2, 3);
                }
                section.http.add(bench.run(wrk.get(), server, Report.REPEATING, popular, c, seconds));
            }
            section.server = server.state();
            System.out.printf("  server: %s%n", section.server);
        }
    }

    private IngestBench.Rates feeds(IngestBench ingest, int size) throws IOException {
        System.out.printf("feed path: %d RSS documents of %,d items vs raw IndexWriter%n", options.feedDocs(),
                options.feedItems());
        Path feedsDir = Files.createDirectories(options.work().resolve("feeds-empty"));
        try (LuceneArticleIndex index = LuceneArticleIndex.open(FSDirectory.open(serviceDir),
                industries::withAncestors, 0);
             RawLucene.Writer raw = new RawLucene.Writer(rawDir, industries::withAncestors)) {
            FeedIngester ingester = new FeedIngester(new FeedParser(), gazetteer, countries, industries, index,
                    feedsDir, FeedManifest.inFolder(options.work().resolve("feeds-manifest.txt")), Clock.systemUTC());
            IngestBench.Rates rates = ingest.feeds(ingester, raw, size, options.feedDocs(), options.feedItems());
            System.out.printf("  feed path %,.0f/s, raw %,.0f/s, median ratio %.2f%n", rates.service(), rates.raw(),
                    rates.ratio());
            return rates;
        }
    }

    private static Recording startJfr() throws Exception {
        Recording r = new Recording(Configuration.getConfiguration("profile"));
        r.start();
        return r;
    }

    /** Creates the work folder, or empties one an earlier run made (it holds a marker file). */
    private static void prepareWork(Path work) throws IOException {
        Path marker = work.resolve(".bench-work");
        if (Files.isDirectory(work)) {
            try (Stream<Path> entries = Files.list(work)) {
                if (entries.findAny().isPresent() && !Files.exists(marker)) {
                    throw new IllegalArgumentException("--work " + work + " is not empty and was not made by Bench;"
                            + " refusing to empty it");
                }
            }
            try (Stream<Path> walk = Files.walk(work)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    if (!p.equals(work)) {
                        Files.delete(p);
                    }
                }
            }
        }
        Files.createDirectories(work);
        Files.writeString(marker, "scratch folder of cn.creditwindow.bench.Bench; emptied by each run\n",
                StandardCharsets.UTF_8);
    }
}
