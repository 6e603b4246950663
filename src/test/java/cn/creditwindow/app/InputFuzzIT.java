package cn.creditwindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input from every kind of caller, everywhere, against the real server and the demo world: every operation of
 * {@code openapi.json} with malformed and hostile path ids, query parameters and bodies (JSON of the wrong shape,
 * each documented field with values of the wrong type, too long, out of range, control characters, markup), as every
 * principal; then every page each principal can reach by following links, and every form on those pages submitted
 * with such values. No answer may be a 5xx, every refusal under {@code /api/} says why in Chinese and English, and
 * no page may carry a submitted payload as markup (stored XSS: an element or attribute that came from input).
 *
 * <p>The values are drawn from a seeded random generator ({@code -Dfuzz.seed=…} to change it; the seed is printed),
 * so a failure can be replayed and a new seed tries inputs not seen before.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InputFuzzIT {
    private static final List<String> WHO = List.of("anonymous", "sz-legal", "sz-operator", "szt-legal", "hn-legal",
            "manager", "reviewer", "admin", "feed-token", "customs-token");
    /** The marker every markup payload carries, so that its appearance as markup on a page can be told. */
    private static final String MARK = "fz9x";
    private static final List<String> HOSTILE = List.of("", " ", "\t\n", "0", "-1", "1.5", "-0.01", "1e309", "NaN",
            "99999999999999999999", "9223372036854775808", "true", "null", "[]", "{}", "2026-02-30", "2026-13-01",
            "0000-00-00", "1970-01-01T00:00:00Z", "../../etc/passwd", "%00", "\u0000", "\u202e\u0008",
            "😀𠀀", "中文字段值", "a".repeat(5_000), "中".repeat(3_000), "' OR '1'='1' --", "\"; DROP TABLE users; --",
            "<script>" + MARK + "()</script>", "<img src=x onerror=" + MARK + "()>", "\"><svg onload=" + MARK + "()>",
            "javascript:" + MARK + "()", "${7*7}", "{{7*7}}", "AE", "US", "CN", "440300", "91440300MA5ABCDE1X",
            "123456789012345678", "BKCHCNBJ", "13800138000", "a@b.c", "http://evil.example/x");

    private final long seed = Long.getLong("fuzz.seed", 20261204L);
    private final Random random = new Random(seed);
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, Session> sessions = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();
    private final List<String> ids = new ArrayList<>();
    private TestServer server;
    private JsonNode openapi;
    private int requests;

    private record Session(String cookie, String csrf, String authorization) {
    }

    private record Answer(int status, String body, String contentType) {
    }

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        System.out.println("InputFuzzIT seed " + seed + " (-Dfuzz.seed=" + seed + " replays it)");
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        // the demo's world, as serve --demo makes it (on today's date, its history written on earlier days)
        server = TestServer.start(dir, TestServer.fixtures("feeds"), null, new DemoClock(java.time.Clock.systemUTC()));
        App app = server.app();
        DemoWorld.seed(app, zone);
        openapi = json.readTree(Files.readString(Path.of("src/main/resources/web/openapi.json")));
        for (String who : WHO) {
            sessions.put(who, switch (who) {
                case "anonymous" -> new Session(null, null, null);
                case "feed-token" -> new Session(null, null, TestServer.PUSH);
                case "customs-token" -> new Session(null, null, "Bearer " + ApiClient.demo(server, "admin")
                        .post("/api/admin/api-tokens", Map.of("name", "fuzz-customs", "scopes", List.of("customs:push")))
                        .json().get("token").asText());
                default -> signIn(who);
            });
        }
        // ids of real records, so that some requests reach deep into the handlers
        ids.addAll(List.of("1", "2", "3", "4", "5"));
        String article = server.get("/api/articles?size=1").json().at("/items/0/id").asText();
        ids.add(article);
    }

    @AfterAll
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void noInputAnywhereFromAnyoneGetsA5xxAndNoPayloadBecomesMarkup() {
        fuzzTheApi();
        int api = requests;
        Set<String> pages = fuzzThePages();
        System.out.println("InputFuzzIT: " + api + " API requests, " + (requests - api) + " page requests over "
                + pages.size() + " pages, " + failures.size() + " failures");
        assertThat(failures).as("seed " + seed).isEmpty();
    }

    // ---- the API, operation by operation ----

    private void fuzzTheApi() {
        Iterator<Map.Entry<String, JsonNode>> paths = openapi.get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields();
            while (ops.hasNext()) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase(Locale.ROOT);
                if (!Set.of("GET", "POST", "PUT", "DELETE").contains(method)) {
                    continue;
                }
                if (path.getKey().equals("/api/session") && !method.equals("GET")) {
                    continue; // signing out or in again would end the sessions the rest of the run uses
                }
                for (String who : WHO) {
                    for (int variant = 0; variant < 4; variant++) {
                        String target = fill(path.getKey()) + query(op.getValue());
                        byte[] body = method.equals("GET") || method.equals("DELETE") ? null : body(op.getValue(), variant);
                        String type = variant == 3 ? "text/plain" : "application/json";
                        check(who, method, target, send(who, method, target, body, type));
                    }
                }
            }
        }
    }

    /** A path with its parameters replaced by real ids or hostile values. */
    private String fill(String template) {
        Matcher m = Pattern.compile("\\{[^}]+}").matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = random.nextInt(3) > 0 ? ids.get(random.nextInt(ids.size())) : pick();
            m.appendReplacement(out, Matcher.quoteReplacement(URLEncoder.encode(value.isEmpty() ? "x" : value,
                    StandardCharsets.UTF_8).replace("+", "%20")));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Each documented query parameter, half of the time, with a value it was not meant to take. */
    private String query(JsonNode op) {
        StringBuilder q = new StringBuilder();
        for (JsonNode p : op.path("parameters")) {
            JsonNode param = p.has("$ref") ? resolve(p.get("$ref").asText()) : p;
            if (!"query".equals(param.path("in").asText()) || random.nextBoolean()) {
                continue;
            }
            q.append(q.length() == 0 ? "?" : "&").append(param.path("name").asText()).append('=')
                    .append(URLEncoder.encode(pick(), StandardCharsets.UTF_8));
        }
        return q.toString();
    }

    /** 0: the documented fields with hostile values; 1: with values of other types; 2: malformed; 3: right, as text. */
    private byte[] body(JsonNode op, int variant) {
        JsonNode schema = op.at("/requestBody/content/application~1json/schema");
        if (variant == 2) {
            String[] broken = {"", "{", "{\"a\":", "[", "null", "\"text\"", "42", "[1,2,3]", "{\"a\":1}}", "\u0000"};
            return broken[random.nextInt(broken.length)].getBytes(StandardCharsets.UTF_8);
        }
        JsonNode value = schema.isMissingNode() ? JsonNodeFactory.instance.objectNode() : value(schema, variant, 0);
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode value(JsonNode schema, int variant, int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (schema.has("$ref")) {
            return value(resolve(schema.get("$ref").asText()), variant, depth);
        }
        if (schema.has("allOf")) {
            return value(schema.get("allOf").get(0), variant, depth);
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        if (type.equals("object") && depth < 3) {
            ObjectNode o = f.objectNode();
            Iterator<Map.Entry<String, JsonNode>> props = schema.path("properties").fields();
            while (props.hasNext()) {
                Map.Entry<String, JsonNode> prop = props.next();
                if (random.nextInt(5) > 0) {
                    o.set(prop.getKey(), value(prop.getValue(), variant, depth + 1));
                }
            }
            if (random.nextInt(4) == 0) {
                o.put("unexpected" + random.nextInt(10), pick());
            }
            return o;
        }
        if (type.equals("array") && depth < 3) {
            ArrayNode a = f.arrayNode();
            for (int i = random.nextInt(4); i > 0; i--) {
                a.add(value(schema.path("items"), variant, depth + 1));
            }
            return a;
        }
        if (variant == 1) { // another type than documented
            return switch (random.nextInt(6)) {
                case 0 -> f.numberNode(random.nextLong());
                case 1 -> f.booleanNode(random.nextBoolean());
                case 2 -> f.arrayNode().add(pick());
                case 3 -> f.objectNode().put("x", pick());
                case 4 -> f.nullNode();
                default -> f.numberNode(new java.math.BigDecimal("1e400"));
            };
        }
        if (schema.has("enum") && random.nextBoolean()) {
            JsonNode options = schema.get("enum");
            return options.get(random.nextInt(options.size()));
        }
        return switch (type) {
            case "integer" -> random.nextBoolean() ? f.numberNode(List.of(-1L, 0L, 1L, Long.MAX_VALUE, Long.MIN_VALUE,
                    3L, 2_147_483_648L).get(random.nextInt(7))) : f.textNode(pick());
            case "number" -> f.numberNode(List.of(-0.01, 0.0, 1e308, 0.123456789, 150000.0, -1e9).get(random.nextInt(6)));
            case "boolean" -> random.nextBoolean() ? f.booleanNode(true) : f.textNode(pick());
            default -> f.textNode(pick());
        };
    }

    private JsonNode resolve(String ref) {
        return openapi.at(ref.substring(1));
    }

    private String pick() {
        return HOSTILE.get(random.nextInt(HOSTILE.size()));
    }

    // ---- the pages: crawl as each principal, submit every form ----

    private Set<String> fuzzThePages() {
        Set<String> seen = new TreeSet<>();
        for (String who : WHO) {
            if (who.endsWith("-token")) {
                continue;
            }
            Deque<String> queue = new ArrayDeque<>(List.of("/", "/search?q=" + enc("关税"), "/credit", "/claims",
                    "/agreements", "/enrolment", "/subscriptions", "/digests", "/financing", "/message-board",
                    "/enrolment/inquiries", "/credit/buyers", "/credit/alerts", "/customs/declarations", "/service",
                    "/account/password"));
            Set<String> visited = new HashSet<>();
            int forms = 0;
            while (!queue.isEmpty() && visited.size() < 120) {
                String page = queue.poll();
                if (!visited.add(page)) {
                    continue;
                }
                seen.add(page.replaceAll("/\\d+", "/{id}").replaceAll("\\?.*", ""));
                Answer a = send(who, "GET", page, null, null);
                check(who, "GET", page, a);
                if (a.status() != 200 || !a.contentType().startsWith("text/html")) {
                    continue;
                }
                Document doc = Jsoup.parse(a.body(), server.base() + page);
                markupFromInput(who, page, doc);
                for (Element link : doc.select("a[href]")) {
                    String href = local(link.absUrl("href"));
                    if (href != null && !href.startsWith("/assets/") && !href.contains(".pdf") && !href.contains(".csv")
                            && !href.contains(".xlsx") && !href.startsWith("/api/")) {
                        queue.add(href);
                    }
                }
                for (Element form : doc.select("form[method=post]")) {
                    String action = local(form.absUrl("action"));
                    if (action == null || action.equals("/logout") || action.equals("/login") || forms > 60) {
                        continue;
                    }
                    forms++;
                    for (int variant = 0; variant < 2; variant++) {
                        submit(who, form, action);
                    }
                }
            }
        }
        return seen;
    }

    /** A form with its hidden fields kept (the anti-forgery token), its other fields hostile, and an upload if it has one. */
    private void submit(String who, Element form, String action) {
        Map<String, String> fields = new LinkedHashMap<>();
        boolean multipart = "multipart/form-data".equalsIgnoreCase(form.attr("enctype"));
        for (Element input : form.select("input[name], select[name], textarea[name], button[name]")) {
            String name = input.attr("name");
            String kind = input.attr("type").toLowerCase(Locale.ROOT);
            if (kind.equals("hidden") || kind.equals("file")) {
                if (kind.equals("hidden")) {
                    fields.put(name, input.val());
                }
                continue;
            }
            if (input.tagName().equals("button") || kind.equals("submit")) {
                if (!fields.containsKey(name) || random.nextBoolean()) {
                    fields.put(name, input.val());
                }
                continue;
            }
            if (random.nextInt(6) > 0) {
                fields.put(name, pick());
            }
        }
        Answer a;
        if (multipart) {
            String boundary = "----fuzz" + random.nextInt(1_000_000);
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            fields.forEach((k, v) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                    + k + "\"\r\n\r\n" + v + "\r\n").getBytes(StandardCharsets.UTF_8)));
            for (Element file : form.select("input[type=file][name]")) {
                body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.attr("name")
                        + "\"; filename=\"" + pick().replace("\"", "").replace("\r", "").replace("\n", "")
                        + ".csv\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                body.writeBytes(pick().getBytes(StandardCharsets.UTF_8));
                body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            a = send(who, "POST", action, body.toByteArray(), "multipart/form-data; boundary=" + boundary);
        } else {
            StringBuilder body = new StringBuilder();
            fields.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(enc(k)).append('=').append(enc(v)));
            a = send(who, "POST", action, body.toString().getBytes(StandardCharsets.UTF_8),
                    "application/x-www-form-urlencoded");
        }
        check(who, "POST", action + " " + fields.keySet(), a);
        if (a.status() < 300 && a.contentType().startsWith("text/html")) {
            markupFromInput(who, action, Jsoup.parse(a.body(), server.base() + action));
        }
    }

    /** An element or attribute that carries the marker of a payload: input that became markup. */
    private void markupFromInput(String who, String page, Document doc) {
        for (Element e : doc.getAllElements()) {
            if (e.tagName().equals("script") && e.data().contains(MARK)) {
                failures.add(who + " " + page + ": a <script> holds a submitted payload");
            }
            for (Attribute attr : e.attributes()) {
                String name = attr.getKey().toLowerCase(Locale.ROOT);
                boolean handler = name.startsWith("on") && attr.getValue().contains(MARK);
                boolean scriptUrl = (name.equals("href") || name.equals("src") || name.equals("action"))
                        && attr.getValue().strip().toLowerCase(Locale.ROOT).startsWith("javascript:");
                if (handler || scriptUrl) {
                    failures.add(who + " " + page + ": <" + e.tagName() + " " + name + "=\"" + shorten(attr.getValue())
                            + "\"> came from input");
                }
            }
        }
    }

    // ---- HTTP ----

    private Session signIn(String who) {
        Answer a = send("anonymous", "POST", "/api/session", ("{\"username\":\"" + who + "\",\"password\":\""
                + DemoWorld.PASSWORD + "\"}").getBytes(StandardCharsets.UTF_8), "application/json");
        assertThat(a.status()).as("sign-in of " + who).isEqualTo(201);
        try {
            String csrf = json.readTree(a.body()).get("csrfToken").asText();
            return new Session(lastCookie, csrf, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String lastCookie;
    private String previous = "";
    private String previousAnswer = "";

    private Answer send(String who, String method, String target, byte[] body, String contentType) {
        Session s = sessions.getOrDefault(who, new Session(null, null, null));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + target)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null && body != null) {
            b.header("Content-Type", contentType);
        }
        if (s.cookie() != null) {
            b.header("Cookie", s.cookie());
        }
        if (s.csrf() != null) {
            b.header("X-CSRF-Token", s.csrf());
        }
        if (s.authorization() != null) {
            b.header("Authorization", s.authorization());
        }
        requests++;
        try {
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("cw_session=")).findFirst()
                    .ifPresent(c -> lastCookie = c.substring(0, c.indexOf(';')));
            previousAnswer = r.statusCode() + " " + r.headers().firstValue("Connection").orElse("");
            return new Answer(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8),
                    r.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            failures.add(who + " " + method + " " + target + ": no answer (" + e + "); the request before: " + previous);
            return new Answer(0, "", "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            previous = who + " " + method + " " + shorten(target) + " " + (body == null ? 0 : body.length) + " bytes "
                    + contentType + " → " + previousAnswer;
        }
    }

    private void check(String who, String method, String target, Answer a) {
        if (a.status() >= 500) {
            failures.add(who + " " + method + " " + shorten(target) + " → " + a.status() + " " + shorten(a.body()));
            return;
        }
        if (a.status() >= 400 && target.startsWith("/api/") && a.contentType().startsWith("application/json")) {
            try {
                JsonNode error = json.readTree(a.body());
                if (error.path("message").asText().isBlank() || error.path("messageZh").asText().isBlank()) {
                    failures.add(who + " " + method + " " + shorten(target) + " → " + a.status()
                            + " without a message in both languages: " + shorten(a.body()));
                }
                for (JsonNode field : error.path("errors")) {
                    if (field.path("zh").asText().isBlank() || field.path("en").asText().isBlank()) {
                        failures.add(who + " " + method + " " + shorten(target) + ": field " + field.path("field")
                                + " without a message in both languages");
                    }
                }
            } catch (IOException e) {
                failures.add(who + " " + method + " " + shorten(target) + " → " + a.status() + " with a body that is not JSON");
            }
        }
    }

    private String local(String absolute) {
        if (!absolute.startsWith(server.base() + "/")) {
            return null;
        }
        String path = absolute.substring(server.base().length());
        int hash = path.indexOf('#');
        return hash < 0 ? path : path.substring(0, hash);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String shorten(String s) {
        String oneLine = s.replaceAll("\\s+", " ");
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }
}
