package cn.creditwindow.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A signed-in person's HTTP client for API tests: signs in with {@code POST /api/session}, then sends
 * the session cookie with every request and the anti-forgery token ({@code X-CSRF-Token}) with every
 * request that changes something, as a browser page's script would. {@link #anonymous} sends neither.
 */
final class ApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private final String cookie;
    private final String csrf;

    /** Extra headers sent with every request (e.g. an {@code Origin}), name then value. */
    private final List<String> headers;

    private ApiClient(String base, String cookie, String csrf) {
        this(base, cookie, csrf, List.of());
    }

    private ApiClient(String base, String cookie, String csrf, List<String> headers) {
        this.base = base;
        this.cookie = cookie;
        this.csrf = csrf;
        this.headers = List.copyOf(headers);
    }

    static ApiClient anonymous(TestServer server) {
        return new ApiClient(server.base(), null, null);
    }

    /** Signs in; fails the test if that does not work. */
    static ApiClient signIn(TestServer server, String username, String password) {
        return signIn(server.base(), username, password);
    }

    /** Signs in at a server's address ({@code http://127.0.0.1:<port>}: a {@link NodeProcess}'s). */
    static ApiClient signIn(String base, String username, String password) {
        ApiClient anonymous = new ApiClient(base, null, null);
        TestServer.Response r = anonymous.post("/api/session", Map.of("username", username, "password", password));
        if (r.status() != 201) {
            throw new AssertionError("sign-in of " + username + " failed: " + r.status() + " " + r.body());
        }
        String setCookie = r.raw().headers().firstValue("Set-Cookie").orElseThrow();
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        return new ApiClient(base, cookie, r.json().get("csrfToken").asText());
    }

    /** A demo-world user (see {@link DemoWorld}). */
    static ApiClient demo(TestServer server, String username) {
        return signIn(server, username, DemoWorld.PASSWORD);
    }

    /** The same session, sent to another node of the same deployment ({@link TestServer#secondNode}). */
    ApiClient on(TestServer node) {
        return new ApiClient(node.base(), cookie, csrf, headers);
    }

    /** The same session without its anti-forgery token (to show it is required). */
    ApiClient withoutCsrf() {
        return new ApiClient(base, cookie, null, headers);
    }

    /** The same session sending one more header with every request (as a browser sends {@code Origin}). */
    ApiClient withHeader(String name, String value) {
        List<String> more = new java.util.ArrayList<>(headers);
        more.add(name);
        more.add(value);
        return new ApiClient(base, cookie, csrf, more);
    }

    TestServer.Response get(String path) {
        return send(request(path).GET());
    }

    TestServer.Response delete(String path) {
        return send(request(path).DELETE());
    }

    /** DELETE with a JSON body (a record, a map, or a string that already is JSON). */
    TestServer.Response delete(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .method("DELETE", HttpRequest.BodyPublishers.ofString(json(body))));
    }

    /** POST with a JSON body (a record, a map, or a string that already is JSON). */
    TestServer.Response post(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    TestServer.Response put(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    /** POST with raw bytes of a content type (uploads). */
    TestServer.Response post(String path, byte[] body, String contentType) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    // ---- enrolment's additions ----

    /** GET that must answer 200, as JSON. */
    com.fasterxml.jackson.databind.JsonNode json(String path) {
        TestServer.Response r = get(path);
        if (r.status() != 200) {
            throw new AssertionError("GET " + path + ": " + r.status() + " " + r.body());
        }
        return r.json();
    }

    /** A page's form post (urlencoded, {@code _csrf} as a field, as browsers send it). */
    TestServer.Response form(String path, String urlencoded) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        for (int i = 0; i < headers.size(); i += 2) {
            b.header(headers.get(i), headers.get(i + 1));
        }
        return send(b.header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf + (urlencoded.isEmpty() ? "" : "&" + urlencoded))));
    }

    // ---- claim attachments' additions ----

    /**
     * A page's multipart form post as browsers send it: {@code _csrf} and {@code fields} as text parts, then the file
     * as the part {@code fileField} named {@code fileName}.
     */
    TestServer.Response multipart(String path, Map<String, String> fields, String fileField, String fileName,
                                  byte[] content) {
        String boundary = "----cw-test-" + Long.toHexString(System.nanoTime());
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        Map<String, String> all = new java.util.LinkedHashMap<>();
        all.put("_csrf", csrf);
        all.putAll(fields);
        for (Map.Entry<String, String> f : all.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                    + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** POST of a body of unknown length (sent chunked, without Content-Length), as a streaming client sends it. */
    TestServer.Response postChunked(String path, byte[] body, String contentType) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofInputStream(
                () -> new java.io.ByteArrayInputStream(body))));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        for (int i = 0; i < headers.size(); i += 2) {
            b.header(headers.get(i), headers.get(i + 1));
        }
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        if (csrf != null) {
            b.header("X-CSRF-Token", csrf);
        }
        return b;
    }

    private static String json(Object body) {
        if (body instanceof String s) {
            return s;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TestServer.Response send(HttpRequest.Builder b) {
        try {
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new TestServer.Response(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
