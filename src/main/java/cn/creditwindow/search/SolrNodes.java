package cn.creditwindow.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The nodes of a Solr cluster over HTTP, as one: a JSON request goes first to the node its body hashes to (the same
 * query to the same node, whose caches know it), other requests to the next node in turn; when a node cannot be
 * reached, times out or fails (5xx), the request goes on to the node after it, each node at most once. When none answers the request
 * fails as {@link SearchUnavailableException}; a request Solr refuses (4xx) is a bug of ours and fails at once as
 * {@link IllegalStateException} with Solr's words. Any node of a SolrCloud cluster serves any collection, forwarding
 * what it does not hold itself. Safe for concurrent use.
 */
final class SolrNodes implements AutoCloseable {
    /** Connections kept open to one node: more than the server's threads that search at once. */
    private static final int CONNECTIONS_PER_NODE = 64;
    /** The least time a node has to answer an update (see {@link #update}). */
    static final Duration UPDATE_TIMEOUT = Duration.ofMinutes(2);
    private static final ContentType FORM = ContentType.APPLICATION_FORM_URLENCODED.withCharset(StandardCharsets.UTF_8);

    private final List<URI> nodes;
    private final CloseableHttpClient http;
    private final Duration timeout;
    private final Duration updateTimeout;
    private final ObjectMapper mapper;
    private final AtomicInteger next = new AtomicInteger();

    /** What a node answered. */
    private record Answer(int status, byte[] body) {
    }

    /**
     * @param nodes   base addresses of Solr nodes, e.g. {@code http://10.0.0.5:8983/solr}
     * @param timeout how long one node may take to accept a connection, and to send each part of an answer, before
     *                the next node is tried
     */
    SolrNodes(List<URI> nodes, Duration timeout, ObjectMapper mapper) {
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("at least one Solr node is needed");
        }
        this.nodes = nodes.stream().map(u -> URI.create(u.toString().replaceAll("/+$", "") + "/")).toList();
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.updateTimeout = timeout.compareTo(UPDATE_TIMEOUT) > 0 ? timeout : UPDATE_TIMEOUT;
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        // Blocking I/O on the caller's thread over pooled keep-alive connections: the JDK's HttpClient hands every
        // exchange between its selector thread and the caller, which cost a query about as much as Solr's own work on
        // two cores (BENCHMARKS.md, "Search on SolrCloud"). A pooled connection idle for a second is checked before
        // use, so one a restarted node has closed is not handed out; failures go to the next node, not retried here.
        // Answers are not compressed: on a local network, gzip costs both ends more CPU than it saves in bytes.
        Timeout t = Timeout.of(timeout);
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnPerRoute(CONNECTIONS_PER_NODE)
                        .setMaxConnTotal(CONNECTIONS_PER_NODE * this.nodes.size())
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(t).setSocketTimeout(t)
                                .setValidateAfterInactivity(TimeValue.ofSeconds(1)).build())
                        .build())
                .disableAutomaticRetries()
                .disableContentCompression()
                .disableRedirectHandling()
                .disableCookieManagement()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .build();
    }

    /** POSTs a JSON body to {@code path} (relative to a node, e.g. {@code credit-window/select}) and reads the answer. */
    JsonNode post(String path, Object body) {
        byte[] bytes;
        try {
            bytes = mapper.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException("writing a Solr request", e);
        }
        // the same request starts at the same node, whose caches (filters, documents) have seen it before
        return send(path, Arrays.hashCode(bytes), timeout,
                node -> post(node.resolve(path), bytes, ContentType.APPLICATION_JSON));
    }

    /**
     * POSTs an update (documents to store or delete, committed softly in the same request) and reads the answer. An
     * update may take longer than a query to be answered: a batch of thousands of documents is analysed and a searcher
     * opened on every replica before Solr answers, so a node has {@link #UPDATE_TIMEOUT} (or the query timeout, if
     * longer) before the next is tried. An update applied by a node that then failed to answer is applied again by the
     * next: storing or deleting the same documents twice leaves the same collection.
     */
    JsonNode update(String path, Object body) {
        byte[] bytes;
        try {
            bytes = mapper.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException("writing a Solr update", e);
        }
        RequestConfig slow = RequestConfig.custom().setResponseTimeout(Timeout.of(updateTimeout)).build();
        return send(path, next.getAndIncrement(), updateTimeout, node -> {
            HttpUriRequestBase post = post(node.resolve(path), bytes, ContentType.APPLICATION_JSON);
            post.setConfig(slow);
            return post;
        });
    }

    /** POSTs parameters as a form (each name with its values, in order) to {@code path} and reads the answer. */
    JsonNode postForm(String path, Map<String, List<String>> params) {
        StringBuilder form = new StringBuilder();
        params.forEach((name, values) -> values.forEach(v -> form.append(form.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8))));
        byte[] bytes = form.toString().getBytes(StandardCharsets.UTF_8);
        return send(path, next.getAndIncrement(), timeout, node -> post(node.resolve(path), bytes, FORM));
    }

    /** GETs {@code pathAndQuery} (already encoded) and reads the answer. */
    JsonNode get(String pathAndQuery) {
        return send(pathAndQuery, next.getAndIncrement(), timeout,
                node -> accepting(new HttpGet(node.resolve(pathAndQuery))));
    }

    @Override
    public void close() {
        try {
            http.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing the connections to Solr", e);
        }
    }

    private static HttpUriRequestBase post(URI uri, byte[] body, ContentType type) {
        HttpPost post = new HttpPost(uri);
        post.setEntity(new ByteArrayEntity(body, type));
        return accepting(post);
    }

    private static HttpUriRequestBase accepting(HttpUriRequestBase request) {
        request.setHeader("Accept", ContentType.APPLICATION_JSON.getMimeType());
        return request;
    }

    /** Sends to the node {@code first} picks (modulo their number), else to each next one in turn. */
    private JsonNode send(String what, int first, Duration within, Function<URI, HttpUriRequestBase> request) {
        int start = Math.floorMod(first, nodes.size());
        List<String> failures = new ArrayList<>();
        Exception last = null;
        for (int i = 0; i < nodes.size(); i++) {
            URI node = nodes.get((start + i) % nodes.size());
            try {
                Answer r = http.execute(request.apply(node),
                        response -> new Answer(response.getCode(), response.getEntity() == null ? new byte[0]
                                : EntityUtils.toByteArray(response.getEntity())));
                if (r.status() / 100 == 2) {
                    return mapper.readTree(r.body());
                }
                String message = message(r.body());
                if (r.status() / 100 == 4) {
                    throw new IllegalStateException("Solr refused " + what + " (" + r.status() + "): " + message);
                }
                failures.add(node + ": " + r.status() + " " + message);
            } catch (SocketTimeoutException e) {
                failures.add(node + ": no answer within " + within.toMillis() + " ms");
                last = e;
            } catch (IOException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new SearchUnavailableException("interrupted while asking Solr for " + what, e);
                }
                failures.add(node + ": " + e);
                last = e;
            }
        }
        throw new SearchUnavailableException("no Solr node answered " + what + ": " + String.join("; ", failures),
                last);
    }

    /** Solr's own words from an error answer ({@code error.msg}), else the start of the body. */
    private String message(byte[] body) {
        try {
            JsonNode msg = mapper.readTree(body).path("error").path("msg");
            if (msg.isTextual()) {
                return msg.asText();
            }
        } catch (IOException e) {
            // not JSON: a proxy's page, say
        }
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
