package cn.creditwindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.PdfText;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service agreement over HTTP against the real app and the demo world: Luoyang's enterprise (nothing signed)
 * walks seal → agreement → countersignature → authorisation → termination; Shenzhen's (signed, authorised, with
 * data) answers the authorised-data query; Zhengzhou's (awaiting the insurer) races two authorisations. Roles and
 * tenants are checked on the way: operators, other enterprises, a manager outside their portfolio.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgreementsApiIT {
    private TestServer server;
    private DemoWorld world;
    private ApiClient lyLegal;
    private ApiClient lyOperator;
    private ApiClient reviewer;
    private ApiClient manager;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        server = TestServer.start(dir, null, null);
        world = DemoWorld.create(server.app());
        lyLegal = ApiClient.demo(server, "ly-legal");
        lyOperator = ApiClient.demo(server, "ly-operator");
        reviewer = ApiClient.demo(server, "reviewer");
        manager = ApiClient.demo(server, "manager");
    }

    @AfterAll
    void stop() throws IOException {
        server.close();
    }

    private long enterpriseId(int i) {
        return world.enterprises().get(i).id();
    }

    private static List<String> fields(TestServer.Response r) {
        List<String> out = new ArrayList<>();
        r.json().get("errors").forEach(e -> out.add(e.get("field").asText()));
        return out;
    }

    private long seal(ApiClient who, String from, String until) {
        TestServer.Response r = who.post("/api/seals", Map.of("kind", "COMPANY", "holder", "示例法人3",
                "validFrom", from, "validUntil", until));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private String today() {
        return server.app().domains().seals().today().toString();
    }

    @Test
    void sealsAreMadeOnlyByTheLegalRepresentativeWithGoodDates() {
        TestServer.Response byOperator = lyOperator.post("/api/seals", Map.of("kind", "COMPANY", "holder", "x",
                "validFrom", "2026-01-01", "validUntil", "2030-12-31"));
        assertThat(byOperator.status()).isEqualTo(403);
        assertThat(byOperator.json().get("messageZh").asText()).contains("只有企业法人才能制作印章");

        TestServer.Response bad = lyLegal.post("/api/seals", Map.of("kind", "公章", "holder", "",
                "validFrom", "2026-02-30", "validUntil", "31/12/2030"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(fields(bad)).containsExactly("kind", "holder", "validFrom", "validUntil");
        TestServer.Response reversed = lyLegal.post("/api/seals", Map.of("kind", "COMPANY", "holder", "x",
                "validFrom", "2030-06-01", "validUntil", "2030-05-01"));
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.body()).contains("不能早于");

        long id = seal(lyLegal, today(), "2030-12-31");
        assertThat(lyOperator.get("/api/seals").json().get("items")).extracting(n -> n.get("id").asLong()).contains(id);
        assertThat(ApiClient.demo(server, "hn-legal").get("/api/seals").json().get("items"))
                .extracting(n -> n.get("id").asLong()).doesNotContain(id);
        assertThat(ApiClient.anonymous(server).get("/api/seals").status()).isEqualTo(401);
    }

    @Test
    void theWholeJourneyOfAnAgreement() {
        assertThat(lyLegal.post("/api/data-authorisations", Map.of("agree", true)).json().get("messageZh").asText())
                .contains("请先签署服务协议");

        long good = seal(lyLegal, today(), "2030-12-31");
        long later = seal(lyLegal, "2099-01-01", "2099-12-31");
        long expired = server.app().database().inTransaction(tx -> tx.insert("INSERT INTO seals (enterprise_id, kind,"
                + " holder, valid_from, valid_until, created_by, created_at) VALUES (?, 'COMPANY', '旧印章', '2020-01-01',"
                + " '2021-12-31', (SELECT id FROM users WHERE username = 'ly-legal'), ?)", enterpriseId(2), Instant.now()));

        TestServer.Response byOperator = lyOperator.post("/api/agreements", Map.of("sealId", good, "accepted", true));
        assertThat(byOperator.status()).isEqualTo(403);
        assertThat(byOperator.json().get("messageZh").asText()).contains("只有企业法人才能签署服务协议");
        assertThat(byOperator.json().get("message").asText()).contains("legal representative");
        TestServer.Response unticked = lyLegal.post("/api/agreements", Map.of("sealId", good, "accepted", false));
        assertThat(unticked.status()).isEqualTo(400);
        assertThat(fields(unticked)).containsExactly("accepted");
        TestServer.Response old = lyLegal.post("/api/agreements", Map.of("sealId", expired, "accepted", true));
        assertThat(old.status()).isEqualTo(400);
        assertThat(old.body()).contains("2021-12-31", "过期");
        assertThat(lyLegal.post("/api/agreements", Map.of("sealId", later, "accepted", true)).body()).contains("2099-01-01");

        TestServer.Response signed = lyLegal.post("/api/agreements", Map.of("sealId", good, "accepted", true));
        assertThat(signed.status()).as(signed.body()).isEqualTo(201);
        long id = signed.json().get("id").asLong();
        assertThat(signed.json().get("state").asText()).isEqualTo("AWAITING_INSURER");
        assertThat(signed.raw().headers().firstValue("Location")).hasValue("/api/agreements/" + id);
        TestServer.Response again = lyLegal.post("/api/agreements", Map.of("sealId", good, "accepted", true));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("messageZh").asText()).startsWith("已签署过协议").contains("/agreements/" + id);

        assertThat(reviewer.get("/api/agreements?state=AWAITING_INSURER").json().get("items"))
                .extracting(n -> n.get("id").asLong()).contains(id);
        assertThat(lyLegal.post("/api/agreements/" + id + "/countersign", Map.of()).status()).isEqualTo(403);
        TestServer.Response countersigned = reviewer.post("/api/agreements/" + id + "/countersign", Map.of());
        assertThat(countersigned.json().get("state").asText()).isEqualTo("SIGNED");
        assertThat(reviewer.post("/api/agreements/" + id + "/countersign", Map.of()).status()).isEqualTo(409);

        // Data authorisation: the tick, then once only.
        TestServer.Response noTick = lyLegal.post("/api/data-authorisations", Map.of("agree", false));
        assertThat(noTick.status()).isEqualTo(400);
        assertThat(fields(noTick)).containsExactly("agree");
        assertThat(lyOperator.post("/api/data-authorisations", Map.of("agree", true)).status()).isEqualTo(403);
        TestServer.Response authorised = lyLegal.post("/api/data-authorisations", Map.of("agree", true));
        assertThat(authorised.status()).as(authorised.body()).isEqualTo(201);
        assertThat(authorised.json().get("dataTypes")).hasSize(4);
        TestServer.Response twice = lyLegal.post("/api/data-authorisations", Map.of("agree", true));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("messageZh").asText()).isEqualTo("请勿重复授权");
        assertThat(twice.json().get("message").asText()).isEqualTo("Already authorised: do not authorise twice");

        // Termination: the confirmation is required; refused once (解约失败), then approved (解约成功).
        TestServer.Response unconfirmed = lyLegal.post("/api/agreements/" + id + "/termination", Map.of("reason", "停业"));
        assertThat(unconfirmed.status()).isEqualTo(400);
        assertThat(fields(unconfirmed)).containsExactly("confirm");
        assertThat(lyOperator.post("/api/agreements/" + id + "/termination", Map.of("confirm", true)).status()).isEqualTo(403);
        assertThat(lyLegal.post("/api/agreements/" + id + "/termination", Map.of("confirm", true, "reason", "业务调整"))
                .json().get("state").asText()).isEqualTo("TERMINATION_REQUESTED");
        TestServer.Response noReason = reviewer.post("/api/agreements/" + id + "/termination/refusal", Map.of("reason", ""));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(fields(noReason)).containsExactly("reason");
        assertThat(reviewer.post("/api/agreements/" + id + "/termination/refusal", Map.of("reason", "尚有在审索赔"))
                .json().get("state").asText()).isEqualTo("SIGNED");
        lyLegal.post("/api/agreements/" + id + "/termination", Map.of("confirm", true));
        assertThat(reviewer.post("/api/agreements/" + id + "/termination/approval", Map.of()).json().get("state").asText())
                .isEqualTo("TERMINATED");

        JsonNode history = lyOperator.get("/api/agreements/" + id + "/history").json().get("items");
        // #13: the data authorisation was left out of the history
        assertThat(history).extracting(e -> e.get("action").asText()).containsExactly("SIGNED", "COUNTERSIGNED",
                "DATA_AUTHORISED", "TERMINATION_REQUESTED", "TERMINATION_REJECTED", "TERMINATION_REQUESTED",
                "TERMINATION_APPROVED");
        assertThat(history.get(2).get("actorRole").asText()).isEqualTo("LEGAL_REPRESENTATIVE");
        assertThat(history.get(4).get("reason").asText()).isEqualTo("尚有在审索赔");
        assertThat(history.get(4).get("actorRole").asText()).isEqualTo("REVIEWER");
        assertThat(lyOperator.get("/agreements/" + id).body()).contains("data-action=\"DATA_AUTHORISED\"");
        assertThat(lyLegal.get("/api/agreements/" + id).json().at("/agreement/state").asText()).isEqualTo("TERMINATED");

        // After 解约成功 the enterprise may sign anew.
        assertThat(lyLegal.post("/api/agreements", Map.of("sealId", good, "accepted", true)).status()).isEqualTo(201);
    }

    @Test
    void twoSimultaneousAuthorisationsMakeOne() throws Exception {
        ApiClient hnLegal = ApiClient.demo(server, "hn-legal");
        JsonNode awaiting = hnLegal.get("/api/agreements").json().get("items");
        assertThat(awaiting).singleElement().satisfies(a -> assertThat(a.get("state").asText()).isEqualTo("AWAITING_INSURER"));
        reviewer.post("/api/agreements/" + awaiting.get(0).get("id").asLong() + "/countersign", Map.of());
        CountDownLatch start = new CountDownLatch(1);
        Callable<Integer> authorise = () -> {
            start.await();
            return hnLegal.post("/api/data-authorisations", Map.of("agree", true)).status();
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> futures = List.of(pool.submit(authorise), pool.submit(authorise));
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : futures) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        } finally {
            pool.shutdownNow();
        }
        long rows = server.app().database().read(tx -> tx.number("SELECT COUNT(*) FROM data_authorisations"
                + " WHERE enterprise_id = ?", enterpriseId(1)));
        assertThat(rows).isEqualTo(1);
    }

    @Test
    void authorisedDataByTypeAndTimeRange() {
        ApiClient szOperator = ApiClient.demo(server, "sz-operator");
        JsonNode all = szOperator.get("/api/authorised-data").json();
        assertThat(all.get("total").asLong()).isGreaterThanOrEqualTo(24); // the first 20 on the first page (#13)
        assertThat(all.get("items")).allSatisfy(r -> assertThat(r.get("enterpriseId").asLong()).isEqualTo(enterpriseId(0)));
        String month = all.at("/items/0/month").asText();
        JsonNode receipts = szOperator.get("/api/authorised-data?type=EXPORT_RECEIPTS&from=" + month + "&to=" + month).json();
        assertThat(receipts.get("items")).singleElement().satisfies(r -> {
            assertThat(r.get("dataType").asText()).isEqualTo("EXPORT_RECEIPTS");
            assertThat(r.get("amountUsdCents").asLong()).isPositive();
        });
        assertThat(receipts.get("totals")).singleElement().satisfies(t -> assertThat(t.get("months").asInt()).isEqualTo(1));
        assertThat(szOperator.get("/api/authorised-data?type=" + TestServer.enc("海关企业信用等级")).json().get("items"))
                .isNotEmpty().allSatisfy(r -> assertThat(r.get("amountUsdCents").isNull()).isTrue());

        TestServer.Response bad = szOperator.get("/api/authorised-data?type=invoices&from=2026-13&to=2026-02-30");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(fields(bad)).containsExactly("type", "from", "to");
        TestServer.Response reversed = szOperator.get("/api/authorised-data?from=2026-05&to=2026-01");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(fields(reversed)).containsExactly("from");

        assertThat(manager.get("/api/authorised-data?enterpriseId=" + enterpriseId(0)).json().get("total"))
                .isEqualTo(all.get("total"));
        assertThat(manager.get("/api/authorised-data?enterpriseId=" + enterpriseId(2)).status()).isEqualTo(404);
        assertThat(reviewer.get("/api/authorised-data?enterpriseId=" + enterpriseId(0)).json().get("total"))
                .isEqualTo(all.get("total"));
        assertThat(ApiClient.demo(server, "hn-operator").get("/api/authorised-data").json().get("items"))
                .allSatisfy(r -> assertThat(r.get("enterpriseId").asLong()).isEqualTo(enterpriseId(1)));
        // #13: paged, the totals over every matching record whatever the page
        JsonNode everything = szOperator.get("/api/authorised-data?size=100").json();
        assertThat(PagedLists.readAll(szOperator, "/api/authorised-data", 2)).hasSize(everything.get("total").asInt());
        assertThat(szOperator.get("/api/authorised-data?size=1&page=2").json().get("totals"))
                .isEqualTo(everything.get("totals"));
    }

    // #14: 查询统计, the statistics of the authorised data as JSON, as an SVG chart and as the page's table
    @Test
    void statisticsHaveEveryBucketAndTheChartAgreesWithTheTable() {
        ApiClient szOperator = ApiClient.demo(server, "sz-operator");
        java.time.YearMonth now = java.time.YearMonth.from(server.app().domains().seals().today());
        // the demo has the twelve months before this one: this month and the thirteenth before it are empty
        String query = "category=CUSTOMS_EXPORT_DECLARATIONS&from=" + now.minusMonths(13) + "&to=" + now
                + "&frequency=MONTH";
        TestServer.Response r = szOperator.get("/api/authorised-data/statistics?" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode buckets = r.json().get("buckets");
        assertThat(buckets).hasSize(14);
        assertThat(buckets.get(0).get("label").asText()).isEqualTo(now.minusMonths(13).toString());
        assertThat(buckets.get(0).get("recordCount").asLong()).isZero();
        assertThat(buckets.get(13).get("amountUsdCents").asLong()).isZero();
        long records = 0;
        for (JsonNode b : buckets) {
            records += b.get("recordCount").asLong();
        }
        assertThat(r.json().at("/total/recordCount").asLong()).isEqualTo(records).isPositive();
        JsonNode list = szOperator.get("/api/authorised-data?type=CUSTOMS_EXPORT_DECLARATIONS").json();
        assertThat(list.at("/totals/0/recordCount").asLong()).isEqualTo(records);
        JsonNode quarters = szOperator.get("/api/authorised-data/statistics?" + query.replace("MONTH", "QUARTER")).json();
        assertThat(quarters.at("/total/amountUsdCents")).isEqualTo(r.json().at("/total/amountUsdCents"));

        // the chart: SVG, its bars labelled with the table's numbers, bucket by bucket
        TestServer.Response svg = szOperator.get("/agreements/data/statistics.svg?" + query);
        assertThat(svg.status()).isEqualTo(200);
        assertThat(svg.raw().headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
        List<String> texts = org.jsoup.Jsoup.parse(svg.body(), "", org.jsoup.parser.Parser.xmlParser()).select("text")
                .eachText();
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(szOperator.get("/agreements/data/statistics?" + query)
                .body());
        List<String> labels = page.select("#statistics tbody th").eachText();
        List<String> amounts = page.select("#statistics tbody td.amount").eachText();
        assertThat(labels).hasSize(14);
        assertThat(texts).containsSubsequence(labels).containsSubsequence(amounts);
        assertThat(amounts.get(0)).isEqualTo("0.00");
        assertThat(page.select("#statistics-chart").attr("src")).isEqualTo("/agreements/data/statistics.svg?" + query);

        // bad parameters: each named, in both languages, on the API, the chart and the page
        TestServer.Response bad = szOperator.get("/api/authorised-data/statistics?category=invoices&from=2026-13&to=2026-01"
                + "&frequency=WEEK");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(fields(bad)).containsExactly("category", "from", "frequency");
        assertThat(bad.json().at("/errors/0/zh").asText()).contains("未知的统计类别");
        TestServer.Response tooLong = szOperator.get("/api/authorised-data/statistics?category=EXPORT_RECEIPTS"
                + "&from=2020-01&to=2026-01&frequency=MONTH");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(fields(tooLong)).containsExactly("to");
        assertThat(tooLong.json().at("/errors/0/en").asText()).contains("73 buckets, at most 36");
        assertThat(szOperator.get("/agreements/data/statistics.svg?category=EXPORT_RECEIPTS&from=2026-05&to=2026-01"
                + "&frequency=MONTH").status()).isEqualTo(400);
        TestServer.Response badPage = szOperator.get("/agreements/data/statistics?category=&from=2026-05&to=2026-01"
                + "&frequency=YEAR");
        assertThat(badPage.status()).isEqualTo(400);
        assertThat(org.jsoup.Jsoup.parse(badPage.body()).select(".field-msg").eachAttr("data-field"))
                .containsExactly("category", "from");

        // who may see: as the data page; a manager outside the portfolio meets 404
        assertThat(manager.get("/api/authorised-data/statistics?" + query + "&enterpriseId=" + enterpriseId(0)).json()
                .get("total")).isEqualTo(r.json().get("total"));
        assertThat(manager.get("/api/authorised-data/statistics?" + query + "&enterpriseId=" + enterpriseId(2)).status())
                .isEqualTo(404);
        assertThat(ApiClient.demo(server, "hn-operator").get("/api/authorised-data/statistics?" + query).json()
                .at("/total/recordCount").asLong()).isZero();
    }

    @Test
    void othersRecordsAreNotFoundAndRolesAreGuarded() {
        long sz = ApiClient.demo(server, "sz-legal").get("/api/agreements").json().at("/items/0/id").asLong();
        ApiClient hnLegal = ApiClient.demo(server, "hn-legal");
        long hn = hnLegal.get("/api/agreements").json().at("/items/0/id").asLong();
        assertThat(hnLegal.get("/api/agreements/" + sz).status()).isEqualTo(404);
        assertThat(hnLegal.get("/api/agreements/" + sz + "/history").status()).isEqualTo(404);
        assertThat(hnLegal.post("/api/agreements/" + sz + "/termination", Map.of("confirm", true)).status()).isEqualTo(404);
        assertThat(hnLegal.get("/api/agreements/999999").status()).isEqualTo(404);
        assertThat(hnLegal.get("/api/agreements/abc").status()).isEqualTo(404);

        assertThat(manager.get("/api/agreements/" + sz).status()).isEqualTo(200);
        assertThat(manager.get("/api/agreements/" + hn).status()).isEqualTo(404);
        assertThat(manager.get("/api/agreements").json().get("items"))
                .allSatisfy(a -> assertThat(a.get("enterpriseId").asLong()).isEqualTo(enterpriseId(0)));
        assertThat(manager.get("/api/agreements?enterpriseId=" + enterpriseId(1)).status()).isEqualTo(404);
        assertThat(manager.get("/api/seals?enterpriseId=" + enterpriseId(1)).status()).isEqualTo(404);
        assertThat(manager.post("/api/agreements", Map.of("sealId", 1, "accepted", true)).status()).isEqualTo(403);
        assertThat(manager.post("/api/agreements/" + sz + "/countersign", Map.of()).status()).isEqualTo(403);
        assertThat(ApiClient.demo(server, "admin").get("/api/agreements").status()).isEqualTo(403);
        assertThat(ApiClient.anonymous(server).get("/api/agreements/" + sz).status()).isEqualTo(401);
        assertThat(reviewer.get("/api/agreements?state=nonsense").status()).isEqualTo(400);
        assertThat(reviewer.get("/api/agreements/" + hn).status()).isEqualTo(200);
        assertThat(lyLegal.withoutCsrf().post("/api/agreements", Map.of("sealId", 1, "accepted", true)).status()).isEqualTo(403);
        TestServer.Response text = lyOperator.get("/api/agreements/text");
        assertThat(text.json().at("/zh/title").asText()).isEqualTo("中国国际贸易“单一窗口”出口信用保险服务协议");
        assertThat(text.json().at("/en/clauses").size()).isEqualTo(8);
        // #13: agreements, seals and data authorisations are paged; the reviewer sees them all, an enterprise its own
        ApiClient reviewer = ApiClient.demo(server, "reviewer");
        assertThat(PagedLists.readAll(reviewer, "/api/agreements", 1))
                .hasSize((int) PagedLists.count(server, "SELECT COUNT(*) FROM agreements"));
        assertThat(PagedLists.readAll(reviewer, "/api/seals", 2))
                .hasSize((int) PagedLists.count(server, "SELECT COUNT(*) FROM seals"));
        assertThat(PagedLists.readAll(reviewer, "/api/data-authorisations", 1))
                .hasSize((int) PagedLists.count(server, "SELECT COUNT(*) FROM data_authorisations"));
        assertThat(PagedLists.readAll(hnLegal, "/api/agreements", 1)).hasSize((int) PagedLists.count(server,
                "SELECT COUNT(*) FROM agreements a JOIN users u ON u.enterprise_id = a.enterprise_id"
                        + " WHERE u.username = 'hn-legal'"));
    }

    @Test
    void thePdfCarriesTheAgreementAndPdftotextReadsTheChineseBack(@TempDir Path dir) throws Exception {
        ApiClient szOperator = ApiClient.demo(server, "sz-operator");
        JsonNode agreement = szOperator.get("/api/agreements").json().at("/items/0");
        long id = agreement.get("id").asLong();
        TestServer.Response r = szOperator.get("/api/agreements/" + id + "/pdf");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.raw().headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(r.raw().headers().firstValue("Content-Disposition")).hasValue(
                "attachment; filename=\"service-agreement-" + id + ".pdf\"");
        byte[] pdf = r.raw().body();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        String text = PdfText.of(Files.write(dir.resolve("agreement.pdf"), pdf));
        String compact = text.replaceAll("\\s+", "");
        assertThat(compact).contains("中国国际贸易“单一窗口”出口信用保险服务协议", "深圳市示例电子科技有限公司",
                "914403065X7D8E2A1J", "签约成功", "示例法人1", "示例审核员", "印章编号" + agreement.at("/seal/id").asLong(),
                "类型：公司", "第六条协议的生效、变更与解除", "协议流程", "保险公司签章，签约成功", "【电子签章】",
                agreement.at("/seal/validUntil").asText());

        // The page's download is the same document; others' agreements are not found.
        TestServer.Response page = szOperator.get("/agreements/" + id + "/pdf");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw().headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(manager.get("/api/agreements/" + id + "/pdf").status()).isEqualTo(200);
        assertThat(ApiClient.demo(server, "hn-legal").get("/api/agreements/" + id + "/pdf").status()).isEqualTo(404);
    }

}
