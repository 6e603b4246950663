package cn.creditwindow.app;

import cn.creditwindow.config.Config;
import cn.creditwindow.solr.SolrTestCluster;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The search engine the integration tests run on: the embedded index, or, when the system property
 * {@value #PROPERTY} is {@code solr} (the build's second run of the search tests, #16), a collection of the test
 * JVM's shared SolrCloud for each folder a test server runs in, as the embedded index is a folder of its own: a
 * server started again in the same folder finds what the one before stored. The collections end with the cluster.
 */
final class TestSearch {
    static final String PROPERTY = "search.engine";
    private static final AtomicInteger COLLECTIONS = new AtomicInteger();
    private static final Map<Path, Config.Solr> BY_FOLDER = new ConcurrentHashMap<>();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private TestSearch() {
    }

    /** True when this run's servers search on Solr. */
    static boolean onSolr() {
        return "solr".equalsIgnoreCase(System.getProperty(PROPERTY, ""));
    }

    /** The collection of a server in {@code dir}: new and empty (one shard on two of the three nodes) the first time. */
    static Config.Solr collectionFor(Path dir) {
        return collectionFor(dir, 2);
    }

    /** {@link #collectionFor(Path)} with one shard on {@code replicas} of the three nodes. */
    static Config.Solr collectionFor(Path dir, int replicas) {
        return BY_FOLDER.computeIfAbsent(dir.toAbsolutePath().normalize(), d -> {
            SolrTestCluster cluster = SolrTestCluster.shared();
            String name = "window" + COLLECTIONS.incrementAndGet();
            admin(cluster, "action=CREATE&name=" + name + "&numShards=1&replicationFactor=" + replicas
                    + "&collection.configName=credit-window&waitForFinalState=true");
            return new Config.Solr(cluster.urls().stream().map(URI::create).toList(), name, Duration.ofSeconds(10));
        });
    }

    /** Waits until every replica of the collection is active on a live node (after a node came back). */
    static void awaitActive(Config.Solr solr) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode status = admin(SolrTestCluster.shared(), "action=CLUSTERSTATUS&collection=" + solr.collection());
            JsonNode live = status.at("/cluster/live_nodes");
            boolean active = true;
            for (JsonNode shard : status.at("/cluster/collections/" + solr.collection() + "/shards")) {
                for (JsonNode replica : shard.path("replicas")) {
                    boolean onLiveNode = false;
                    for (JsonNode node : live) {
                        onLiveNode |= node.asText().equals(replica.path("node_name").asText());
                    }
                    active &= onLiveNode && "active".equals(replica.path("state").asText());
                }
            }
            if (active) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the replicas of " + solr.collection() + " did not all become active in 90 s");
    }

    private static JsonNode admin(SolrTestCluster cluster, String query) {
        List<String> urls = cluster.urls();
        URI uri = URI.create(urls.get(0) + "/admin/collections?" + query);
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered " + r.statusCode() + ": " + r.body());
            }
            return new ObjectMapper().readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(uri.toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
