package cn.creditwindow.bench;

import cn.creditwindow.bench.SolrHttpBench.Target;
import cn.creditwindow.reference.Countries;
import cn.creditwindow.reference.Gazetteer;
import cn.creditwindow.reference.Industries;
import cn.creditwindow.search.Article;
import cn.creditwindow.search.LuceneArticleIndex;
import cn.creditwindow.search.SolrArticleIndex;
import cn.creditwindow.solr.SolrTestCluster;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;

/**
 * The benchmark of issue 18, in one command: the window's server on its embedded index against Solr 9.10.1 on one core,
 * over HTTP, and the window's {@code ingest} against raw Lucene, at each size.
 * <ol>
 *   <li>The titles of the search benchmark's corpus (the 150,904 real ones; more made from them as {@link Corpus}
 *       says) as RSS files of {@code --feed-items} items in the module folders ({@link FeedDocuments#writeFolder}).</li>
 *   <li>Ingest, each in a JVM of its own ({@code -Xmx1g}): the window's {@code ingest} command from those files, and
 *       {@link RawIngest} (raw {@code IndexWriter}, the same analyzers and fields, the same bodies). Articles per
 *       CPU-second (the window: its whole process, from the kernel's account of a reaped child; raw Lucene: its
 *       indexing alone, making the articles subtracted) and per wall-second, index size on disk, segments. Then
 *       {@link FeedWork}, the same folder scan with an index that keeps nothing: what of the window's CPU time is its
 *       feed work (reading, parsing, sanitising, tagging) rather than indexing.</li>
 *   <li>Solr: the collection {@code single} (1 shard, 1 replica; the configset has no query-result cache) of the tests'
 *       SolrCloud (its own JVM) gets exactly the articles the window stored (read back from its index).</li>
 *   <li>HTTP ({@link SolrHttpBench#compare}): the window's {@code serve} on its index ({@code -Xmx256m}, result cache
 *       off, a GC log) against a plain {@code /select} on the node holding the core; facets=true asks Solr for
 *       {@code facet.field} country and module, as issue 18 does. The same total and first page are checked on 200
 *       queries first.</li>
 * </ol>
 * Writes {@code results.md} into the work folder. Run with
 * {@code mvn -Pbench -DskipTests -Dsolr.cluster.skip=false verify -Dbench.args="search18 [--size N] [--quick]"}.
 */
final class SolrCoreBench {
    static final String USAGE = """
            search18 [--size N] [--quick] [--jfr true|false] [--data ../shared/data] [--work target/bench-search18]
                     [--rounds 3] [--seconds 10] [--warm-up 40] [--feed-items 1000]
              --size   only this many titles (default: 150,904, the real titles, then 1,000,000)
              --quick  a smoke run of ~2 minutes: 20,000 titles, 1 round of 3 s runs, 5 s warm-ups
              --jfr    the window's server records a JFR profile; its top frames are printed and reported
            """;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String COLLECTION = "single";
    private static final Pattern RAW = Pattern.compile("RAW articles=(\\d+) cpu_ns=(\\d+) wall_ns=(\\d+)");
    private static final int SOLR_BATCH = 10_000;
    private static final int RAW_BATCH = 10_000;

    /** The settings of a run. */
    record Options(Path data, Path work, List<Integer> sizes, boolean quick, SolrHttpBench.Rounds rounds,
                   int feedItems) {
        static Options parse(String[] args) {
            Path data = Path.of("../shared/data");
            Path work = Path.of("target/bench-search18");
            Integer size = null;
            boolean quick = false;
            boolean jfr = false;
            Integer rounds = null;
            Integer seconds = null;
            Integer warmUp = null;
            int feedItems = 1_000;
            for (int i = 1; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--quick" -> quick = true;
                    case "--size" -> size = Integer.parseInt(value(args, ++i).replace("_", "").replace(",", ""));
                    case "--jfr" -> jfr = Boolean.parseBoolean(value(args, ++i));
                    case "--data" -> data = Path.of(value(args, ++i));
                    case "--work" -> work = Path.of(value(args, ++i));
                    case "--rounds" -> rounds = Integer.parseInt(value(args, ++i));
                    case "--seconds" -> seconds = Integer.parseInt(value(args, ++i));
                    case "--warm-up" -> warmUp = Integer.parseInt(value(args, ++i));
                    case "--feed-items" -> feedItems = Integer.parseInt(value(args, ++i));
                    default -> throw new IllegalArgumentException("unknown option '" + a + "'\n" + USAGE);
                }
            }
            List<Integer> sizes = size != null ? List.of(size) : quick ? List.of(20_000) : List.of(0, 1_000_000);
            SolrHttpBench.Rounds r = new SolrHttpBench.Rounds(rounds != null ? rounds : quick ? 1 : 3,
                    seconds != null ? seconds : quick ? 3 : 10, warmUp != null ? warmUp : quick ? 5 : 40,
                    quick ? 5_000 : 40_000, jfr);
            return new Options(data, work, sizes, quick, r, feedItems);
        }

