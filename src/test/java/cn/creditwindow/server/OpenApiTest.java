package cn.creditwindow.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * openapi.json describes exactly the API routes of {@link Routes} (those {@link Routes#isApi} names:
 * {@code /api/…} and the operations endpoints): adding an endpoint means documenting it. Pages for
 * people are not part of the API description.
 */
class OpenApiTest {
    /** A code ErrorMapping answers with, beside those of {@code ErrorMapping.code(status)}. */
    private static final Pattern SENT_CODE = Pattern.compile("send\\(ctx, \\d{3}, \"([a-z_]+)\"");
    private static final Pattern ROUTE = Pattern.compile("r\\.(get|post|put|patch|delete)\\(\"([^\"]+)\"");

    @Test
    void everyApiRouteIsDocumentedAndEveryDocumentedPathIsARoute() throws IOException {
        String routes = routeSources();
        TreeSet<String> declared = new TreeSet<>();
        TreeSet<String> pages = new TreeSet<>();
        Matcher m = ROUTE.matcher(routes);
        while (m.find()) {
            String route = m.group(1).toUpperCase(Locale.ROOT) + " " + m.group(2);
            (Routes.isApi(m.group(2)) ? declared : pages).add(route);
        }
        assertThat(declared).hasSizeGreaterThan(10);
        assertThat(pages).contains("GET /", "GET /search", "GET /search/{module}", "GET /articles/{id}");
        JsonNode api = api();
        TreeSet<String> documented = new TreeSet<>();
        api.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (List.of("get", "post", "put", "patch", "delete").contains(method)) {
                documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        assertThat(documented).isEqualTo(declared);
    }

    @Test
    void everyReferenceResolves() throws IOException {
        JsonNode api = api();
        List<String> refs = new ArrayList<>();
        collectRefs(api, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(api.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
        }
    }

    @Test
    void everyErrorCodeTheServerAnswersIsListed() throws IOException {
        JsonNode api = api();
        TreeSet<String> listed = new TreeSet<>();
        api.at("/components/schemas/ApiError/properties/error/enum").forEach(code -> listed.add(code.asText()));
        TreeSet<String> answered = new TreeSet<>();
        for (int status = 400; status < 600; status++) {
            answered.add(ErrorMapping.code(status));
        }
        Matcher m = SENT_CODE.matcher(Files.readString(Path.of("src/main/java/cn/creditwindow/server/ErrorMapping.java")));
        while (m.find()) {
            answered.add(m.group(1));
        }
        assertThat(answered).contains("search_unavailable", "internal_error", "method_not_allowed", "uri_too_long");
        assertThat(listed).containsAll(answered);
    }

    private JsonNode api() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/web/openapi.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static void collectRefs(JsonNode node, List<String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals("$ref")) {
                    out.add(e.getValue().asText());
                } else {
                    collectRefs(e.getValue(), out);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectRefs(n, out));
        }
    }

    /** The route table's source: Routes and the classes it installs (ApiRoutes, PageRoutes). */
    private static String routeSources() throws IOException {
        StringBuilder all = new StringBuilder();
        try (var files = Files.newDirectoryStream(Path.of("src/main/java/cn/creditwindow/server"), "*Routes.java")) {
            for (Path f : files) {
                all.append(Files.readString(f));
            }
        }
        return all.toString();
    }
}
