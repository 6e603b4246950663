package cn.creditwindow.app;

import static cn.creditwindow.app.TestServer.PUSH;
import static cn.creditwindow.app.TestServer.enc;
import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.config.Config;
import cn.creditwindow.solr.SolrTestCluster;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * #16: the window on a SolrCloud collection with a replica on each of the three nodes loses one node while users
 * search: no query fails and every total stays the same; an item pushed while the node is down is found at once; the
 * node comes back, catches up (its own replica holds the item) and serves again. Runs in the build's Solr run.
 */
class SolrFailoverIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static byte[] rss(String guid, String title) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>t</title><item><title>"
                + title + "</title><guid>" + guid + "</guid><pubDate>Fri, 04 Dec 2026 10:15:00 +0800</pubDate>"
                + "</item></channel></rss>").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aNodeLostWhileUsersSearchFailsNoQueryAndComesBackCaughtUp() throws Exception {
        Config.Solr solr = TestSearch.collectionFor(dir, 3);
        try (TestServer server = TestServer.start(dir, TestServer.fixtures("feeds"), null, Clock.systemUTC(),
                c -> c.toBuilder().solr(solr).build())) {
            Map<String, Long> expected = new ConcurrentHashMap<>();
            // none of them finds the item pushed below, so every answer stays the same throughout
            List<String> queries = List.of("/api/articles?module=country-alert", "/api/articles?q=" + enc("关税"),
                    "/api/articles?facets=true&country=US", "/api/articles/overview?q=" + enc("预警"));
            for (String q : queries) {
                TestServer.Response r = server.get(q);
                assertThat(r.status()).as(q + ": " + r.body()).isEqualTo(200);
                expected.put(q, total(r));
            }
            assertThat(expected.get("/api/articles?module=country-alert")).isPositive();

            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger done = new AtomicInteger();
            List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            ExecutorService users = Executors.newFixedThreadPool(2);
            List<Future<?>> loops = new ArrayList<>();
            for (int u = 0; u < 2; u++) {
                int user = u;
                loops.add(users.submit(() -> {
                    for (int i = user; running.get() || done.get() < 200; i++) {
                        String q = queries.get(i % queries.size());
                        TestServer.Response r = server.get(q);
                        if (r.status() != 200 || total(r) != expected.get(q)) {
                            failures.add(q + " → " + r.status() + " " + r.body());
                        }
                        done.incrementAndGet();
                    }
                }));
            }
            SolrTestCluster cluster = SolrTestCluster.shared();
            waitFor(done, 50);
            cluster.stopNode(1);
            int atStop = done.get();
            // pushed while node 1 is down: stored on the two replicas left, and found at once
            TestServer.Response pushed = server.post("/api/feeds?module=trade-news", rss("failover-1", "节点宕机时推送的消息"),
                    "application/rss+xml", PUSH);
            assertThat(pushed.status()).as(pushed.body()).isEqualTo(200);
            assertThat(total(server.get("/api/articles?q=" + enc("节点宕机")))).isEqualTo(1);
            waitFor(done, atStop + 100);
            cluster.startNode(1);
            TestSearch.awaitActive(solr);
            running.set(false);
            for (Future<?> loop : loops) {
                loop.get();
            }
            users.shutdown();
            assertThat(failures).as("queries that failed or changed their total").isEmpty();
            assertThat(done.get()).isGreaterThanOrEqualTo(200);

            // node 1's own replica caught up: asked alone (distrib=false), it holds the item pushed while it was down
            String node1 = cluster.urls().get(1);
            HttpResponse<String> local = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(node1 + "/"
                    + solr.collection() + "/select?distrib=false&rows=0&q=id:" + enc(id(server, "节点宕机")))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(local.statusCode()).as(local.body()).isEqualTo(200);
            assertThat(JSON.readTree(local.body()).at("/response/numFound").asLong()).isEqualTo(1);
            for (String q : queries) {
                assertThat(total(server.get(q))).as(q).isEqualTo(expected.get(q));
            }
        }
    }

    /** A list's total; for the overview, a digest of the whole answer (its totals and items per module). */
    private static long total(TestServer.Response r) {
        if (r.status() != 200) {
            return -1;
        }
        return r.json().has("total") ? r.json().get("total").asLong() : r.json().toString().hashCode();
    }

    private static String id(TestServer server, String q) {
        return server.get("/api/articles?q=" + enc(q)).json().at("/items/0/id").asText();
    }

    private static void waitFor(AtomicInteger done, int count) throws InterruptedException {
        while (done.get() < count) {
            Thread.sleep(20);
        }
    }
}
