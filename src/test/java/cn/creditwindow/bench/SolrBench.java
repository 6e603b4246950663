package cn.creditwindow.bench;

import cn.creditwindow.bench.QueryMix.BenchQuery;
import cn.creditwindow.reference.Countries;
import cn.creditwindow.reference.Gazetteer;
import cn.creditwindow.reference.Industries;
import cn.creditwindow.search.Article;
import cn.creditwindow.search.ArticleIndex;
import cn.creditwindow.search.ArticleQuery;
import cn.creditwindow.search.LuceneArticleIndex;
import cn.creditwindow.search.SearchPage;
import cn.creditwindow.search.SolrArticleIndex;
import cn.creditwindow.solr.SolrTestCluster;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.lucene.store.FSDirectory;

/**
 * The SolrCloud benchmark (#16): the same titles in the embedded index and in collections of the test SolrCloud
 * (3 nodes and ZooKeeper in one JVM of their own, on the same 2 cores), the same distinct queries against each,
 * in alternating rounds ({@link QueryBench}):
 * <ul>
 *   <li>the window on Solr ({@link SolrArticleIndex}) against a plain Solr client sending the same JSON request and
 *       reading only the total and the ids: what the window adds to Solr;</li>
 *   <li>a collection of 2 shards, and one of 1 shard on 3 replicas, against a single core: what distribution
 *       costs a query at this size;</li>
 *   <li>the window on Solr against the window's embedded index, in-process, result cache off;</li>
 *   <li>ingest: articles a second into the replicated collection (soft commit per batch) and into the embedded index,
 *       and one article made visible (upsert + soft commit) against the embedded index's upsert + commit.</li>
 * </ul>
 * Every query's total is checked equal on all of them first. Run with
 * {@code mvn -Pbench -DskipTests -Dsolr.cluster.skip=false verify -Dbench.args="solr"} (options after {@code solr}:
 * {@code --data ../shared/data}, {@code --work target/bench-solr}, {@code --rounds 5}, {@code --queries 201}).
 */
