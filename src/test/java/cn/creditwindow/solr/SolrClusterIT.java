package cn.creditwindow.solr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The test SolrCloud end to end, over plain HTTP and JSON as the window's client speaks to it: the configset and the
 * window's analyzers inside Solr (a keyword finds exactly the titles that contain it), JSON facets, real-time get, and
 * a node stopped under queries and started again. #16
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SolrClusterIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static SolrTestCluster cluster;

    @BeforeAll
    static void indexTitles() throws Exception {
        cluster = SolrTestCluster.shared();
        update(0, "commit=true", Map.of("delete", Map.of("query", "*:*")));
        update(0, "softCommit=true", List.of(
                article("trade-1", "trade-news", "中美贸易摩擦"),
                article("trade-2", "trade-news", "中美洲贸易"),
                article("phone", "industry-alert", "iPhoneX 发布"),
                article("air", "country-alert", "JinAir 航班")));
    }

    @Test
    @Order(1)
    void everyNodeHoldsAReplicaOfTheCollection() throws Exception {
        JsonNode status = get(0, "/admin/collections?action=CLUSTERSTATUS&collection=" + cluster.collection());
        JsonNode replicas = status.at("/cluster/collections/" + cluster.collection() + "/shards/shard1/replicas");
        Set<String> nodes = new TreeSet<>();
        replicas.forEach(r -> nodes.add(r.get("base_url").asText()));
        assertThat(nodes).containsExactlyInAnyOrderElementsOf(cluster.urls());
    }

    @Test
    @Order(2)
    void aKeywordFindsTheTitlesThatContainItOnTheGramField() throws Exception {
        assertThat(ids(0, "{!field f=title_grams}中美贸易")).containsExactly("trade-1");
        assertThat(ids(1, "{!field f=title_grams}贸易")).containsExactlyInAnyOrder("trade-1", "trade-2");
        assertThat(ids(2, "{!field f=title_grams}中美貿易")).as("folded to simplified").containsExactly("trade-1");
    }

    @Test
    @Order(3)
    void aLatinKeywordFindsWordsItBeginsOnly() throws Exception {
        assertThat(ids(0, "{!field f=title_grams}iPhone")).containsExactly("phone");
        assertThat(ids(1, "{!field f=title_grams}AI")).isEmpty();
        assertThat(ids(2, "{!field f=title_grams}jinair")).containsExactly("air");
    }

    @Test
    @Order(4)
    void wordsSentSpaceSeparatedMatchTheSmartcnWordsOfATitle() throws Exception {
        // smartcn cuts 中美贸易摩擦 into 中 美 贸易 摩擦 and 中美洲贸易 into 中美洲 贸易: the client sends a keyword's
        // split into the words the index knows, as the embedded index looks it up (KeywordQueries.wholeWords)
        assertThat(ids(0, "title_words:\"中 美 贸易\"")).containsExactly("trade-1");
        assertThat(ids(1, "title_words:\"中美洲 贸易\"")).containsExactly("trade-2");
        assertThat(ids(2, "title_words:\"美 贸易\"")).containsExactly("trade-1");
    }

    @Test
    @Order(5)
    void theModuleFacetCountsEveryMatch() throws Exception {
        JsonNode response = get(1, "/" + cluster.collection() + "/select?q=*:*&rows=0&json.facet="
                + encode("{modules:{type:terms,field:module}}"));
        Map<String, Integer> counts = new TreeMap<>();
        response.at("/facets/modules/buckets").forEach(b -> counts.put(b.get("val").asText(), b.get("count").asInt()));
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(
                Map.of("trade-news", 2, "industry-alert", 1, "country-alert", 1));
    }

    @Test
    @Order(6)
    void realTimeGetSeesAnArticleBeforeAnyCommit() throws Exception {
        update(0, null, List.of(article("fresh", "trade-news", "光伏出口新规")));

        JsonNode got = get(2, "/" + cluster.collection() + "/get?ids=fresh");
        assertThat(got.at("/response/docs/0/title").asText()).isEqualTo("光伏出口新规");
        assertThat(ids(2, "{!field f=title_grams}光伏")).as("not searchable before a commit").isEmpty();

        update(0, "softCommit=true", List.of());
        assertThat(ids(2, "{!field f=title_grams}光伏")).containsExactly("fresh");
    }

    @Test
    @Order(7)
    void queriesGoOnWhileANodeStopsAndTheNodeCatchesUpWhenItComesBack() throws Exception {
        String keyword = "{!field f=title_grams}贸易";
        List<String> before = ids(1, keyword);

        AtomicBoolean stopped = new AtomicBoolean();
        CountDownLatch running = new CountDownLatch(20);
        AtomicInteger done = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        CompletableFuture<Void> queries = CompletableFuture.runAsync(() -> {
            // at least 200 queries, alternating between the two nodes that stay, and on until the stop is over
            for (int i = 0; done.get() < 200 || !stopped.get(); i++) {
                int node = i % 2 == 0 ? 0 : 2;
                try {
                    List<String> ids = ids(node, keyword);
                    if (!ids.equals(before)) {
                        failures.add("node " + node + " found " + ids);
                    }
                } catch (Exception | AssertionError e) {
                    failures.add("node " + node + ": " + e);
                }
                done.incrementAndGet();
                running.countDown();
            }
        });
        assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();
        int beforeStop = done.get();
        cluster.stopNode(1);
        int duringStop = done.get() - beforeStop;
        stopped.set(true);
        queries.get(60, TimeUnit.SECONDS);
        assertThat(failures).as("failed queries of " + done.get()).isEmpty();
        assertThat(done.get()).isGreaterThanOrEqualTo(200);
        assertThat(duringStop).as("queries answered while node 1 stopped").isPositive();

        update(0, "softCommit=true", List.of(article("trade-3", "trade-news", "对美贸易顺差")));
        cluster.startNode(1);
        cluster.waitActive();

        List<String> expected = new ArrayList<>(before);
        expected.add("trade-3");
        assertThat(ids(1, keyword)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(localIds(1, keyword)).as("node 1's own replica").containsExactlyInAnyOrderElementsOf(expected);
    }

    private static Map<String, Object> article(String id, String module, String title) {
        return Map.of("id", id, "module", module, "title", title, "title_words", title, "title_grams", title,
                "published", 1_760_000_000_000L, "country", List.of("US"));
    }

    /** The ids that node {@code node} finds for {@code q}, sorted. */
    private static List<String> ids(int node, String q) throws IOException, InterruptedException {
        return idsOf(get(node, "/" + cluster.collection() + "/select?fl=id&rows=100&q=" + encode(q)));
    }

    /** The ids the node's own replica finds, without asking another node. */
    private static List<String> localIds(int node, String q) throws IOException, InterruptedException {
        return idsOf(get(node, "/" + cluster.collection() + "/select?distrib=false&fl=id&rows=100&q=" + encode(q)));
    }

    private static List<String> idsOf(JsonNode response) {
        List<String> ids = new ArrayList<>();
        response.at("/response/docs").forEach(d -> ids.add(d.get("id").asText()));
        assertThat(response.at("/response/numFound").asInt()).as("numFound").isEqualTo(ids.size());
        return ids.stream().sorted().collect(Collectors.toList());
    }

    private static JsonNode get(int node, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(cluster.urls().get(node) + path))
                .timeout(Duration.ofSeconds(10)).GET().build();
        return send(request);
    }

    /** Posts {@code body} as JSON to node {@code node}'s /update, with the query {@code params} (or none). */
    private static void update(int node, String params, Object body) throws IOException, InterruptedException {
        String url = cluster.urls().get(node) + "/" + cluster.collection() + "/update"
                + (params == null ? "" : "?" + params);
        send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    private static JsonNode send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(request.method() + " " + request.uri() + ": " + response.body())
                .isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
