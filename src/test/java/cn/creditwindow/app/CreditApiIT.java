package cn.creditwindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.PdfText;
import cn.creditwindow.TestClock;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.buyers.Buyers;
import cn.creditwindow.config.Config;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credit services over HTTP against the real server: the demo's Shenzhen trading enterprise (its policy made
 * effective by walking the real enrolment on the demo day) orders its 3 free reports, the 4th is charged, a
 * cancellation returns a slot, the wallet shows who used what; the account manager orders on behalf; the reviewer
 * takes and delivers, the PDF reads back, the enterprise is notified; bad input is refused with nothing saved; and
 * 50 concurrent orders of another enterprise take exactly 3 free reports.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the first uses the trading enterprise's 3 free reports
class CreditApiIT {
    private TestServer server;
    private DemoWorld world;
    private Path dir;
    private long szt;
    private long gulf;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        this.dir = dir;
        server = TestServer.start(dir, null, null, new TestClock(Instant.parse("2024-06-17T01:00:00Z")));
        world = DemoWorld.create(server.app());
        world.effectiveCreditPolicy(server.app(), Config.CHINA);
        szt = server.app().domains().accounts().enterpriseByUscc(DemoWorld.CREDIT_ENTERPRISE.uscc()).orElseThrow().id();
        gulf = count("SELECT id FROM buyers WHERE name_en = 'Gulf Star General Trading LLC'");
    }

    @AfterAll
    void stop() throws IOException {
        server.close();
    }

    private long count(String sql, Object... args) {
        return server.app().database().read(tx -> tx.number(sql, args));
    }

    /**
     * A buyer credit report ordered as a page orders it: the quote, then the order at that charge; a conflict (the free
     * reports went meanwhile) asks for the quote again, up to 10 times. Fails the test on any other answer.
     */
    static JsonNode orderAtQuotedCharge(ApiClient c, long buyerId) {
        for (int attempt = 0; attempt < 10; attempt++) {
            String charge = c.json("/api/credit/quote?type=BUYER_CREDIT&buyerId=" + buyerId).get("charge").asText();
            TestServer.Response r = c.post("/api/credit/orders", buyerOrder(buyerId, charge));
            if (r.status() == 201) {
                return r.json();
            }
            assertThat(r.status()).as(r.body()).isEqualTo(409);
        }
        throw new AssertionError("no order after 10 quotes");
    }

    private static Map<String, Object> buyerOrder(long buyerId, String expected) {
        return expected == null ? Map.of("type", "BUYER_CREDIT", "buyerId", buyerId)
                : Map.of("type", "BUYER_CREDIT", "buyerId", buyerId, "expectedCharge", expected);
    }

    @Test
    @Order(1)
    void freeReportsThenChargedCancellationReturnsASlotAndTheWalletSaysWho() {
        ApiClient legal = ApiClient.demo(server, "szt-legal");
        ApiClient operator = ApiClient.demo(server, "szt-operator");
        JsonNode quote = legal.json("/api/credit/quote?type=BUYER_CREDIT&buyerId=" + gulf);
        assertThat(quote.get("basis").asText()).isEqualTo("FREE");
        assertThat(quote.get("charge").asText()).isEqualTo("0.00");
        assertThat(quote.get("freeLeft").asInt()).isEqualTo(3);
        assertThat(quote.get("freeExpiresOn").asText()).isEqualTo("2024-06-30");
        List<Long> free = new ArrayList<>();
        for (ApiClient who : List.of(legal, operator, legal)) {
            TestServer.Response r = who.post("/api/credit/orders", buyerOrder(gulf, "0.00"));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            assertThat(r.json().get("free").asBoolean()).isTrue();
            free.add(r.json().get("id").asLong());
        }
        JsonNode fourth = legal.json("/api/credit/quote?type=BUYER_CREDIT&buyerId=" + gulf);
        assertThat(fourth.get("basis").asText()).isEqualTo("CHARGED");
        assertThat(fourth.get("charge").asText()).isEqualTo("600.00");
        assertThat(fourth.get("currency").asText()).isEqualTo("CNY");
        long before = count("SELECT COUNT(*) FROM credit_orders");
        TestServer.Response stale = legal.post("/api/credit/orders", buyerOrder(gulf, "0.00"));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("message").asText()).contains("600.00 CNY");
        assertThat(count("SELECT COUNT(*) FROM credit_orders")).isEqualTo(before);
        TestServer.Response charged = legal.post("/api/credit/orders", buyerOrder(gulf, "600.00"));
        assertThat(charged.status()).isEqualTo(201);
        assertThat(charged.json().get("free").asBoolean()).isFalse();
        assertThat(charged.json().get("charge").asText()).isEqualTo("600.00");

        TestServer.Response cancel = operator.post("/api/credit/orders/" + free.get(1) + "/cancellation",
                Map.of("reason", "重复下单"));
        assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);
        assertThat(cancel.json().get("state").asText()).isEqualTo("CANCELLED");
        assertThat(legal.post("/api/credit/orders/" + free.get(1) + "/cancellation", "").status()).isEqualTo(409);
        JsonNode wallet = legal.json("/api/credit/wallet");
        assertThat(wallet.get("freeTotal").asInt()).isEqualTo(3);
        assertThat(wallet.get("freeUsed").asInt()).isEqualTo(2);
        assertThat(wallet.get("freeLeft").asInt()).isEqualTo(1);
        assertThat(wallet.at("/policy/schemeId").asText()).isEqualTo("shenzhen-2023");
        assertThat(wallet.get("uses")).hasSize(3);
        List<String> by = new ArrayList<>();
        wallet.get("uses").forEach(u -> by.add(u.get("orderedByName").asText() + "/" + u.get("state").asText()
                + "/" + u.get("onBehalf").asBoolean()));
        assertThat(by).contains("示例法人4/ORDERED/false", "示例操作员4/CANCELLED/false");
        assertThat(legal.json("/api/credit/quote?type=BUYER_CREDIT&buyerId=" + gulf).get("basis").asText())
                .isEqualTo("FREE");
    }

    @Test
    @Order(2)
    void theAccountManagerOrdersOnBehalfOfThePortfolioOnly() {
        ApiClient manager = ApiClient.demo(server, "manager");
        long hn = world.enterprises().get(1).id();
        long before = count("SELECT COUNT(*) FROM credit_orders");
        TestServer.Response outside = manager.post("/api/credit/orders", Map.of("type", "BUYER_CREDIT", "buyerId", gulf,
                "enterpriseId", hn, "expectedCharge", "600.00"));
        assertThat(outside.status()).isEqualTo(400); // #13: an enterprise named in the form is a field of it
        assertThat(outside.body()).contains("\"enterpriseId\"", "no such enterprise to order for: " + hn);
        assertThat(manager.get("/api/credit/wallet?enterpriseId=" + hn).status()).isEqualTo(404);
        assertThat(manager.get("/api/credit/wallet").status()).isEqualTo(400);
        JsonNode q = manager.json("/api/credit/quote?type=BUYER_CREDIT&buyerId=" + gulf + "&enterpriseId=" + szt);
        TestServer.Response r = manager.post("/api/credit/orders", Map.of("type", "BUYER_CREDIT", "buyerId", gulf,
                "enterpriseId", szt, "expectedCharge", q.get("charge").asText()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("onBehalf").asBoolean()).isTrue();
        assertThat(count("SELECT COUNT(*) FROM credit_orders")).isEqualTo(before + 1);
        long id = r.json().get("id").asLong();
        // the enterprise sees it, marked as ordered by the manager on its behalf
        JsonNode order = ApiClient.demo(server, "szt-operator").json("/api/credit/orders/" + id);
        assertThat(order.at("/order/orderedByName").asText()).isEqualTo("示例客户经理");
        assertThat(order.at("/history/0/note").asText()).contains("客户经理代为下单");
        assertThat(ApiClient.demo(server, "hn-legal").get("/api/credit/orders/" + id).status()).isEqualTo(404);
    }

    @Test
    @Order(3)
    void theReviewerTakesAndDeliversThePdfReadsBackAndTheEnterpriseIsNotified() throws Exception {
        ApiClient legal = ApiClient.demo(server, "szt-legal");
        ApiClient reviewer = ApiClient.demo(server, "reviewer");
        JsonNode q = legal.json("/api/credit/quote?type=BUYER_CREDIT&urgent=true&buyerId=" + gulf);
        long id = legal.post("/api/credit/orders", Map.of("type", "BUYER_CREDIT", "buyerId", gulf, "urgent", true,
                "expectedCharge", q.get("charge").asText())).json().get("id").asLong();
        assertThat(reviewer.json("/api/credit/fulfilment").get("items").get(0).get("id").asLong()).isEqualTo(id);
        Map<String, Object> report = Map.of(
                "registration", Map.of("name", "Gulf Star General Trading LLC", "registrationNo", "DXB-000123",
                        "country", "AE", "address", "Dubai", "established", "2009-05-01", "legalForm", "LLC"),
                "rating", "D", "paymentBehaviour", "DELINQUENT",
                "financials", Map.of("year", 2023, "currency", "AED", "revenue", 12000000),
                "riskEvents", List.of(Map.of("type", "BANKRUPTCY", "date", "2024-05-20", "description", "迪拜法院宣告该买方破产")),
                "summary", "该阿联酋买方已被宣告破产，建议立即停止对其出运。");
        assertThat(reviewer.post("/api/credit/orders/" + id + "/delivery", report).status()).isEqualTo(409);
        assertThat(reviewer.post("/api/credit/orders/" + id + "/take", "").status()).isEqualTo(200);
        TestServer.Response bad = reviewer.post("/api/credit/orders/" + id + "/delivery", Map.of("rating", "Z",
                "summary", "短"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(fields(bad.json())).contains("registration.name", "rating", "paymentBehaviour", "summary");
        assertThat(legal.get("/api/credit/orders/" + id + "/report.pdf").status()).isEqualTo(409);
        TestServer.Response delivered = reviewer.post("/api/credit/orders/" + id + "/delivery", report);
        assertThat(delivered.status()).as(delivered.body()).isEqualTo(200);
        assertThat(delivered.json().get("state").asText()).isEqualTo("DELIVERED");
        assertThat(delivered.json().at("/report/riskEvents/0/type").asText()).isEqualTo("BANKRUPTCY");
        // notified: an e-mail and an SMS to each of the enterprise's people, in its outbox
        JsonNode outbox = legal.json("/api/outbox").get("items");
        assertThat(outbox.toString()).contains("资信报告已出具", "EMAIL", "szt-legal@demo.example");
        TestServer.Response pdf = legal.get("/api/credit/orders/" + id + "/report.pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.raw().headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(legal.get("/credit/orders/" + id + "/report.pdf").status()).isEqualTo(200);
        String text = PdfText.of(Files.write(dir.resolve("report.pdf"), pdf.raw().body())).replaceAll("\\s+", "");
        assertThat(text).contains("海外买家资信报告", "GulfStarGeneralTradingLLC", "深圳市示例贸易有限公司", "破产",
                "迪拜法院宣告该买方破产", "建议立即停止对其出运", "（加急）");
    }

    @Test
    @Order(4)
    void badInputIsRefusedWithAClearMessageAndNothingIsSaved() {
        ApiClient legal = ApiClient.demo(server, "szt-legal");
        ApiClient admin = ApiClient.demo(server, "admin");
        Principal hnLegal = principal("hn-legal");
        long hnOwn = server.app().domains().buyers().add(hnLegal, new Buyers.NewBuyer("Henan Own Customer Ltd", null, "DE",
                null, null)).id();
        long orders = count("SELECT COUNT(*) FROM credit_orders");
        long quotas = count("SELECT SUM(free_used) FROM credit_quotas");
        // #13: a buyer named in the form is a field of it, the same words whether unknown or another's own
        TestServer.Response unknown = legal.post("/api/credit/orders", buyerOrder(999_999, "0.00"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("no such buyer: 999999 (");
        TestServer.Response others = legal.post("/api/credit/orders", buyerOrder(hnOwn, "600.00"));
        assertThat(others.status()).isEqualTo(400);
        assertThat(others.body()).contains("no such buyer: " + hnOwn + " (");
        TestServer.Response quote = legal.get("/api/credit/quote?type=BUYER_CREDIT&buyerId=" + hnOwn + "&urgent=maybe");
        assertThat(quote.status()).isEqualTo(400);
        assertThat(quote.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("buyerId", "urgent");
        TestServer.Response unknownType = legal.post("/api/credit/orders", Map.of("type", "GOSSIP", "expectedCharge", "0"));
        assertThat(unknownType.status()).isEqualTo(400);
        assertThat(fields(unknownType.json())).containsExactly("type");
        assertThat(unknownType.json().at("/errors/0/zh").asText()).contains("未知的报告类型");
        TestServer.Response many = legal.post("/api/credit/orders", Map.of("type", "IMPORT_ANALYSIS", "country", "CN",
                "hsCode", "85x", "urgent", true, "expectedCharge", "-1"));
        assertThat(many.status()).isEqualTo(400);
        assertThat(fields(many.json())).containsExactly("country", "urgent", "hsCode", "expectedCharge");
        assertThat(legal.post("/api/credit/orders", "{\"type\":\"BUYER_CREDIT\",\"buyerId\":\"abc\"}").status())
                .isEqualTo(400);
        assertThat(count("SELECT COUNT(*) FROM credit_orders")).isEqualTo(orders);
        assertThat(count("SELECT SUM(free_used) FROM credit_quotas")).isEqualTo(quotas);

        TestServer.Response negative = admin.put("/api/admin/credit/prices/BUYER_CREDIT",
                Map.of("price", -100, "urgentSurcharge", 1000000));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(fields(negative.json())).containsExactly("price", "urgentSurcharge");
        assertThat(admin.put("/api/admin/credit/prices/NOPE", Map.of("price", 1)).status()).isEqualTo(404);
        assertThat(count("SELECT COUNT(*) FROM credit_prices")).isZero();
        assertThat(legal.put("/api/admin/credit/prices/COUNTRY_RISK", Map.of("price", 1)).status()).isEqualTo(403);
        TestServer.Response set = admin.put("/api/admin/credit/prices/COUNTRY_RISK", Map.of("price", "450.50",
                "urgentSurcharge", 0));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(ApiClient.anonymous(server).json("/api/credit/types").toString()).contains("\"price\":\"450.50\"");
    }

    @Test
    @Order(5)
    void fiftyConcurrentHttpOrdersTakeExactlyThreeFreeReports() throws Exception {
        // the Shenzhen electronics enterprise: an effective policy of its own, put straight into the store
        long sz = world.enterprises().get(0).id();
        server.app().database().inTransaction(tx -> {
            long admin = tx.number("SELECT id FROM users WHERE username = 'admin'");
            long list = tx.insert("INSERT INTO eligible_lists (scheme_id, file_name, state, publish_start, publish_end,"
                    + " imported_by, imported_at) VALUES ('shenzhen-2023', 'c.csv', 'CONFIRMED', '2023-06-01', '2023-06-10',"
                    + " ?, '2023-06-01T00:00:00.000Z')", admin);
            return tx.insert("INSERT INTO policies (enterprise_id, scheme_id, list_id, state, receipt, insured_cents,"
                    + " enterprise_part_cents, per_buyer_limit_cents, indemnity_ratio, year_start, year_end, policy_number,"
                    + " issued_on, cover_start, cover_end, pushed_at) VALUES (?, 'shenzhen-2023', ?, 'EFFECTIVE', 'RECEIVED',"
                    + " 300000000, 0, 15000000, '0.80', '2023-07-01', '2024-06-30', 'XW2023-CONC', '2023-07-01',"
                    + " '2023-07-01', '2024-06-30', '2023-06-15T00:00:00.000Z')", sz, list);
        });
        List<ApiClient> clients = List.of(ApiClient.demo(server, "sz-legal"), ApiClient.demo(server, "sz-operator"));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<JsonNode>> futures = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ApiClient c = clients.get(i % 2);
            futures.add(pool.submit(() -> {
                go.await();
                return orderAtQuotedCharge(c, gulf);
            }));
        }
        go.countDown();
        int free = 0;
        int charged = 0;
        for (Future<JsonNode> f : futures) {
            JsonNode o = f.get(180, TimeUnit.SECONDS);
            if (o.get("free").asBoolean()) {
                free++;
            } else if (o.get("charge").asText().equals("600.00")) {
                charged++;
            }
        }
        pool.shutdown();
        assertThat(free).isEqualTo(3);
        assertThat(charged).isEqualTo(47);
        assertThat(count("SELECT COUNT(*) FROM credit_orders WHERE enterprise_id = ? AND free = 1", sz)).isEqualTo(3);
        assertThat(clients.get(0).json("/api/credit/wallet").get("freeLeft").asInt()).isZero();
    }

    @Test
    @Order(6)
    void theOrderListIsPagedWithAnExactTotalOfTheAskersOwnOrdersAndThePageShowsThePager() { // #13
        ApiClient legal = ApiClient.demo(server, "szt-legal");
        for (int i = 0; i < 4; i++) {
            String charge = legal.json("/api/credit/quote?type=BUYER_CREDIT&buyerId=" + gulf).get("charge").asText();
            assertThat(legal.post("/api/credit/orders", buyerOrder(gulf, charge)).status()).isEqualTo(201);
        }
        List<Long> own = server.app().database().read(tx -> tx.list("SELECT id FROM credit_orders WHERE enterprise_id = ?"
                + " ORDER BY id DESC", r -> r.longValue("id"), szt));
        long all = count("SELECT COUNT(*) FROM credit_orders");
        assertThat(own.size()).isGreaterThan(6);
        assertThat(all).isGreaterThan(own.size() + 40L); // the electronics enterprise's 50 orders are someone else's

        List<Long> seen = new ArrayList<>();
        int pages = (own.size() + 2) / 3;
        for (int page = 1; page <= pages + 1; page++) {
            JsonNode p = legal.json("/api/credit/orders?size=3&page=" + page);
            assertThat(p.get("total").asLong()).isEqualTo(own.size());
            assertThat(p.get("page").asInt()).isEqualTo(page);
            assertThat(p.get("size").asInt()).isEqualTo(3);
            assertThat(p.get("items").size()).isEqualTo(page <= pages ? Math.min(3, own.size() - (page - 1) * 3) : 0);
            p.get("items").forEach(o -> seen.add(o.get("id").asLong()));
        }
        assertThat(seen).containsExactlyElementsOf(own); // every order once, newest first, none of another enterprise
        JsonNode first = legal.json("/api/credit/orders");
        assertThat(first.get("size").asInt()).isEqualTo(20);
        assertThat(ApiClient.demo(server, "reviewer").json("/api/credit/orders?size=1").get("total").asLong())
                .isEqualTo(all);
        assertThat(ApiClient.demo(server, "reviewer").json("/api/credit/orders?size=1&enterpriseId=" + szt)
                .get("total").asLong()).isEqualTo(own.size());
        assertThat(ApiClient.demo(server, "reviewer").json("/api/credit/fulfilment?size=2").get("total").asLong())
                .isEqualTo(count("SELECT COUNT(*) FROM credit_orders WHERE state IN ('ORDERED', 'IN_PROGRESS')"));

        TestServer.Response bad = legal.get("/api/credit/orders?page=0&size=101&state=LOST");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(fields(bad.json())).containsExactlyInAnyOrder("page", "size", "state");
        assertThat(bad.json().at("/errors").toString()).contains("page must be a whole number from 1 to",
                "size must be a whole number from 1 to 100", "size 必须是 1 到 100 之间的整数");
        assertThat(fields(legal.get("/api/credit/orders?page=x").json())).containsExactly("page");
        assertThat(ApiClient.demo(server, "reviewer").get("/api/credit/fulfilment?size=0").status()).isEqualTo(400);
        assertThat(PagedLists.readAll(ApiClient.demo(server, "reviewer"), "/api/credit/fulfilment", 7)).hasSize(
                (int) count("SELECT COUNT(*) FROM credit_orders WHERE state IN ('ORDERED', 'IN_PROGRESS')"));
        assertThat(PagedLists.readAll(legal, "/api/outbox", 3))
                .hasSize((int) count("SELECT COUNT(*) FROM outbox WHERE enterprise_id = ?", szt));

        // the page: this page's orders, the total and the pager, whose links keep the filter and the size
        String html = legal.get("/credit?state=ORDERED&size=2&page=2").body();
        long ordered = count("SELECT COUNT(*) FROM credit_orders WHERE enterprise_id = ? AND state = 'ORDERED'", szt);
        assertThat(html).contains("class=\"pager\"", "data-total=\"" + ordered + "\"",
                "href=\"/credit?state=ORDERED&amp;size=2&amp;page=1\"", "href=\"/credit?state=ORDERED&amp;size=2&amp;page=3\"");
        assertThat(html.split("data-order=\"", -1).length - 1).isEqualTo(2);
        assertThat(legal.get("/credit?page=0").status()).isEqualTo(400);
    }

    private Principal principal(String username) {
        var u = server.app().domains().accounts().userByName(username).orElseThrow();
        return new Principal(u.id(), u.username(), u.displayName(), u.role(), u.enterpriseId(), Set.of(), null);
    }

    private static List<String> fields(JsonNode error) {
        List<String> out = new ArrayList<>();
        error.get("errors").forEach(e -> out.add(e.get("field").asText()));
        return out;
    }

}