final class SolrBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** The plain client's connections: the same library and pool the window's Solr client uses. */
    private static final CloseableHttpClient PLAIN = HttpClients.custom()
            .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create().setMaxConnPerRoute(16).build())
            .disableAutomaticRetries().disableContentCompression().build();
    private static final int BATCH = 10_000;

    public static void main(String[] args) throws Exception {
        Path data = Path.of("../shared/data");
        Path work = Path.of("target/bench-solr");
        int rounds = 5;
        int queryCount = 201;
        int size = 0;
        boolean sharded = true;
        SolrHttpBench.Rounds http = new SolrHttpBench.Rounds(2, 10, false);
        for (int i = 1; i < args.length; i += 2) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[i + 1]);
                case "--work" -> work = Path.of(args[i + 1]);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                case "--queries" -> queryCount = Integer.parseInt(args[i + 1]);
                case "--size" -> size = Integer.parseInt(args[i + 1]);
                case "--sharded" -> sharded = Boolean.parseBoolean(args[i + 1]);
                case "--http-rounds" -> http = new SolrHttpBench.Rounds(Integer.parseInt(args[i + 1]), http.seconds(),
                        http.jfr());
                case "--http-seconds" -> http = new SolrHttpBench.Rounds(http.rounds(), Integer.parseInt(args[i + 1]),
                        http.jfr());
                case "--jfr" -> http = new SolrHttpBench.Rounds(http.rounds(), http.seconds(),
                        Boolean.parseBoolean(args[i + 1]));
                default -> throw new IllegalArgumentException("SolrBench: unknown option " + args[i]);
            }
        }
        Countries countries = Countries.load();
        Industries industries = Industries.load();
        Corpus corpus = new Corpus(Corpus.readTitles(data.resolve("headlines-zh/all_titles.txt")),
                new Gazetteer(countries, industries));
        size = size > 0 ? size : corpus.realTitles();
        Files.createDirectories(work);
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "SolrCloud benchmark, %,d titles, %d distinct queries, %d rounds%n%n",
                size, queryCount, rounds));
        // six cores of 150,904 titles each beside one another: more heap than the tests' cluster
        System.setProperty("solr.cluster.heap", System.getProperty("solr.cluster.heap", "4g"));
        try (SolrTestCluster cluster = SolrTestCluster.start("single", 1, 1)) {
            List<URI> nodes = cluster.urls().stream().map(URI::create).toList();
            admin(nodes.get(0), "action=CREATE&name=replicated&numShards=1&replicationFactor=3"
                    + "&collection.configName=credit-window&waitForFinalState=true");
            if (sharded) {
                admin(nodes.get(0), "action=CREATE&name=sharded&numShards=2&replicationFactor=1"
                        + "&collection.configName=credit-window&waitForFinalState=true");
            }
            Duration timeout = Duration.ofSeconds(30);
            SolrArticleIndex single = new SolrArticleIndex(nodes, "single", timeout, industries::withAncestors);
            SolrArticleIndex replicated = new SolrArticleIndex(nodes, "replicated", timeout, industries::withAncestors);
            SolrArticleIndex twoShards = sharded
                    ? new SolrArticleIndex(nodes, "sharded", timeout, industries::withAncestors) : null;
            List<SolrArticleIndex> layouts = twoShards == null ? List.of(single, replicated)
                    : List.of(single, replicated, twoShards);
            Path embeddedDir = work.resolve("embedded");
            deleteTree(embeddedDir);
            try (LuceneArticleIndex embedded = LuceneArticleIndex.open(FSDirectory.open(embeddedDir),
                    industries::withAncestors, 0)) {
                double embeddedRate = ingest(embedded, corpus, size);
                double replicatedRate = ingest(replicated, corpus, size);
                ingest(single, corpus, size);
                if (twoShards != null) {
                    ingest(twoShards, corpus, size);
                }
                System.out.printf("ingest: embedded %,.0f/s, Solr 1x3 %,.0f/s%n", embeddedRate, replicatedRate);
                md.append("| ingest, articles a second (batches of 10,000, visible after each) | value |\n|---|---|\n");
                md.append(String.format(Locale.ROOT, "| embedded index | %,.0f |%n| Solr, 1 shard × 3 replicas | %,.0f |%n"
                        + "| Solr ÷ embedded | %.2f |%n%n", embeddedRate, replicatedRate, replicatedRate / embeddedRate));

                List<BenchQuery> queries = new QueryMix(corpus).distinct(queryCount, 20_261_205L);
                for (BenchQuery q : queries) {
                    long expected = embedded.search(q.toArticleQuery(false)).total();
                    for (SolrArticleIndex solr : layouts) {
                        long got = solr.search(q.toArticleQuery(false)).total();
                        if (got != expected) {
                            throw new IllegalStateException("total of " + q + ": embedded " + expected + ", Solr "
                                    + got);
                        }
                    }
                }
                System.out.println("totals: the same on every engine and layout for all " + queries.size() + " queries");

                QueryBench bench = new QueryBench(rounds);
                md.append("| comparison (median of rounds) | threads | A q/s | A p50 ms | A p99 ms | B q/s | B p50 ms"
                        + " | B p99 ms | A ÷ B (q/s) |\n|---|---|---|---|---|---|---|---|---|\n");
                for (boolean facets : List.of(false, true)) {
                    for (int threads : List.of(1, 2)) {
                        String f = facets ? ", facets" : "";
                        row(md, bench.compare("window on Solr ÷ plain Solr (1×3)" + f,
                                q -> window(replicated, q, facets), q -> plain(nodes, "replicated", q, facets),
                                queries, threads));
                        if (twoShards != null) {
                            row(md, bench.compare("plain Solr: 2 shards ÷ 1 core" + f,
                                    q -> plain(nodes, "sharded", q, facets), q -> plain(nodes, "single", q, facets),
                                    queries, threads));
                        }
                        row(md, bench.compare("plain Solr: 1 shard × 3 replicas ÷ 1 core" + f,
                                q -> plain(nodes, "replicated", q, facets), q -> plain(nodes, "single", q, facets),
                                queries, threads));
                        row(md, bench.compare("window on Solr (1×3) ÷ embedded" + f,
                                q -> window(replicated, q, facets), q -> window(embedded, q, facets), queries, threads));
                    }
                }
                md.append('\n').append(freshness(replicated, embedded, corpus, size));
            }
            // the embedded index is closed now: its folder is the embedded server's
            md.append('\n').append(new SolrHttpBench(work, corpus, http).run(nodes, "replicated", embeddedDir));
        }
        Files.writeString(work.resolve("results.md"), md.toString());
        System.out.println();
        System.out.println(md);
    }

    private static void row(StringBuilder md, QueryBench.Comparison c) {
        md.append(String.format(Locale.ROOT, "| %s | %d | %,.0f | %.2f | %.2f | %,.0f | %.2f | %.2f | %.2f |%n",
                c.label(), c.threads(), c.service().qps(), c.service().p50Millis(), c.service().p99Millis(),
                c.baseline().qps(), c.baseline().p50Millis(), c.baseline().p99Millis(), c.ratio()));
    }

    /** Articles a second, wall clock, each batch visible to the next query when upsert returns. */
    private static double ingest(ArticleIndex index, Corpus corpus, int size) throws IOException {
        long start = System.nanoTime();
        for (int from = 0; from < size; from += BATCH) {
            index.upsert(corpus.articles(from, Math.min(size, from + BATCH)));
        }
        return size / ((System.nanoTime() - start) / 1e9);
    }

    /** One article made visible: median of 50 upserts of a new article, Solr against the embedded index. */
    private static String freshness(ArticleIndex solr, ArticleIndex embedded, Corpus corpus, int size)
            throws IOException {
        double[] s = new double[50];
        double[] e = new double[50];
        for (int i = 0; i < 50; i++) {
            Article a = corpus.article(size + i);
            long t0 = System.nanoTime();
            solr.upsert(List.of(a));
            long t1 = System.nanoTime();
            embedded.upsert(List.of(a));
            long t2 = System.nanoTime();
            s[i] = (t1 - t0) / 1e6;
            e[i] = (t2 - t1) / 1e6;
        }
        double sm = Stats.median(s);
        double em = Stats.median(e);
        System.out.printf("one article visible: Solr %.1f ms, embedded %.1f ms%n", sm, em);
        return String.format(Locale.ROOT, "| one new article stored and visible (median of 50) | ms |%n|---|---|%n"
                + "| Solr 1×3: update + soft commit, searcher open on every replica | %.1f |%n"
                + "| embedded: update + commit + refresh | %.1f |%n| Solr ÷ embedded | %.1f |%n", sm, em, sm / em);
    }

    private static long window(ArticleIndex index, BenchQuery q, boolean facets) {
        SearchPage page = index.search(q.toArticleQuery(facets));
        return page.total() + page.items().size();
    }

    /**
     * A plain Solr client asking the same thing the window asks: the keywords as {@code field} filters on the grams,
     * the countries as a terms filter, newest first, 15 a page, the hit fields, the facets when asked; it reads only
     * the total and the ids.
     */
    private static long plain(List<URI> nodes, String collection, BenchQuery q, boolean facets) {
        ObjectNode request = JSON.createObjectNode();
        ArrayNode filters = request.putArray("filter");
        for (String k : q.keywords()) {
            filters.addObject().putObject("field").put("f", "title_grams").put("query", k);
        }
        if (!q.countries().isEmpty()) {
            filters.add("{!terms f=country}" + String.join(",", q.countries()));
        }
        request.put("query", "*:*").put("limit", ArticleQuery.DEFAULT_SIZE).put("offset", 0)
                .put("sort", "published desc,id asc")
                .put("fields", "id,module,title,published,country,industry_own,source,url,attachment");
        if (facets) {
            ObjectNode facet = request.putObject("facet");
            for (String field : List.of("module", "country", "industry")) {
                facet.putObject(field).put("type", "terms").put("field", field).put("limit", -1).put("mincount", 1);
            }
        }
        URI node = nodes.get(Math.floorMod(q.hashCode(), nodes.size()));
        try {
            HttpPost post = new HttpPost(URI.create(node + "/" + collection + "/select"));
            post.setEntity(new ByteArrayEntity(JSON.writeValueAsBytes(request), ContentType.APPLICATION_JSON));
            byte[] body = PLAIN.execute(post, r -> EntityUtils.toByteArray(r.getEntity()));
            JsonNode answer = JSON.readTree(body);
            return answer.at("/response/numFound").asLong() + answer.at("/response/docs").size();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void admin(URI node, String query) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(node + "/admin/collections?" + query))
                .timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(query + ": " + r.statusCode() + " " + r.body());
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
