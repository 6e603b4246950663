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
 * The working-day calendar through the real server (#13): the demo's claim, accepted on Monday 14 December 2026, has
 * 15 working days that run into 2027, whose public-holiday schedule is not bundled — its deadline is provisional,
 * saying why, in the API and on the claim pages, and the administrator's home page names 2027. Bad uploads are 400s
 * naming the line and save nothing; others than administrators get 403. The administrator loads 2027 as CSV (the
 * deadline becomes exact and skips 1 January), then a corrected ICS through the page (the deadline moves again), and
 * the home page stops naming the year. The 2027 files are invented for the tests (src/test/resources/calendar).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // one claim: provisional, refused uploads, loaded
class HolidayCalendarIT {
    private TestClock clock;
    private TestServer server;
    private long claim;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        clock = new TestClock(Instant.parse("2024-06-17T01:00:00Z"));
        server = TestServer.start(dir, null, null, clock);
        DemoWorld world = DemoWorld.create(server.app());
        world.effectiveCreditPolicy(server.app(), Config.CHINA);
        world.submittedClaim(server.app());
        claim = server.app().database().read(tx -> tx.number("SELECT id FROM claims WHERE state = 'SUBMITTED'"));
        clock.set(Instant.parse("2026-12-14T02:00:00Z")); // Monday 10:00 in China
    }

    @AfterAll
    void stop() throws IOException {
        server.close();
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = HolidayCalendarIT.class.getResourceAsStream("/calendar/" + name)) {
            return in.readAllBytes();
        }
    }

    private JsonNode claimJson() {
        return ApiClient.demo(server, "szt-legal").json("/api/claims/" + claim).get("claim");
    }

    @Test
    @Order(1)
    void aDeadlineIntoTheUnloadedYearIsProvisionalSayingWhyAndTheAdministratorIsTold() {
        ApiClient reviewer = ApiClient.demo(server, "reviewer");
        TestServer.Response accepted = reviewer.post("/api/review/claims/" + claim + "/accept", "");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        JsonNode c = accepted.json();
        // counted Monday to Friday: 1 January 2027 as a working day
        assertThat(c.get("decisionDueOn").asText()).isEqualTo("2027-01-04");
        assertThat(c.get("decisionDueProvisional").asBoolean()).isTrue();
        assertThat(c.get("decisionDueMissingYears").toString()).isEqualTo("[2027]");
        assertThat(c.get("decisionDueReason").get("zh").asText())
                .isEqualTo("2027 年节假日安排尚未载入，期限为暂定（按周一至周五计算）");
        assertThat(c.get("decisionDueReason").get("en").asText())
                .isEqualTo("provisional: the 2027 public-holiday schedule is not loaded (counted Monday to Friday)");
        assertThat(claimJson().get("decisionDueProvisional").asBoolean()).isTrue();

        // the claim page, the enterprise's list and the reviewer's queue say so
        ApiClient legal = ApiClient.demo(server, "szt-legal");
        Document page = Jsoup.parse(legal.get("/claims/" + claim).body());
        assertThat(page.select("#claim-due").text()).isEqualTo("2027-01-04");
        assertThat(page.select("#claim-due-provisional").text()).isEqualTo("暂定");
        assertThat(page.select("#claim-due-reason").text()).isEqualTo("2027 年节假日安排尚未载入，期限为暂定（按周一至周五计算）");
        Document list = Jsoup.parse(legal.get("/claims?state=ACCEPTED").body());
        assertThat(list.select("tr[data-claim=" + claim + "] .due-provisional").attr("title")).contains("2027");
        Document queue = Jsoup.parse(reviewer.get("/claims/review").body());
        assertThat(queue.select("tr[data-claim=" + claim + "] .claim-due").text()).isEqualTo("2027-01-04 暂定");

        // the administrator's home page names the year and leads to the calendar page, whose rows say the same
        ApiClient admin = ApiClient.demo(server, "admin");
        JsonNode dashboard = admin.json("/api/dashboard");
        assertThat(dashboard.get("missingCalendarYears").toString()).isEqualTo("[2027]");
        assertThat(dashboard.get("counts").get("calendarMissing").asLong()).isEqualTo(1);
        Document home = Jsoup.parse(admin.get("/").body());
        assertThat(home.select("#calendar-notice").text()).startsWith("2027 年节假日安排尚未载入");
        assertThat(home.select("#calendar-notice a").attr("href")).isEqualTo("/claims/calendar");
        assertThat(home.select("#home-calendarMissing").attr("href")).isEqualTo("/claims/calendar");
        Document calendar = Jsoup.parse(admin.get(home.select("#home-calendarMissing").attr("href")).body());
        assertThat(calendar.select("tr[data-missing-year]")).hasSize(1);
        assertThat(calendar.select("tr[data-missing-year]").attr("data-missing-year")).isEqualTo("2027");
        assertThat(calendar.select("tr[data-year=2026]").attr("data-source")).isEqualTo("BUNDLED");
        assertThat(calendar.select("#year").val()).isEqualTo("2027");
        JsonNode years = admin.json("/api/admin/calendar/years");
        assertThat(years.get("missing").toString()).isEqualTo("[2027]");
        assertThat(years.get("years").get(0).get("year").asInt()).isEqualTo(2026);
        assertThat(years.get("years").get(0).get("dataset").asText()).isEqualTo("chinese-days 1.5.7");
        // nobody else is told
        assertThat(reviewer.json("/api/dashboard").has("missingCalendarYears")).isFalse();
        assertThat(Jsoup.parse(reviewer.get("/").body()).select("#calendar-notice")).isEmpty();
    }

    @Test
    @Order(2)
    void badUploadsAre400NamingTheLineAndSaveNothing() throws IOException {
        ApiClient admin = ApiClient.demo(server, "admin");
        byte[] badCsv = ("date,kind,name\n2027-01-01,holiday,元旦\n2026-12-31,holiday,元旦\n2027-01-06,workday,元旦\n")
                .getBytes(StandardCharsets.UTF_8);
        TestServer.Response csv = admin.post("/api/admin/calendar/years/2027", badCsv, "text/csv");
        assertThat(csv.status()).isEqualTo(400);
        assertThat(csv.json().get("errors").findValuesAsText("field")).containsExactly("line 3", "line 4");
        assertThat(csv.body()).contains("第 3 行：2026-12-31 不在 2027 年内", "line 4: workday 2027-01-06 is a Wednesday");
        String badIcs = new String(fixture("2027-invented-corrected.ics"), StandardCharsets.UTF_8)
                .replace("DTSTART;VALUE=DATE:20270206", "DTSTART:20270206T000000");
        TestServer.Response ics = admin.post("/api/admin/calendar/years/2027", badIcs.getBytes(StandardCharsets.UTF_8),
                "text/calendar");
        assertThat(ics.status()).isEqualTo(400);
        assertThat(ics.body()).contains("DTSTART 20270206T000000 has a time of day", "带有时间");
        assertThat(admin.post("/api/admin/calendar/years/2027", Map.of("date", "2027-01-01")).status()).isEqualTo(400);
        TestServer.Response future = admin.post("/api/admin/calendar/years/2029", fixture("2027-invented.csv"),
                "text/csv");
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("errors").findValuesAsText("field")).containsExactly("year");
        TestServer.Response tooLarge = admin.post("/api/admin/calendar/years/2027", new byte[64 * 1024 + 1], "text/csv");
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.body()).contains("at most 64 KB");
        // the page: the form again with each bad line
        TestServer.Response form = admin.multipart("/claims/calendar", Map.of("year", "2027"), "file", "bad.csv", badCsv);
        assertThat(form.status()).isEqualTo(400);
        Document page = Jsoup.parse(form.body());
        assertThat(page.select("#form-errors li").eachAttr("data-field")).containsExactly("line 3", "line 4");
        assertThat(page.select("#year").val()).isEqualTo("2027");

        long saved = server.app().database().read(tx -> tx.number("SELECT COUNT(*) FROM calendar_years"));
        assertThat(saved).isZero();
        assertThat(admin.json("/api/admin/calendar/years").get("missing").toString()).isEqualTo("[2027]");
        assertThat(claimJson().get("decisionDueOn").asText()).isEqualTo("2027-01-04");
        assertThat(claimJson().get("decisionDueProvisional").asBoolean()).isTrue();
    }

    @Test
    @Order(3)
    void onlyAdministratorsSeeOrLoadTheCalendar() throws IOException {
        for (String who : new String[]{"reviewer", "szt-legal", "manager"}) {
            ApiClient c = ApiClient.demo(server, who);
            assertThat(c.post("/api/admin/calendar/years/2027", fixture("2027-invented.csv"), "text/csv").status())
                    .as(who).isEqualTo(403);
            assertThat(c.get("/api/admin/calendar/years").status()).as(who).isEqualTo(403);
            assertThat(c.get("/claims/calendar").status()).as(who).isEqualTo(403);
            assertThat(c.multipart("/claims/calendar", Map.of("year", "2027"), "file", "2027.csv",
                    fixture("2027-invented.csv")).status()).as(who).isEqualTo(403);
        }
        assertThat(ApiClient.anonymous(server).get("/api/admin/calendar/years").status()).isEqualTo(401);
        long saved = server.app().database().read(tx -> tx.number("SELECT COUNT(*) FROM calendar_years"));
        assertThat(saved).isZero();
    }

    @Test
    @Order(4)
    void onceTheAdministratorLoadsTheYearTheDeadlineIsExactAndTheHomePageStopsAsking() throws IOException {
        ApiClient admin = ApiClient.demo(server, "admin");
        TestServer.Response loaded = admin.post("/api/admin/calendar/years/2027?fileName=2027-invented.csv",
                fixture("2027-invented.csv"), "text/csv");
        assertThat(loaded.status()).as(loaded.body()).isEqualTo(201);
        assertThat(loaded.json().get("schedule").get("source").asText()).isEqualTo("UPLOADED");
        assertThat(loaded.json().get("schedule").get("format").asText()).isEqualTo("CSV");
        assertThat(loaded.json().get("schedule").get("loadedBy").asText()).endsWith("(admin)");
        assertThat(loaded.json().get("days")).hasSize(11);

        // 1 January 2027 is a holiday: one working day later, and exact
        JsonNode c = claimJson();
        assertThat(c.get("decisionDueOn").asText()).isEqualTo("2027-01-05");
        assertThat(c.get("decisionDueProvisional").asBoolean()).isFalse();
        assertThat(c.get("decisionDueMissingYears")).isEmpty();
        assertThat(c.get("decisionDueReason").isNull()).isTrue();
        Document page = Jsoup.parse(ApiClient.demo(server, "szt-legal").get("/claims/" + claim).body());
        assertThat(page.select("#claim-due").text()).isEqualTo("2027-01-05");
        assertThat(page.select("#claim-due-provisional")).isEmpty();
        JsonNode dashboard = admin.json("/api/dashboard");
        assertThat(dashboard.get("missingCalendarYears")).isEmpty();
        assertThat(dashboard.get("counts").get("calendarMissing").asLong()).isZero();
        assertThat(Jsoup.parse(admin.get("/").body()).select("#calendar-notice")).isEmpty();

        // loading the year again through the page replaces it: 元旦 now runs to Monday 4 January
        TestServer.Response form = admin.multipart("/claims/calendar", Map.of("year", "2027"), "file",
                "2027-invented-corrected.ics", fixture("2027-invented-corrected.ics"));
        assertThat(form.status()).as(form.body()).isEqualTo(303);
        assertThat(form.raw().headers().firstValue("Location")).contains("/claims/calendar?loaded=2027");
        Document calendar = Jsoup.parse(admin.get("/claims/calendar?loaded=2027").body());
        assertThat(calendar.select("#calendar-loaded").text()).contains("2027");
        assertThat(calendar.select("tr[data-missing-year]")).isEmpty();
        assertThat(calendar.select("tr[data-year=2027]").attr("data-source")).isEqualTo("UPLOADED");
        assertThat(calendar.select("tr[data-year=2027]").text()).contains("ICS", "2027-invented-corrected.ics");
        JsonNode year = admin.json("/api/admin/calendar/years").get("years").get(0);
        assertThat(year.get("year").asInt()).isEqualTo(2027);
        assertThat(year.get("holidays").asInt()).isEqualTo(12);
        assertThat(claimJson().get("decisionDueOn").asText()).isEqualTo("2027-01-06");
        assertThat(claimJson().get("decisionDueProvisional").asBoolean()).isFalse();
    }
}