        private static String value(String[] args, int i) {
            if (i >= args.length) {
                throw new IllegalArgumentException(args[i - 1] + " needs a value\n" + USAGE);
            }
            return args[i];
        }
    }

    /** One side of the ingest comparison; CPU and wall time in seconds. */
    record Ingest(int articles, double cpuSeconds, double wallSeconds, long bytes, int segments) {
        double perCpuSecond() {
            return articles / cpuSeconds;
        }

        double perWallSecond() {
            return articles / wallSeconds;
        }
    }

    /** Everything measured at one size. */
    record Measured(int size, int feedFiles, Ingest window, Ingest feedWork, Ingest raw, String solrSegments,
                    SolrHttpBench.Comparison http, GcLog.Summary gc, HttpBench.ServerState server, String jfrTop,
                    double loadBefore, double loadAfter) {
    }

    private final Options options;
    private final Corpus corpus;
    private final Industries industries;
    private final Path titles;

    private SolrCoreBench(Options options, Corpus corpus, Industries industries, Path titles) {
        this.options = options;
        this.corpus = corpus;
        this.industries = industries;
        this.titles = titles;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        long started = System.nanoTime();
        Path titles = options.data().resolve("headlines-zh/all_titles.txt");
        Countries countries = Countries.load();
        Industries industries = Industries.load();
        Corpus corpus = new Corpus(Corpus.readTitles(titles), new Gazetteer(countries, industries));
        Files.createDirectories(options.work());
        SolrCoreBench bench = new SolrCoreBench(options, corpus, industries, titles.toAbsolutePath());
        List<Measured> results = new ArrayList<>();
        System.setProperty("solr.cluster.heap", System.getProperty("solr.cluster.heap", "2g"));
        try (SolrTestCluster cluster = SolrTestCluster.start(COLLECTION, 1, 1)) {
            List<URI> nodes = cluster.urls().stream().map(URI::create).toList();
            for (int s : options.sizes()) {
                int size = s == 0 ? corpus.realTitles() : s;
                if (!results.isEmpty()) {
                    SolrBench.admin(nodes.get(0), "action=DELETE&name=" + COLLECTION);
                    SolrBench.admin(nodes.get(0), "action=CREATE&name=" + COLLECTION + "&numShards=1&replicationFactor=1"
                            + "&collection.configName=credit-window&waitForFinalState=true");
                }
                results.add(bench.measure(size, nodes));
            }
        }
        String md = new Results(options, args, results).markdown();
        Files.writeString(options.work().resolve("results.md"), md);
        System.out.println();
        System.out.println(md);
        System.out.printf("(whole run %.1f min; results also in %s)%n", (System.nanoTime() - started) / 6e10,
                options.work().resolve("results.md"));
    }

    private Measured measure(int size, List<URI> nodes) throws Exception {
        double loadBefore = Machine.loadAverage();
        System.out.printf("%n== %,d titles == (load average %.1f)%n", size, loadBefore);
        Path dir = options.work().resolve("size-" + size);
        SolrBench.deleteTree(dir);
        Path feeds = dir.resolve("feeds");
        Path index = dir.resolve("window-index");
        int files = new FeedDocuments(corpus).writeFolder(feeds, size, options.feedItems());
        System.out.printf("feed files: %,d of up to %,d items (%,d MB)%n", files, options.feedItems(),
                Machine.bytes(feeds) / 1_000_000);
        Ingest window = windowIngest(dir, feeds, index, size);
        Ingest feedWork = feedWork(dir, feeds, size);
        Ingest raw = rawIngest(dir, size);
        URI core = coreNode(nodes.get(0));
        fillSolr(nodes, index, size);
        String solrSegments = solrSegments(core);
        System.out.printf("segments: window %d, Solr %s%n", window.segments(), solrSegments);

        HttpBench http = new HttpBench(dir);
        Path gcLog = dir.resolve("window-gc.log");
        String tag = "window-" + size;
        SolrHttpBench.Comparison comparison;
        GcLog.Summary gc;
        HttpBench.ServerState state;
        long[] mark = {0};
        try (HttpBench.Server server = http.start(List.of("-Xlog:gc:file=" + gcLog.toAbsolutePath()),
                List.of("--index", index.toString(), "--cache-size", "0"), tag, options.rounds().jfr())) {
            Map<Target, String> bases = new LinkedHashMap<>();
            bases.put(Target.WINDOW_EMBEDDED, server.base());
            bases.put(Target.PLAIN_SOLR, core.getScheme() + "://" + core.getAuthority());
            comparison = new SolrHttpBench(dir, corpus, options.rounds()).compare(bases, core.getPath(), COLLECTION,
                    SolrHttpBench.SolrFacets.FIELDS_COUNTRY_MODULE, () -> {
                        try {
                            mark[0] = GcLog.mark(gcLog);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
            state = server.state();
        }
        gc = GcLog.since(gcLog, mark[0]);
        System.out.printf("window server under the load: %s; %s%n", gc, state);
        String jfrTop = null;
        if (options.rounds().jfr()) {
            jfrTop = JfrTop.top(http.jfrFile(tag), Pattern.compile(".*"), 25, null);
            System.out.println("window server's profile:\n" + jfrTop);
        }
        return new Measured(size, files, window, feedWork, raw, solrSegments, comparison, gc, state, jfrTop, loadBefore,
                Machine.loadAverage());
    }

    /** The window's own {@code ingest} command from the feed folder, in a JVM of its own. */
    private Ingest windowIngest(Path dir, Path feeds, Path index, int size) throws Exception {
        System.out.println("ingest: the window's `ingest` command");
        Path log = dir.resolve("window-ingest.log");
        List<String> command = List.of(java(), "-Xmx1g", "-Dfile.encoding=UTF-8", "-cp",
                System.getProperty("java.class.path"), "cn.creditwindow.app.Main", "ingest", "--index", index.toString(),
                "--feeds", feeds.toString(), "--db", dir.resolve("no-records.db").toString());
        long[] cpuWall = child(command, log);
        String out = Files.readString(log);
        if (!out.contains("items:  " + size + " new,")) {
            throw new IllegalStateException("the window's ingest did not store " + size + " new items; see " + log);
        }
        Ingest ingest = new Ingest(size, cpuWall[0] / 1e9, cpuWall[1] / 1e9, Machine.bytes(index), segments(index));
        print("window", ingest);
        return ingest;
    }

    /** {@link FeedWork}: the window's folder scan with an index that keeps nothing, in a JVM of its own. */
    private Ingest feedWork(Path dir, Path feeds, int size) throws Exception {
        System.out.println("ingest: the window's folder scan alone, no index");
        Path log = dir.resolve("feed-work.log");
        List<String> command = List.of(java(), "-Xmx1g", "-Dfile.encoding=UTF-8", "-cp",
                System.getProperty("java.class.path"), FeedWork.class.getName(), feeds.toString(),
                dir.resolve("feed-work").toString());
        long[] cpuWall = child(command, log);
        if (!Files.readString(log).contains("FEED-WORK articles=" + size)) {
            throw new IllegalStateException("the folder scan alone did not read " + size + " items; see " + log);
        }
        Ingest ingest = new Ingest(size, cpuWall[0] / 1e9, cpuWall[1] / 1e9, 0, 0);
        System.out.printf("  feed work: %.1f CPU s, %.1f s%n", ingest.cpuSeconds(), ingest.wallSeconds());
        return ingest;
    }

    /** {@link RawIngest} in a JVM of its own, as the window's ingest runs. */
    private Ingest rawIngest(Path dir, int size) throws Exception {
        System.out.println("ingest: raw Lucene IndexWriter");
        Path index = dir.resolve("raw-index");
        Path log = dir.resolve("raw-ingest.log");
        List<String> command = List.of(java(), "-Xmx1g", "-Dfile.encoding=UTF-8", "-cp",
                System.getProperty("java.class.path"), RawIngest.class.getName(), titles.toString(), index.toString(),
                Integer.toString(size), Integer.toString(RAW_BATCH));
        long[] whole = child(command, log);
        Matcher m = RAW.matcher(Files.readString(log));
        if (!m.find()) {
            throw new IllegalStateException("no result from RawIngest; see " + log);
        }
        Ingest ingest = new Ingest(size, Long.parseLong(m.group(2)) / 1e9, Long.parseLong(m.group(3)) / 1e9,
                Machine.bytes(index), segments(index));
        print("raw", ingest);
        System.out.printf("  (raw process as a whole, making the articles and starting the JVM too: %.1f CPU s, %.1f s)%n",
                whole[0] / 1e9, whole[1] / 1e9);
        return ingest;
    }

    private static void print(String who, Ingest i) {
        System.out.printf("  %s: %,.0f articles per CPU-second (%.1f s), %,.0f per wall-second (%.1f s); %,d MB,"
                        + " %d segments%n", who, i.perCpuSecond(), i.cpuSeconds(), i.perWallSecond(), i.wallSeconds(),
                i.bytes() / 1_000_000, i.segments());
    }

    /** Runs a child JVM to its end; its CPU time (once reaped) and wall time, in nanoseconds. */
    private static long[] child(List<String> command, Path log) throws IOException, InterruptedException {
        long cpu0 = ProcessCpu.reapedChildren();
        long wall0 = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int code = p.waitFor();
        long wall = System.nanoTime() - wall0;
        long cpu = ProcessCpu.reapedChildren() - cpu0;
        if (code != 0) {
            throw new IllegalStateException(command.get(command.size() - 1) + " exited with " + code + "; see " + log);
        }
        return new long[] {cpu, wall};
    }

    private static int segments(Path index) throws IOException {
        try (FSDirectory d = FSDirectory.open(index); DirectoryReader r = DirectoryReader.open(d)) {
            return r.leaves().size();
        }
    }

    /** The articles the window stored, read back from its index, into Solr's core in batches. */
    private void fillSolr(List<URI> nodes, Path index, int size) throws IOException {
        System.out.printf("Solr: the %,d articles the window stored, into collection %s%n", size, COLLECTION);
        long t0 = System.nanoTime();
        SolrArticleIndex solr = new SolrArticleIndex(nodes, COLLECTION, Duration.ofSeconds(60),
                industries::withAncestors);
        try (LuceneArticleIndex window = LuceneArticleIndex.openReadOnly(FSDirectory.open(index), 0)) {
            for (int from = 0; from < size; from += SOLR_BATCH) {
                List<Article> batch = new ArrayList<>();
                for (int i = from; i < Math.min(size, from + SOLR_BATCH); i++) {
                    String id = FeedDocuments.storedId(i);
                    batch.add(window.find(id).orElseThrow(() -> new IllegalStateException("the window has no " + id)));
                }
                solr.upsert(batch);
            }
        }
        if (solr.count() != size) {
            throw new IllegalStateException("Solr holds " + solr.count() + " articles, not " + size);
        }
        System.out.printf("  %.0f s%n", (System.nanoTime() - t0) / 1e9);
    }

    /** The node that holds the core of the collection (a request to another node would be forwarded). */
    private static URI coreNode(URI anyNode) throws IOException, InterruptedException {
        JsonNode status = get(URI.create(anyNode + "/admin/collections?action=CLUSTERSTATUS&collection=" + COLLECTION
                + "&wt=json"));
        JsonNode replicas = status.at("/cluster/collections/" + COLLECTION + "/shards/shard1/replicas");
        Iterator<JsonNode> it = replicas.elements();
        if (!it.hasNext()) {
            throw new IllegalStateException("no replica of " + COLLECTION + " in " + status);
        }
        return URI.create(it.next().get("base_url").asText());
    }

    /** Segments of Solr's core, as its Luke handler says. */
    private static String solrSegments(URI core) throws IOException, InterruptedException {
        return get(URI.create(core + "/" + COLLECTION + "/admin/luke?numTerms=0&show=index&wt=json"))
                .at("/index/segmentCount").asText("?");
    }

    private static JsonNode get(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != 200) {
            throw new IllegalStateException(uri + ": " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The run's figures as Markdown, shaped like issue 18's table first. */
    private record Results(Options options, String[] args, List<Measured> sizes) {
        String markdown() {
            SolrHttpBench.Rounds r = options.rounds();
            StringBuilder md = new StringBuilder();
            md.append("Command: `mvn -Pbench -DskipTests -Dsolr.cluster.skip=false verify -Dbench.args=\"")
                    .append(String.join(" ", args)).append("\"`\n\nMachine: ").append(Machine.describe()).append('\n');
            md.append(String.format(Locale.ROOT, "%nHTTP: wrk, one thread per connection; median of %d round%s of %d s"
                            + " per contender after %d s of warm-up each, order rotating per round, %,d fresh queries a"
                            + " run. The window: `serve`, `-Xmx256m`, `--cache-size 0`. Solr 9.10.1: one core (collection"
                            + " `%s`, 1 shard, 1 replica; no query-result cache), a plain GET `/select` to its node;"
                            + " facets=true asks Solr for `facet.field` country and module (the window counts modules,"
                            + " countries and industries).%n%n", r.rounds(), r.rounds() == 1 ? "" : "s", r.seconds(),
                    r.warmUpSeconds(), r.slice(), COLLECTION));
            ratios(md);
            for (Measured m : sizes) {
                detail(md, m);
            }
            return md.toString();
        }

        private void ratios(StringBuilder md) {
            md.append("| req/s, window ÷ Solr");
            for (Measured m : sizes) {
                md.append(String.format(Locale.ROOT, " | %,d titles, 1 conn | %,d, 2 conn", m.size(), m.size()));
            }
            md.append(" |\n|---").append("|---|---".repeat(sizes.size())).append("|\n");
            for (boolean facets : List.of(false, true)) {
                md.append(facets ? "| facets=true vs Solr `facet.field` country+module" : "| facets=false");
                for (Measured m : sizes) {
                    for (int c : List.of(1, 2)) {
                        md.append(String.format(Locale.ROOT, " | %.2f", qps(m, Target.WINDOW_EMBEDDED, facets, c)
                                / qps(m, Target.PLAIN_SOLR, facets, c)));
                    }
                }
                md.append(" |\n");
            }
        }

        private static double qps(Measured m, Target t, boolean facets, int c) {
            return m.http().median(t, facets, c, HttpBench.WrkRun::qps);
        }

        private void detail(StringBuilder md, Measured m) {
            SolrHttpBench.Comparison h = m.http();
            md.append(String.format(Locale.ROOT, "%n### %,d titles%n%nLoad average (1 min) before and after: %.1f, %.1f%s."
                            + " The same total and ids of the first page on all %d checked queries without a Latin"
                            + " keyword; %d of the %d with one differ (the window's prefix recall, by design; left out"
                            + " of the check).%n%n", m.size(), m.loadBefore(), m.loadAfter(),
                    Math.max(m.loadBefore(), m.loadAfter()) > 2.5 ? " (other processes were competing for the 2 cores)"
                            : "", h.checked() - h.latin(), h.latinDiffering(), h.latin()));
            md.append("| facets | conn | window req/s | p50 ms | p99 ms | Solr req/s | p50 ms | p99 ms | window ÷ Solr |\n"
                    + "|---|---|---|---|---|---|---|---|---|\n");
            for (boolean facets : List.of(false, true)) {
                for (int c : List.of(1, 2)) {
                    Target w = Target.WINDOW_EMBEDDED;
                    Target s = Target.PLAIN_SOLR;
                    md.append(String.format(Locale.ROOT, "| %s | %d | %,.0f | %.2f | %.2f | %,.0f | %.2f | %.2f | %.2f |%n",
                            facets, c, qps(m, w, facets, c), h.median(w, facets, c, HttpBench.WrkRun::p50),
                            h.median(w, facets, c, HttpBench.WrkRun::p99), qps(m, s, facets, c),
                            h.median(s, facets, c, HttpBench.WrkRun::p50), h.median(s, facets, c, HttpBench.WrkRun::p99),
                            qps(m, w, facets, c) / qps(m, s, facets, c)));
                }
            }
            Ingest w = m.window();
            Ingest raw = m.raw();
            GcLog.Summary gc = m.gc();
            HttpBench.ServerState st = m.server();
            double p99 = h.median(Target.WINDOW_EMBEDDED, false, 2, HttpBench.WrkRun::p99);
            md.append("\n| what | window | baseline | ratio | goal of #18 (at 1M) |\n|---|---|---|---|---|\n");
            md.append(String.format(Locale.ROOT, "| HTTP p99, 2 conn, facets=false | %.2f ms | Solr: %.2f ms | | ≤ 5 ms |%n",
                    p99, h.median(Target.PLAIN_SOLR, false, 2, HttpBench.WrkRun::p99)));
            md.append(String.format(Locale.ROOT, "| GC of the window's server during the measured runs | %d pauses"
                            + " (%d full), max %.1f ms, %.0f ms in all; %d concurrent cycles | | | no pause > 20 ms |%n",
                    gc.pauses(), gc.fullPauses(), gc.maxPauseMs(), gc.totalPauseMs(), gc.concurrentCycles()));
            md.append(String.format(Locale.ROOT, "| the window's server after the load | heap used %,d of %,d MB"
                            + " committed; RSS %,d MB, peak %,d MB; %s | | | |%n", st.heapUsed() / 1_000_000,
                    st.heapCommitted() / 1_000_000, st.rss() / 1_000_000, st.peakRss() / 1_000_000,
                    st.alive() && !st.outOfMemory() ? "alive" : "**died or ran out of memory**"));
            md.append(String.format(Locale.ROOT, "| segments of the index | %d | Solr's core: %s; raw Lucene: %d | | |%n",
                    w.segments(), m.solrSegments(), raw.segments()));
            md.append(String.format(Locale.ROOT, "| ingest, articles per CPU-second (window: the `ingest` process from"
                            + " %,d feed files; raw: IndexWriter alone) | %,.0f (%.1f s) | raw Lucene: %,.0f (%.1f s) |"
                            + " %.2f× | ≥ 0.8× |%n", m.feedFiles(), w.perCpuSecond(), w.cpuSeconds(), raw.perCpuSecond(),
                    raw.cpuSeconds(), w.perCpuSecond() / raw.perCpuSecond()));
            md.append(String.format(Locale.ROOT, "| ingest, articles per wall-second | %,.0f (%.1f s) | raw Lucene:"
                            + " %,.0f (%.1f s) | %.2f× | ≥ 1.5× |%n", w.perWallSecond(), w.wallSeconds(),
                    raw.perWallSecond(), raw.wallSeconds(), w.perWallSecond() / raw.perWallSecond()));
            Ingest f = m.feedWork();
            md.append(String.format(Locale.ROOT, "| of which the feed work: the same folder scan handing its batches to"
                            + " an index that keeps nothing (reading, parsing, sanitising, tagging; `FeedWork`) |"
                            + " %.1f CPU s, %.1f s | raw Lucene's indexing: %.1f CPU s | %.2f× raw's CPU | |%n",
                    f.cpuSeconds(), f.wallSeconds(), raw.cpuSeconds(), f.cpuSeconds() / raw.cpuSeconds()));
            md.append(String.format(Locale.ROOT, "| ingest per CPU-second were the window's indexing as cheap as raw"
                            + " Lucene's: raw ÷ (raw + feed work) | | | %.2f× | ≥ 0.8× |%n",
                    raw.cpuSeconds() / (raw.cpuSeconds() + f.cpuSeconds())));
            md.append(String.format(Locale.ROOT, "| index size on disk | %,d MB | raw Lucene: %,d MB | %.2f× | ≤ 1.3× |%n",
                    w.bytes() / 1_000_000, raw.bytes() / 1_000_000, (double) w.bytes() / raw.bytes()));
            if (m.jfrTop() != null) {
                md.append("\nThe window's server, JFR CPU samples over the whole run:\n\n```\n").append(m.jfrTop())
                        .append("```\n");
            }
        }
    }
}
