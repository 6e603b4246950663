package cn.creditwindow.bench;

import cn.creditwindow.bench.QueryMix.BenchQuery;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The SolrCloud benchmark over HTTP (#16), as a user's client sees it: wrk against the window's server on the Solr
 * collection, against the window's server on the embedded index holding the same titles, and against Solr itself asked
 * the same thing by a plain {@code /select} (the keywords as {@code field} filters on the grams, the countries as a
 * terms filter, newest first, 15 a page, the hit fields, the same JSON facets). Both servers run as deployed
 * ({@code -Xmx256m}, default result cache); every run gets queries never sent before to anyone, so no cache of the
 * window's or of Solr's filter cache is warmed by another contender's run. Rounds alternate the order of the three.
 */
final class SolrHttpBench {
    /** How many rounds of every run, how long one run lasts, and whether the servers record JFR profiles. */
    record Rounds(int rounds, int seconds, boolean jfr) {
    }

    enum Target {
        WINDOW_ON_SOLR("window on Solr"), PLAIN_SOLR("plain Solr"), WINDOW_EMBEDDED("window, embedded");

        final String label;

        Target(String label) {
            this.label = label;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String FIELDS = "id,module,title,published,country,industry_own,source,url,attachment";
    private static final String FACETS = List.of("module", "country", "industry").stream()
            .map(f -> "\"" + f + "\":{\"type\":\"terms\",\"field\":\"" + f + "\",\"limit\":-1,\"mincount\":1,"
                    + "\"numBuckets\":false}")
            .collect(Collectors.joining(",", "{", "}"));
    private static final int WARM_UP_SECONDS = 40;
    private static final int CHECKED = 200;
    /** Distinct queries a run may use; a run that uses them up wraps around (reported). */
    private static final int SLICE = 40_000;

    private final Path work;
    private final Corpus corpus;
    private final Rounds rounds;

    SolrHttpBench(Path work, Corpus corpus, Rounds rounds) {
        this.work = work;
        this.corpus = corpus;
        this.rounds = rounds;
    }

    /** Runs it all and returns the Markdown table (or why it was skipped). */
    String run(List<URI> nodes, String collection, Path embeddedIndex) throws Exception {
        Optional<Path> wrk = HttpBench.wrk();
        if (wrk.isEmpty()) {
            System.out.println(HttpBench.installHint());
            return "HTTP part skipped: wrk not installed (apt-get install wrk)\n";
        }
        int runs = rounds.rounds() * 2 * 2 * Target.values().length;
        int warmUps = Target.values().length;
        System.out.printf("HTTP: %d distinct queries for %d runs…%n", (runs + warmUps + 1) * SLICE, runs);
        List<BenchQuery> all = new QueryMix(corpus).distinct((runs + warmUps + 1) * SLICE, 20_261_206L);
        HttpBench bench = new HttpBench(work);
        URI node = nodes.get(0);
        String solrBase = node.getScheme() + "://" + node.getAuthority();
        String solrUrls = nodes.stream().map(URI::toString).collect(Collectors.joining(","));
        int slice = 0;
        try (HttpBench.Server onSolr = bench.start(List.of("--search", "solr", "--solr-url", solrUrls,
                "--solr-collection", collection), "on-solr", rounds.jfr());
             HttpBench.Server embedded = bench.start(embeddedIndex, "embedded", rounds.jfr())) {
            Map<Target, String> bases = new EnumMap<>(Map.of(Target.WINDOW_ON_SOLR, onSolr.base(),
                    Target.PLAIN_SOLR, solrBase, Target.WINDOW_EMBEDDED, embedded.base()));
            List<BenchQuery> checked = all.subList(0, CHECKED);
            check(checked, bases, node.getPath(), collection);
            slice++;
            for (Target t : Target.values()) {
                Path urls = bench.paths("warm-" + t.name(), paths(t, all.subList(slice * SLICE, ++slice * SLICE),
                        node.getPath(), collection, false));
                bench.run(wrk.get(), bases.get(t), "warm-up " + t.label, urls, 2, WARM_UP_SECONDS);
            }
            Map<String, List<HttpBench.WrkRun>> results = new LinkedHashMap<>();
            for (int r = 0; r < rounds.rounds(); r++) {
                for (boolean facets : List.of(false, true)) {
                    for (int c : List.of(1, 2)) {
                        List<Target> order = new ArrayList<>(List.of(Target.values()));
                        java.util.Collections.rotate(order, r);
                        for (Target t : order) {
                            Path urls = bench.paths("run", paths(t, all.subList(slice * SLICE, ++slice * SLICE),
                                    node.getPath(), collection, facets));
                            results.computeIfAbsent(key(t, facets, c), k -> new ArrayList<>())
                                    .add(bench.run(wrk.get(), bases.get(t), t.label + (facets ? ", facets" : ""),
                                            urls, c, rounds.seconds()));
                        }
                    }
                }
            }
            return table(results, checked.size());
        }
    }

    /** The same total from all three for every checked query, or the benchmark stops. */
    private static void check(List<BenchQuery> queries, Map<Target, String> bases, String solrPath, String collection)
            throws IOException, InterruptedException {
        for (BenchQuery q : queries) {
            long window = total(bases.get(Target.WINDOW_ON_SOLR) + windowPath(q, false), "/total");
            long plain = total(bases.get(Target.PLAIN_SOLR) + solrPath(q, solrPath, collection, false),
                    "/response/numFound");
            long embedded = total(bases.get(Target.WINDOW_EMBEDDED) + windowPath(q, false), "/total");
            if (window != plain || window != embedded) {
                throw new IllegalStateException("totals of " + q + ": window on Solr " + window + ", plain Solr "
                        + plain + ", embedded " + embedded);
            }
        }
        System.out.printf("HTTP totals: the same from all three for %d queries%n", queries.size());
    }

    private static long total(String url, String pointer) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + ": " + r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8));
        }
        JsonNode total = JSON.readTree(r.body()).at(pointer);
        if (!total.isNumber()) {
            throw new IllegalStateException(url + ": no " + pointer);
        }
        return total.asLong();
    }

    private static List<String> paths(Target t, List<BenchQuery> queries, String solrPath, String collection,
                                      boolean facets) {
        return queries.stream().map(q -> t == Target.PLAIN_SOLR ? solrPath(q, solrPath, collection, facets)
                : windowPath(q, facets)).toList();
    }

    private static String windowPath(BenchQuery q, boolean facets) {
        return q.path() + "&facets=" + facets;
    }

    /** What the window asks Solr, as a plain {@code /select}. */
    static String solrPath(BenchQuery q, String solrPath, String collection, boolean facets) {
        StringBuilder p = new StringBuilder(solrPath).append('/').append(collection).append("/select?q=")
                .append(encode("*:*"));
        for (String k : q.keywords()) {
            p.append("&fq=").append(encode("{!field f=title_grams}" + k));
        }
        if (!q.countries().isEmpty()) {
            p.append("&fq=").append(encode("{!terms f=country}" + String.join(",", q.countries())));
        }
        p.append("&sort=").append(encode("published desc,id asc")).append("&start=0&rows=15&fl=").append(encode(FIELDS))
                .append("&wt=json");
        if (facets) {
            p.append("&json.facet=").append(encode(FACETS));
        }
        return p.toString();
    }

    private static String key(Target t, boolean facets, int connections) {
        return t.name() + "/" + facets + "/" + connections;
    }

    private String table(Map<String, List<HttpBench.WrkRun>> results, int checked) {
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "| over HTTP, wrk (median of %d rounds of %d s;"
                + " totals checked equal on %d queries) | conn | window on Solr q/s | p50 ms | p99 ms | plain Solr q/s"
                + " | p50 ms | p99 ms | window, embedded q/s | p50 ms | p99 ms | on Solr ÷ plain Solr | on Solr ÷"
                + " embedded |%n|---|---|---|---|---|---|---|---|---|---|---|---|---|%n", rounds.rounds(),
                rounds.seconds(), checked));
        for (boolean facets : List.of(false, true)) {
            for (int c : List.of(1, 2)) {
                double[][] m = new double[3][];
                for (Target t : Target.values()) {
                    List<HttpBench.WrkRun> runs = results.get(key(t, facets, c));
                    m[t.ordinal()] = new double[] {
                        Stats.median(runs.stream().mapToDouble(HttpBench.WrkRun::qps).toArray()),
                        Stats.median(runs.stream().mapToDouble(HttpBench.WrkRun::p50).toArray()),
                        Stats.median(runs.stream().mapToDouble(HttpBench.WrkRun::p99).toArray())};
                }
                md.append(String.format(Locale.ROOT, "| facets=%s | %d | %,.0f | %.2f | %.2f | %,.0f | %.2f | %.2f | %,.0f"
                                + " | %.2f | %.2f | %.2f | %.2f |%n", facets, c, m[0][0], m[0][1], m[0][2], m[1][0],
                        m[1][1], m[1][2], m[2][0], m[2][1], m[2][2], m[0][0] / m[1][0], m[0][0] / m[2][0]));
            }
        }
        return md.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
