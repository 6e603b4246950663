package cn.creditwindow.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The cluster client's failover, against real HTTP servers on loopback standing in for Solr nodes: a node that is
 * down, one that is slow, one that fails, one that answers. A request tries each node at most once, and when none
 * answers says so as {@link SearchUnavailableException}, never hangs. #16
 */
class SolrNodesTest {
    private final List<HttpServer> servers = new ArrayList<>();
    private final ObjectMapper mapper = new ObjectMapper();

    @AfterEach
    void stop() {
        servers.forEach(s -> s.stop(0));
    }

    /** A node answering every request with {@code status} and {@code body} after {@code delayMs}, counting them. */
    private URI node(int status, String body, long delayMs, AtomicInteger calls) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            calls.incrementAndGet();
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        servers.add(server);
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/solr");
    }

    /** The address of a port nothing listens on. */
    private static URI down() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + s.getLocalPort() + "/solr");
        }
    }

    @Test
    void aRequestGoesOnToTheNextNodeWhenOneIsDownSlowOrFailing() throws IOException {
        AtomicInteger slow = new AtomicInteger();
        AtomicInteger failing = new AtomicInteger();
        AtomicInteger good = new AtomicInteger();
        SolrNodes nodes = new SolrNodes(List.of(down(), node(200, "{}", 3_000, slow),
                node(503, "{\"error\":{\"msg\":\"no servers hosting shard\"}}", 0, failing),
                node(200, "{\"response\":{\"numFound\":7}}", 0, good)), Duration.ofMillis(300), mapper);
        for (int i = 0; i < 8; i++) {
            assertThat(nodes.get("c/select?q=*:*").at("/response/numFound").asLong()).isEqualTo(7);
        }
        assertThat(good.get()).isEqualTo(8);
    }

    @Test
    void whenNoNodeAnswersTheRequestFailsAsUnavailableAfterTryingEachOnce() throws IOException {
        AtomicInteger slow = new AtomicInteger();
        AtomicInteger failing = new AtomicInteger();
        SolrNodes nodes = new SolrNodes(List.of(down(), node(200, "{}", 3_000, slow), node(500, "oops", 0, failing)),
                Duration.ofMillis(300), mapper);
        long start = System.nanoTime();
        assertThatThrownBy(() -> nodes.postForm("c/get", Map.of("ids", List.of("a"))))
                .isInstanceOf(SearchUnavailableException.class)
                .hasMessageContaining("no answer within 300 ms").hasMessageContaining("500 oops");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(slow.get()).isEqualTo(1);
        assertThat(failing.get()).isEqualTo(1);
    }

    @Test
    void aRequestSolrRefusesIsOursToFixAndIsNotRetried() throws IOException {
        AtomicInteger refusing = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        SolrNodes nodes = new SolrNodes(List.of(node(400, "{\"error\":{\"msg\":\"undefined field foo\"}}", 0, refusing),
                node(400, "{\"error\":{\"msg\":\"undefined field foo\"}}", 0, other)), Duration.ofSeconds(2), mapper);
        assertThatThrownBy(() -> nodes.post("c/select", Map.of("query", "foo:bar")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("undefined field foo");
        assertThat(refusing.get() + other.get()).isEqualTo(1);
    }

    @Test
    void anUpdateMayTakeLongerThanAQueryBeforeTheNextNodeIsTried() throws IOException {
        // a batch of thousands of documents and a searcher opened on every replica: not a slow node, a big job
        AtomicInteger busy = new AtomicInteger();
        SolrNodes nodes = new SolrNodes(List.of(node(200, "{\"responseHeader\":{\"status\":0}}", 1_000, busy)),
                Duration.ofMillis(300), mapper);
        assertThatThrownBy(() -> nodes.post("c/select", Map.of("query", "*:*")))
                .isInstanceOf(SearchUnavailableException.class).hasMessageContaining("no answer within 300 ms");
        assertThat(nodes.update("c/update?softCommit=true", List.of(Map.of("id", "a"))).at("/responseHeader/status")
                .asInt()).isZero();
        assertThat(busy.get()).isEqualTo(2);
    }
}
