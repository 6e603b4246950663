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
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The SolrCloud benchmark over HTTP (#16), as a user's client sees it: wrk against the window's server on the Solr
 * collection, against the window's server on the embedded index holding the same titles, and against Solr itself asked
 * the same thing by a plain {@code /select} (the keywords as {@code field} filters on the grams, the countries as a
 * terms filter, newest first, 15 a page, the hit fields, the same JSON facets). Both servers run as deployed
 * ({@code -Xmx256m}, default result cache); every run gets queries never sent before to anyone, so no cache of the
 * window's or of Solr's filter cache is warmed by another contender's run. Rounds alternate the order of the three.
 *
 * <p>{@link #compare} runs any of the contenders against one another ({@code SolrCoreBench}, #18: the window's server
 * on the embedded index against plain Solr on one core), after checking that they agree on a sample of queries.
 */
final class SolrHttpBench {
    /**
     * How many rounds of every run, how long one run and one contender's warm-up last, how many distinct queries a
     * run may use (one that uses them up wraps around, reported), and whether the servers record JFR profiles.
     */
    record Rounds(int rounds, int seconds, int warmUpSeconds, int slice, boolean jfr) {
        Rounds(int rounds, int seconds, boolean jfr) {
            this(rounds, seconds, WARM_UP_SECONDS, SLICE, jfr);
        }
    }

    enum Target {
        WINDOW_ON_SOLR("window on Solr"), PLAIN_SOLR("plain Solr"), WINDOW_EMBEDDED("window, embedded");

        final String label;

        Target(String label) {
            this.label = label;
        }
    }

    /** How plain Solr is asked for counts when the window is asked for facets. */
    enum SolrFacets {
        /** {@code json.facet} terms of module, country and industry: what the window on Solr asks (#16). */
        JSON_AS_WINDOW,
        /** {@code facet.field} country and module: the comparison of issue 18. */
        FIELDS_COUNTRY_MODULE
    }

    /**
     * What a comparison measured: the wrk runs of every contender, facets and connections, and what the check before
     * it found: {@code checked} queries compared, of which {@code latin} hold a Latin keyword and {@code latinDiffering}
     * of those got another total or first page from some contender (the window's Latin prefix recall finds more by
     * design; those are left out of the check, every other query must agree).
     */
    record Comparison(Map<String, List<HttpBench.WrkRun>> runs, int checked, int latin, int latinDiffering) {
        List<HttpBench.WrkRun> runs(Target t, boolean facets, int connections) {
            return runs.getOrDefault(key(t, facets, connections), List.of());
        }

        /** The median over the rounds of one figure of a run. */
        double median(Target t, boolean facets, int connections, ToDoubleFunction<HttpBench.WrkRun> figure) {
            return Stats.median(runs(t, facets, connections).stream().mapToDouble(figure).toArray());
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

    /** Runs the three contenders of #16 and returns the Markdown table (or why it was skipped). */
    String run(List<URI> nodes, String collection, Path embeddedIndex) throws Exception {
        if (HttpBench.wrk().isEmpty()) {
            System.out.println(HttpBench.installHint());
            return "HTTP part skipped: wrk not installed (apt-get install wrk)\n";
        }
        URI node = nodes.get(0);
        String solrBase = node.getScheme() + "://" + node.getAuthority();
        String solrUrls = nodes.stream().map(URI::toString).collect(Collectors.joining(","));
        HttpBench bench = new HttpBench(work);
        try (HttpBench.Server onSolr = bench.start(List.of("--search", "solr", "--solr-url", solrUrls,
                "--solr-collection", collection), "on-solr", rounds.jfr());
             HttpBench.Server embedded = bench.start(embeddedIndex, "embedded", rounds.jfr())) {
            Map<Target, String> bases = new EnumMap<>(Map.of(Target.WINDOW_ON_SOLR, onSolr.base(),
                    Target.PLAIN_SOLR, solrBase, Target.WINDOW_EMBEDDED, embedded.base()));
            Comparison c = compare(bases, node.getPath(), collection, SolrFacets.JSON_AS_WINDOW, () -> { });
            return table(c);
        }
    }

    /**
     * Checks that the contenders agree on {@value #CHECKED} queries (the same total and the same ids of the first page
     * on every query without a Latin keyword, or it throws), warms each up, then runs wrk against each, facets=false
     * and true, 1 and 2 connections, in rounds whose order of contenders rotates, every run with queries never sent
     * before. Needs wrk ({@link HttpBench#wrk()}).
     *
     * @param bases       the contenders, by their base address (scheme, host and port), in the first round's order
     * @param solrPath    the path of plain Solr's web application ({@code /solr})
     * @param onMeasuring called once the warm-ups are done, before the first measured run
     */
    Comparison compare(Map<Target, String> bases, String solrPath, String collection, SolrFacets solrFacets,
                       Runnable onMeasuring) throws Exception {
        Path wrk = HttpBench.wrk().orElseThrow(() -> new IllegalStateException(HttpBench.installHint()));
        List<Target> targets = List.copyOf(bases.keySet());
        int slice = rounds.slice();
        int runs = rounds.rounds() * 2 * 2 * targets.size();
        int warmUps = targets.size();
        System.out.printf("HTTP: %,d distinct queries for %d runs…%n", (runs + warmUps + 1) * slice, runs);
        List<BenchQuery> all = new QueryMix(corpus).distinct((runs + warmUps + 1) * slice, 20_261_206L);
        HttpBench bench = new HttpBench(work);
        List<BenchQuery> checked = all.subList(0, Math.min(CHECKED, slice));
        int[] latin = check(checked, bases, solrPath, collection);
        int next = 1;
        for (Target t : targets) {
            Path urls = bench.paths("warm-" + t.name(), paths(t, all.subList(next * slice, ++next * slice),
                    solrPath, collection, false, solrFacets));
            bench.run(wrk, bases.get(t), "warm-up " + t.label, urls, 2, rounds.warmUpSeconds());
        }
        onMeasuring.run();
        Map<String, List<HttpBench.WrkRun>> results = new LinkedHashMap<>();
        for (int r = 0; r < rounds.rounds(); r++) {
            for (boolean facets : List.of(false, true)) {
                for (int c : List.of(1, 2)) {
                    List<Target> order = new ArrayList<>(targets);
                    java.util.Collections.rotate(order, r);
                    for (Target t : order) {
                        Path urls = bench.paths("run", paths(t, all.subList(next * slice, ++next * slice), solrPath,
                                collection, facets, solrFacets));
                        results.computeIfAbsent(key(t, facets, c), k -> new ArrayList<>())
                                .add(bench.run(wrk, bases.get(t), t.label + (facets ? ", facets" : ""), urls, c,
                                        rounds.seconds()));
                    }
                }
            }
        }
        return new Comparison(results, checked.size(), latin[0], latin[1]);
    }

    /**
     * The same total and the same ids on the first page from every contender for every query without a Latin keyword,
     * or the benchmark stops; returns how many queries had a Latin keyword and how many of those differed.
     */
    private static int[] check(List<BenchQuery> queries, Map<Target, String> bases, String solrPath,
                               String collection) throws IOException, InterruptedException {
        int latin = 0;
        int latinDiffering = 0;
        for (BenchQuery q : queries) {
            Map<Target, Answer> answers = new EnumMap<>(Target.class);
            for (Map.Entry<Target, String> e : bases.entrySet()) {
                answers.put(e.getKey(), e.getKey() == Target.PLAIN_SOLR
                        ? answer(e.getValue() + solrPath(q, solrPath, collection, false), "/response/numFound",
                                "/response/docs")
                        : answer(e.getValue() + windowPath(q, false), "/total", "/items"));
            }
            boolean same = answers.values().stream().distinct().count() == 1;
            if (!q.chinese()) {
                latin++;
                latinDiffering += same ? 0 : 1;
            } else if (!same) {
                throw new IllegalStateException("the contenders disagree on " + q + ": " + answers);
            }
        }
        System.out.printf("HTTP check: the same total and first page from %s on all %d queries without a Latin"
                        + " keyword; %d of %d with one differ (left out)%n", bases.keySet(), queries.size() - latin,
                latinDiffering, latin);
        return new int[] {latin, latinDiffering};
    }

    /** A total and the ids of the first page. */
    private record Answer(long total, List<String> ids) {
    }

    private static Answer answer(String url, String totalPointer, String itemsPointer)
            throws IOException, InterruptedException {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + ": " + r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8));
        }
        JsonNode body = JSON.readTree(r.body());
        JsonNode total = body.at(totalPointer);
        JsonNode items = body.at(itemsPointer);
        if (!total.isNumber() || !items.isArray()) {
            throw new IllegalStateException(url + ": no " + totalPointer + " or " + itemsPointer);
        }
        List<String> ids = new ArrayList<>();
        items.forEach(i -> ids.add(i.path("id").asText()));
        return new Answer(total.asLong(), ids);
    }

    private static List<String> paths(Target t, List<BenchQuery> queries, String solrPath, String collection,
                                      boolean facets, SolrFacets solrFacets) {
        return queries.stream().map(q -> t == Target.PLAIN_SOLR ? solrPath(q, solrPath, collection, facets, solrFacets)
                : windowPath(q, facets)).toList();
    }

    private static String windowPath(BenchQuery q, boolean facets) {
        return q.path() + "&facets=" + facets;
    }

    /** What the window asks Solr, as a plain {@code /select}, with the window's JSON facets when asked. */
    static String solrPath(BenchQuery q, String solrPath, String collection, boolean facets) {
        return solrPath(q, solrPath, collection, facets, SolrFacets.JSON_AS_WINDOW);
    }

    /** What the window asks Solr, as a plain {@code /select}, with counts asked as {@code solrFacets} says. */
    static String solrPath(BenchQuery q, String solrPath, String collection, boolean facets, SolrFacets solrFacets) {
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
        if (facets && solrFacets == SolrFacets.JSON_AS_WINDOW) {
            p.append("&json.facet=").append(encode(FACETS));
        } else if (facets) {
            p.append("&facet=true&facet.field=country&facet.field=module&facet.limit=-1&facet.mincount=1");
        }
        return p.toString();
    }

    private static String key(Target t, boolean facets, int connections) {
        return t.name() + "/" + facets + "/" + connections;
    }

    private String table(Comparison c) {
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "| over HTTP, wrk (median of %d rounds of %d s;"
                + " totals and first pages checked equal on %d queries, %d of %d with a Latin keyword differ) | conn"
                + " | window on Solr q/s | p50 ms | p99 ms | plain Solr q/s"
                + " | p50 ms | p99 ms | window, embedded q/s | p50 ms | p99 ms | on Solr ÷ plain Solr | on Solr ÷"
                + " embedded |%n|---|---|---|---|---|---|---|---|---|---|---|---|---|%n", rounds.rounds(),
                rounds.seconds(), c.checked() - c.latin(), c.latinDiffering(), c.latin()));
        for (boolean facets : List.of(false, true)) {
            for (int conn : List.of(1, 2)) {
                double[][] m = new double[3][];
                for (Target t : Target.values()) {
                    m[t.ordinal()] = new double[] {c.median(t, facets, conn, HttpBench.WrkRun::qps),
                        c.median(t, facets, conn, HttpBench.WrkRun::p50), c.median(t, facets, conn, HttpBench.WrkRun::p99)};
                }
                md.append(String.format(Locale.ROOT, "| facets=%s | %d | %,.0f | %.2f | %.2f | %,.0f | %.2f | %.2f | %,.0f"
                                + " | %.2f | %.2f | %.2f | %.2f |%n", facets, conn, m[0][0], m[0][1], m[0][2], m[1][0],
                        m[1][1], m[1][2], m[2][0], m[2][1], m[2][2], m[0][0] / m[1][0], m[0][0] / m[2][0]));
            }
        }
        return md.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
