package cn.creditwindow.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A person signed in to a {@link TestServer} through {@code POST /api/session}: sends the session cookie and
 * the anti-forgery header with every request.
 */
final class ApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestServer server;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String cookie;
    private final String csrf;

    private ApiClient(TestServer server, String cookie, String csrf) {
        this.server = server;
        this.cookie = cookie;
        this.csrf = csrf;
    }

    static ApiClient signIn(TestServer server, String username, String password) {
        String body = "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
        TestServer.Response r = server.post("/api/session", body.getBytes(StandardCharsets.UTF_8), "application/json", null);
        if (r.status() != 201) {
            throw new AssertionError("sign-in of " + username + " failed: " + r.status() + " " + r.body());
        }
        String cookie = r.raw().headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("cw_session="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        return new ApiClient(server, cookie, r.json().get("csrfToken").asText());
    }

    TestServer.Response get(String path) {
        return send(request(path).GET().build());
    }

    TestServer.Response post(String path, Object jsonBody) {
        try {
            return send(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(jsonBody instanceof String s ? s
                            : JSON.writeValueAsString(jsonBody))).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TestServer.Response post(String path, byte[] body, String contentType) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    /** A page form post (urlencoded, with {@code _csrf} as a field as browsers send it). */
    TestServer.Response form(String path, String urlencoded) {
        return send(HttpRequest.newBuilder(URI.create(server.base() + path)).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf + (urlencoded.isEmpty() ? "" : "&" + urlencoded)))
                .build());
    }

    JsonNode json(String path) {
        TestServer.Response r = get(path);
        if (r.status() != 200) {
            throw new AssertionError("GET " + path + ": " + r.status() + " " + r.body());
        }
        return r.json();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(server.base() + path)).header("Cookie", cookie)
                .header("X-CSRF-Token", csrf);
    }

    private TestServer.Response send(HttpRequest request) {
        try {
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new TestServer.Response(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
