package cn.creditwindow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

/**
 * The nodes benchmark's HTTP client (#17): one pool of keep-alive connections for all simulated users, and each
 * request sent to the next node in turn, as a round-robin load balancer in front of the nodes would. Apache
 * HttpClient's classic API does its I/O on the caller's thread, so a client thread's CPU time is the client's cost
 * (the JDK's client hands every exchange to a selector thread: see the Solr benchmark).
 */
final class NodeClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An answer: status and body. */
    record Answer(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }

    private final List<String> bases;
    private final AtomicLong next = new AtomicLong();
    private final CloseableHttpClient http;

    NodeClient(List<String> bases, int connections) {
        this.bases = List.copyOf(bases);
        Timeout t = Timeout.ofSeconds(60);
        this.http = HttpClients.custom().disableCookieManagement().disableAutomaticRetries()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnPerRoute(connections).setMaxConnTotal(connections * bases.size())
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(t).setSocketTimeout(t)
                                .build()).build())
                .build();
    }

    /** Signs {@code username} in (on the next node): the user's session. */
    Session signIn(String username, String password) {
        HttpPost post = new HttpPost(nextBase() + "/api/session");
        post.setEntity(new ByteArrayEntity(json(Map.of("username", username, "password", password)),
                ContentType.APPLICATION_JSON));
        try {
            return http.execute(post, r -> {
                String body = r.getEntity() == null ? "" : EntityUtils.toString(r.getEntity(), StandardCharsets.UTF_8);
                if (r.getCode() != 201) {
                    throw new IllegalStateException("sign-in of " + username + ": " + r.getCode() + " " + body);
                }
                String cookie = r.getFirstHeader("Set-Cookie").getValue();
                return new Session(cookie.substring(0, cookie.indexOf(';')),
                        JSON.readTree(body).get("csrfToken").asText());
            });
        } catch (IOException e) {
            throw new UncheckedIOException("signing in " + username, e);
        }
    }

    /** A signed-in user: the session cookie, and the anti-forgery token sent with every change. */
    final class Session {
        private final String cookie;
        private final String csrf;

        private Session(String cookie, String csrf) {
            this.cookie = cookie;
            this.csrf = csrf;
        }

        Answer get(String path) throws IOException {
            return send(new HttpGet(nextBase() + path));
        }

        /** POST with a JSON body (a map or record), or an empty one for null. */
        Answer post(String path, Object body) throws IOException {
            HttpPost post = new HttpPost(nextBase() + path);
            post.setEntity(new ByteArrayEntity(body == null ? new byte[0] : json(body), ContentType.APPLICATION_JSON));
            return send(post);
        }

        private Answer send(HttpUriRequestBase request) throws IOException {
            request.setHeader("Cookie", cookie);
            request.setHeader("X-CSRF-Token", csrf);
            return http.execute(request, r -> new Answer(r.getCode(), r.getEntity() == null ? ""
                    : EntityUtils.toString(r.getEntity(), StandardCharsets.UTF_8)));
        }
    }

    private String nextBase() {
        return bases.get((int) (next.getAndIncrement() % bases.size()));
    }

    private static byte[] json(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
