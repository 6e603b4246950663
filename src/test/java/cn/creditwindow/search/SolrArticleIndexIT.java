package cn.creditwindow.search;

import cn.creditwindow.solr.SolrTestCluster;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;

/**
 * #16: {@link ArticleIndexContract} on a collection of the test SolrCloud (one shard on two of its three nodes,
 * the window's configset and plugin jar): the same keywords find the same titles, ranked the same, with the same
 * filters, facets, overview, upserts and finds as the embedded index.
 */
class SolrArticleIndexIT extends ArticleIndexContract {
    private static final String COLLECTION = "contract";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static List<URI> nodes;

    @BeforeAll
    static void collection() throws Exception {
        SolrTestCluster cluster = SolrTestCluster.shared();
        nodes = cluster.urls().stream().map(URI::create).toList();
        send(HttpRequest.newBuilder(URI.create(nodes.get(0) + "/admin/collections?action=CREATE&name=" + COLLECTION
                + "&numShards=1&replicationFactor=2&collection.configName=credit-window&waitForFinalState=true"))
                .timeout(Duration.ofSeconds(60)).build());
    }

    /** The collection emptied (committed, so no test sees the one before), behind a new client. */
    @Override
    protected ArticleIndex open() throws IOException {
        try {
            send(HttpRequest.newBuilder(URI.create(nodes.get(0) + "/" + COLLECTION + "/update?commit=true"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"delete\":{\"query\":\"*:*\"}}")).build());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return new SolrArticleIndex(nodes, COLLECTION, Duration.ofSeconds(10), ArticleIndexContract::ancestors);
    }

    private static void send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + r.statusCode() + ": " + r.body());
        }
    }
}
