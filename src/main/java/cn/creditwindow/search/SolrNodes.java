package cn.creditwindow.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The nodes of a Solr cluster over HTTP, as one: a JSON request goes first to the node its body hashes to (the same
 * query to the same node, whose caches know it), other requests to the next node in turn; when a node cannot be
 * reached, times out or fails (5xx), the request goes on to the node after it, each node at most once. When none answers the request
 * fails as {@link SearchUnavailableException}; a request Solr refuses (4xx) is a bug of ours and fails at once as
 * {@link IllegalStateException} with Solr's words. Any node of a SolrCloud cluster serves any collection, forwarding
 * what it does not hold itself. Safe for concurrent use.
 */
final class SolrNodes {
    private static final String JSON = "application/json";

    private final List<URI> nodes;
    private final HttpClient http;
    private final Duration timeout;
    private final ObjectMapper mapper;
    private final AtomicInteger next = new AtomicInteger();

    /**
     * @param nodes   base addresses of Solr nodes, e.g. {@code http://10.0.0.5:8983/solr}
     * @param timeout how long one node may take to answer one request before the next is tried
     */
    SolrNodes(List<URI> nodes, Duration timeout, ObjectMapper mapper) {
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("at least one Solr node is needed");
        }
        this.nodes = nodes.stream().map(u -> URI.create(u.toString().replaceAll("/+$", "") + "/")).toList();
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
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
        return send(path, Arrays.hashCode(bytes), node -> HttpRequest.newBuilder(node.resolve(path)).timeout(timeout)
                .header("Content-Type", JSON).header("Accept", JSON)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
    }

    /** POSTs parameters as a form (each name with its values, in order) to {@code path} and reads the answer. */
    JsonNode postForm(String path, Map<String, List<String>> params) {
        StringBuilder form = new StringBuilder();
        params.forEach((name, values) -> values.forEach(v -> form.append(form.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8))));
        byte[] bytes = form.toString().getBytes(StandardCharsets.UTF_8);
        return send(path, next.getAndIncrement(), node -> HttpRequest.newBuilder(node.resolve(path)).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8").header("Accept", JSON)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
    }

    /** GETs {@code pathAndQuery} (already encoded) and reads the answer. */
    JsonNode get(String pathAndQuery) {
        return send(pathAndQuery, next.getAndIncrement(), node -> HttpRequest.newBuilder(node.resolve(pathAndQuery))
                .timeout(timeout)
                .header("Accept", JSON).GET().build());
    }

    /** Sends to the node {@code first} picks (modulo their number), else to each next one in turn. */
    private JsonNode send(String what, int first, java.util.function.Function<URI, HttpRequest> request) {
        int start = Math.floorMod(first, nodes.size());
        List<String> failures = new ArrayList<>();
        Exception last = null;
        for (int i = 0; i < nodes.size(); i++) {
            URI node = nodes.get((start + i) % nodes.size());
            try {
                HttpResponse<byte[]> r = http.send(request.apply(node), HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() / 100 == 2) {
                    return mapper.readTree(r.body());
                }
                String message = message(r.body());
                if (r.statusCode() / 100 == 4) {
                    throw new IllegalStateException("Solr refused " + what + " (" + r.statusCode() + "): " + message);
                }
                failures.add(node + ": " + r.statusCode() + " " + message);
            } catch (HttpTimeoutException e) {
                failures.add(node + ": no answer within " + timeout.toMillis() + " ms");
                last = e;
            } catch (IOException e) {
                failures.add(node + ": " + e);
                last = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SearchUnavailableException("interrupted while asking Solr for " + what, e);
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
