package cn.creditwindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.TestClock;
import cn.creditwindow.config.Config;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schemes with their years, and an administrator adding next year's scheme as data, through the real server on
 * 2026-12-05 (#14): the API shows each scheme's validity, years and the year of today; a bad scheme is a 400 naming the
 * field in Chinese and English, a duplicate id or an overlap with a known scheme a 400 naming that scheme, and none of
 * them saves anything; only administrators may add; a second node on the same database sees an added scheme at once,
 * and an eligible list can be imported for it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // refusals first, then the scheme is added
class AddedSchemesIT {
    private TestServer server;
    private TestServer secondNode;
    private String demoScheme;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        TestClock clock = new TestClock(Instant.parse("2026-12-05T02:00:00Z"));
        server = TestServer.start(dir.resolve("node1"), null, null, clock);
        Path db = dir.resolve("node1/data/credit-window.db");
        secondNode = TestServer.start(dir.resolve("node2"), null, null, clock, c -> c.toBuilder().dbFile(db).build());
        DemoWorld.create(server.app());
        try (InputStream in = AddedSchemesIT.class.getResourceAsStream("/demo/shenzhen-demo-2026.json")) {
            demoScheme = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @AfterAll
    void stop() throws IOException {
        secondNode.close();
        server.close();
    }

    private long added() {
        return server.app().database().read(tx -> tx.number("SELECT COUNT(*) FROM added_schemes"));
    }

    private TestServer.Response add(ApiClient who, String json) {
        return who.post("/api/admin/schemes", json.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    @Test
    @Order(1)
    void theApiShowsEachSchemesValidityYearsAndTheYearOfToday() {
        JsonNode henan = server.get("/api/schemes/henan-2024-small").json();
        assertThat(henan.at("/validity/start").asText()).isEqualTo("2024-08-05");
        assertThat(henan.at("/validity/end").asText()).isEqualTo("2027-12-31");
        assertThat(henan.at("/renewsYearly").asBoolean()).isTrue();
        assertThat(henan.get("policyYears")).extracting(y -> y.at("/range/start").asText())
                .containsExactly("2024-09-01", "2025-09-01", "2026-09-01", "2027-09-01");
        assertThat(henan.at("/currentYear/range/start").asText()).isEqualTo("2026-09-01");
        assertThat(henan.at("/currentYear/range/end").asText()).isEqualTo("2027-08-31");
        assertThat(henan.at("/currentYear/exportsYear").asInt()).isEqualTo(2025);
        assertThat(henan.get("addedBy").isNull()).isTrue();
        JsonNode shenzhen = server.get("/api/schemes/shenzhen-2023").json();
        assertThat(shenzhen.get("policyYears")).hasSize(1);
        assertThat(shenzhen.get("currentYear").isNull()).isTrue(); // the 2023 notice's year is over
        JsonNode quote = server.get("/api/schemes/henan-2024-small/quote?exports=5000000").json();
        assertThat(quote.at("/policyYear/start").asText()).isEqualTo("2026-09-01");
        assertThat(quote.at("/collectBy").asText()).isEqualTo("2026-09-30");
    }

    @Test
    @Order(2)
    void aBadSchemeIsRefusedNamingTheFieldInBothLanguagesAndNothingIsSaved() {
        ApiClient admin = ApiClient.demo(server, "admin");
        Map<String, String> bad = Map.of(
                demoScheme.replace("\"2027-06-30\" },\n  \"renewsYearly\"", "\"2027-06-31\" },\n  \"renewsYearly\""),
                "validity.end",
                demoScheme.replace("\"exportsAtMost\": 8000000", "\"exportsAtMost\": \"8000000\""),
                "eligibility.exportsAtMost",
                demoScheme.replace("\"renewsYearly\": false", "\"renewsYearly\": false, \"renews\": true"), "renews",
                demoScheme.replace("\"collectBy\": \"2026-06-30\"", "\"collectBy\": \"2027-07-01\""), "collectBy",
                demoScheme.replace("\"validity\": { \"start\": \"2026-07-01\"", "\"validity\": { \"start\": \"2026-08-01\""),
                "validity",
                "{ \"id\": ", "scheme",
                "[" + demoScheme + "]", "scheme",
                "", "scheme");
        bad.forEach((json, field) -> {
            TestServer.Response r = add(admin, json);
            assertThat(r.status()).as(field + ": " + r.body()).isEqualTo(400);
            JsonNode error = r.json().at("/errors/0");
            assertThat(error.get("field").asText()).as(r.body()).isEqualTo(field);
            assertThat(error.get("zh").asText()).as(r.body()).contains("统保方案");
            assertThat(error.get("en").asText()).as(r.body()).isNotBlank();
            if (!field.equals("scheme")) {
                assertThat(error.get("zh").asText()).contains(field);
                assertThat(error.get("en").asText()).startsWith(field + ": ");
            }
        });
        assertThat(added()).isZero();
    }

    @Test
    @Order(3)
    void aDuplicateIdOrAnOverlapWithAKnownSchemeIsRefusedNamingIt() {
        ApiClient admin = ApiClient.demo(server, "admin");
        TestServer.Response duplicate = add(admin, demoScheme.replace("shenzhen-demo-2026", "shenzhen-2023"));
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.json().at("/errors/0/field").asText()).isEqualTo("id");
        assertThat(duplicate.json().at("/errors/0/en").asText()).contains("also used by scheme shenzhen-2023");
        // Henan's 2025 and 2026 years are the 2024 notice's: a "henan-2026-small" for the small band overlaps them
        String henan = demoScheme.replace("shenzhen-demo-2026", "henan-2026-small")
                .replace("\"divisionPrefix\": \"4403\"", "\"divisionPrefix\": \"41\"")
                .replace("\"exportsAtMost\": 8000000", "\"exportsAtMost\": 5000000");
        TestServer.Response overlap = add(admin, henan);
        assertThat(overlap.status()).isEqualTo(400);
        assertThat(overlap.json().at("/errors/0/field").asText()).isEqualTo("eligibility");
        assertThat(overlap.json().at("/errors/0/en").asText()).contains("overlaps scheme henan-2024-small")
                .contains("2026-07-01..2027-06-30 and 2025-09-01..2026-08-31");
        assertThat(added()).isZero();
    }

    @Test
    @Order(4)
    void onlyAdministratorsAddSchemes() {
        for (String who : new String[] {"reviewer", "manager", "sz-operator", "sz-legal"}) {
            assertThat(add(ApiClient.demo(server, who), demoScheme).status()).as(who).isEqualTo(403);
        }
        assertThat(add(ApiClient.anonymous(server), demoScheme).status()).isEqualTo(401);
        assertThat(ApiClient.demo(server, "reviewer").get("/enrolment/schemes").status()).isEqualTo(403);
        assertThat(added()).isZero();
    }

    @Test
    @Order(5)
    void anAddedSchemeIsSeenByEveryNodeAndTakesLists() {
        ApiClient admin = ApiClient.demo(server, "admin");
        assertThat(secondNode.get("/api/schemes/shenzhen-demo-2026").status()).isEqualTo(404);

        TestServer.Response r = add(admin, demoScheme);

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("addedBy").asText()).isEqualTo("示例管理员 (admin)");
        assertThat(r.json().at("/currentYear/range/start").asText()).isEqualTo("2026-07-01");
        assertThat(added()).isEqualTo(1);
        JsonNode seen = secondNode.get("/api/schemes/shenzhen-demo-2026").json();
        assertThat(seen.get("nameZh").asText()).isEqualTo("深圳市2026年度统保（演示数据）");
        assertThat(add(ApiClient.demo(secondNode, "admin"), demoScheme).status()).isEqualTo(400); // now a duplicate
        String csv = "统一社会信用代码,企业名称,上年出口额（美元）,行政区划代码\n" + DemoWorld.CREDIT_ENTERPRISE.uscc() + ","
                + DemoWorld.CREDIT_ENTERPRISE.nameZh() + ",2500000,440303\n";
        TestServer.Response list = ApiClient.demo(secondNode, "admin").post(
                "/api/admin/eligible-lists?scheme=shenzhen-demo-2026", csv.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(list.status()).as(list.body()).isEqualTo(201);
        assertThat(list.json().at("/list/yearStart").asText()).isEqualTo("2026-07-01");
        TestServer.Response over = admin.post("/api/admin/eligible-lists?scheme=shenzhen-2023",
                csv.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(over.status()).isEqualTo(400);
        assertThat(over.json().at("/errors/0/field").asText()).isEqualTo("scheme");
    }

    @Test
    @Order(6)
    void theAdministratorsPageListsTheSchemesAndAddsOne() {
        ApiClient admin = ApiClient.demo(server, "admin");
        Document page = Jsoup.parse(admin.get("/enrolment/schemes").body());
        assertThat(page.select("#schemes tr[data-scheme]")).extracting(e -> e.attr("data-scheme"))
                .contains("henan-2024-small", "shenzhen-2023", "shenzhen-demo-2026");
        assertThat(page.select("tr[data-scheme=henan-2024-small] .scheme-years li")).hasSize(4);
        assertThat(page.select("tr[data-scheme=shenzhen-demo-2026]").text()).contains("示例管理员");

        String next = demoScheme.replace("shenzhen-demo-2026", "shenzhen-demo-2027").replace("2027-06-30", "2028-06-30")
                .replace("2026-07-01", "2027-07-01").replace("2026-06-30", "2027-06-30")
                .replace("\"exportsYear\": 2025", "\"exportsYear\": 2026");
        TestServer.Response bad = admin.form("/enrolment/schemes", "json=" + TestServer.enc("{"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(Jsoup.parse(bad.body()).select("#form-errors li[data-field=scheme]")).hasSize(1);
        TestServer.Response ok = admin.form("/enrolment/schemes", "json=" + TestServer.enc(next));
        assertThat(ok.status()).as(ok.body()).isEqualTo(303);
        assertThat(ok.raw().headers().firstValue("Location")).contains("/enrolment/schemes?added=shenzhen-demo-2027");
        assertThat(added()).isEqualTo(2);
    }
}
