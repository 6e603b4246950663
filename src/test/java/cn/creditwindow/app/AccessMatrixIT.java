package cn.creditwindow.app;

import static cn.creditwindow.app.AccessTable.NOT_IN_TABLE;
import static cn.creditwindow.app.AccessTable.OK;
import static cn.creditwindow.app.AccessTable.WHO;
import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.app.AccessTable.Row;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The role × endpoint matrix: every route of the route table ({@code server/*Routes.java}) is called by every kind of
 * principal — nobody, the legal representative and an operator of the Shenzhen enterprise, the legal
 * representative of another enterprise, the Shenzhen account manager, a reviewer, an administrator and
 * a feed-push API token — with the ids of the Shenzhen enterprise's records ("own") and of another
 * enterprise's ("other"), and each answer is compared with what the table says. Requests that are
 * allowed carry a deliberately incomplete body, so they reach the handler (400, not 401/403/404) without
 * changing anything; one naming a record that does not exist answers 404 to whoever passes the guard (the
 * record is looked up before the body, #13). A route missing from the table ({@link AccessTable}) fails the test:
 * adding an endpoint means deciding there who may call it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT {
    private TestServer server;
    private DemoWorld world;
    private final Map<String, ApiClient> clients = new LinkedHashMap<>();
    private final Map<String, String> ids = new LinkedHashMap<>();

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        server = TestServer.start(dir, null, null);
        world = DemoWorld.create(server.app());
        for (String who : WHO) {
            clients.put(who, switch (who) {
                case "anonymous", "feed-token" -> ApiClient.anonymous(server);
                default -> ApiClient.demo(server, who);
            });
        }
        ids.put("{own}", Long.toString(world.enterprises().get(0).id()));
        ids.put("{other}", Long.toString(world.enterprises().get(1).id()));
        // the service agreement: Shenzhen's (signed) and Zhengzhou's (awaiting the insurer) agreements
        ids.put("{ownAgreement}", Long.toString(server.app().domains().agreements().live(world.enterprises().get(0).id()).orElseThrow().id()));
        ids.put("{otherAgreement}", Long.toString(server.app().domains().agreements().live(world.enterprises().get(1).id()).orElseThrow().id()));
        // the credit alarm: a buyer the Shenzhen enterprise added (only it, its manager and the insurer see it)
        ids.put("{szBuyer}", clients.get("sz-legal").post("/api/buyers", java.util.Map.of("nameEn", "Matrix Test Buyer",
                "country", "DE")).json().get("buyer").get("id").asText());
        // inquiries (投保咨询) and the message board (调查问卷): one of each from the Shenzhen enterprise
        ids.put("{szInquiry}", clients.get("sz-legal").post("/api/inquiries", java.util.Map.of("companyName", "矩阵测试公司",
                "province", "440000", "city", "440300", "district", "440303", "address", "深南东路 1 号",
                "contactName", "测试联系人", "mobile", "13800138000", "email", "matrix@example.com")).json().get("id").asText());
        ids.put("{szMessage}", clients.get("sz-legal").post("/api/message-board", java.util.Map.of("companyName",
                "矩阵测试公司", "province", "440000", "city", "440300", "district", "440303", "contactName", "测试联系人",
                "mobile", "13800138000", "subject", "矩阵测试", "content", "矩阵测试留言")).json().get("id").asText());
    }

    @AfterAll
    void stop() throws IOException {
        server.close();
    }

    @Test
    void everyPrincipalGetsWhatTheTableSaysOnEveryRoute() {
        List<String> failures = new ArrayList<>();
        for (Row row : AccessTable.rows()) {
            for (String who : WHO) {
                int expected = row.expected().get(who);
                int actual = call(who, row);
                boolean ok = expected == OK ? actual < 500 && actual != 401 && actual != 403 && actual != 404
                        : actual == expected;
                if (!ok) {
                    failures.add(String.format("%-45s %-11s expected %s, got %d", row.method() + " " + row.path(), who,
                            expected == OK ? "allowed" : Integer.toString(expected), actual));
                }
            }
        }
        assertThat(failures).as("the role × endpoint matrix").isEmpty();
    }

    @Test
    void everyRouteIsInTheTable() throws IOException {
        String routes = routeSources();
        Matcher m = Pattern.compile("r\\.(get|post|put|patch|delete)\\(\"([^\"]+)\"").matcher(routes);
        TreeSet<String> declared = new TreeSet<>();
        while (m.find()) {
            declared.add(m.group(1).toUpperCase(Locale.ROOT) + " " + m.group(2));
        }
        TreeSet<String> covered = new TreeSet<>(NOT_IN_TABLE);
        for (Row row : AccessTable.rows()) {
            String path = row.path().contains("?") ? row.path().substring(0, row.path().indexOf('?')) : row.path();
            covered.add(row.method() + " " + path.replaceAll("\\{(own|other)}", "{id}"));
        }
        TreeSet<String> missing = new TreeSet<>(declared);
        missing.removeIf(route -> covered.stream().anyMatch(c -> matches(c, route)));
        assertThat(missing).as("routes nobody decided who may call (add them to the table)").isEmpty();
    }

    /** A covered request ({@code GET /api/enterprises/{id}} or with literal values) matches a route pattern. */
    private static boolean matches(String covered, String route) {
        String regex = Pattern.quote(route).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
        return covered.equals(route) || covered.matches(regex);
    }

    private int call(String who, Row row) {
        String path = row.path();
        for (Map.Entry<String, String> id : ids.entrySet()) {
            path = path.replace(id.getKey(), id.getValue());
        }
        if (who.equals("feed-token")) {
            byte[] body = row.body().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            return switch (row.method()) {
                case "GET" -> server.get(path, "Authorization", TestServer.PUSH).status();
                default -> server.send(row.method(), path, body, "application/json", TestServer.PUSH).status();
            };
        }
        ApiClient c = row.fresh() && !who.equals("anonymous") ? ApiClient.demo(server, who) : clients.get(who);
        return switch (row.method()) {
            case "GET" -> c.get(path).status();
            case "POST" -> c.post(path, row.body()).status();
            case "PUT" -> c.put(path, row.body()).status();
            case "DELETE" -> c.delete(path).status();
            default -> throw new IllegalArgumentException(row.method());
        };
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
