package cn.creditwindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.TestClock;
import cn.creditwindow.config.Config;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Possible-loss reports over HTTP against the real server (#14): the demo's Shenzhen trading enterprise (policy made
 * effective on 2024-06-17; its scheme gives 60 days after a due date to report, 120 after the report to claim)
 * registers an overdue receivable and its home page counts the days left to report it; a bad report is refused field
 * by field with nothing saved; the report attaches the receivable; the reviewer asks for more, the enterprise
 * resubmits, the reviewer accepts with advice; the claim deadline runs, and once overdue its account manager sees it;
 * the report becomes a claim drafted from it. The manager reports late on its behalf; that one ends recovered.
 * Another enterprise gets 404 on every report URL. A claim drafted from a report offers the report's shipments to
 * prefill its add-shipment form, on its page and in its API view, until the claim has each invoice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LossReportsApiIT {
    private final TestClock clock = new TestClock(Instant.parse("2024-06-17T01:00:00Z"));
    private TestServer server;
    private long gulf;
    private long policyId;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        server = TestServer.start(dir, null, null, clock);
        DemoWorld world = DemoWorld.create(server.app());
        world.effectiveCreditPolicy(server.app(), Config.CHINA);
        gulf = server.app().database().read(tx -> tx.number(
                "SELECT id FROM buyers WHERE name_en = 'Gulf Star General Trading LLC'"));
        policyId = server.app().database().read(tx -> tx.number("SELECT p.id FROM policies p JOIN enterprises e"
                + " ON e.id = p.enterprise_id WHERE e.uscc = ?", DemoWorld.CREDIT_ENTERPRISE.uscc()));
    }

    @AfterAll
    void stop() throws IOException {
        server.close();
    }

    private Map<String, Object> form(List<Map<String, Object>> shipments) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("policyId", policyId);
        f.put("buyerId", gulf);
        f.put("shipments", shipments);
        f.put("cause", "DEFAULT");
        f.put("actionsTaken", "已多次电话和邮件催收，买方以资金紧张为由拖延付款");
        f.put("contactName", "示例联系人");
        f.put("contactMobile", "13800000004");
        f.put("contactEmail", "contact@demo.example");
        return f;
    }

    private static Map<String, Object> shipment(String invoice, String shipped, String due, String outstanding) {
        return new LinkedHashMap<>(Map.of("invoiceNo", invoice, "shippedOn", shipped, "dueOn", due,
                "outstanding", outstanding));
    }

    private long count(String table) {
        return server.app().database().read(tx -> tx.number("SELECT COUNT(*) FROM " + table));
    }

    @Test
    @Order(1)
    void aReportFromTheOverdueReceivableToAClaim() { // #14
        ApiClient legal = ApiClient.demo(server, "szt-legal");
        ApiClient reviewer = ApiClient.demo(server, "reviewer");
        ApiClient manager = ApiClient.demo(server, "manager");
        ApiClient other = ApiClient.demo(server, "hn-legal");

        // a receivable due 46 days ago: 60 - 46 = 14 days left to report it, on the home page too
        TestServer.Response receivable = legal.post("/api/loss-reports/receivables", Map.of("policyId", policyId,
                "buyerId", gulf, "invoiceNo", "INV-R1", "shippedOn", "2024-03-01", "dueOn", "2024-05-02",
                "outstanding", "440000.00"));
        assertThat(receivable.status()).as(receivable.body()).isEqualTo(201);
        assertThat(receivable.json().get("reportBy").asText()).isEqualTo("2024-07-01");
        JsonNode due = legal.json("/api/loss-reports/obligations").get("items");
        assertThat(due).hasSize(1);
        assertThat(due.get(0).get("kind").asText()).isEqualTo("REPORT");
        assertThat(due.get(0).get("daysLeft").asLong()).isEqualTo(14);
        assertThat(legal.get("/").body()).contains("报损期限：还有 14 天");
        assertThat(other.json("/api/loss-reports/obligations").get("items")).isEmpty();
        assertThat(legal.post("/api/loss-reports/receivables", Map.of("policyId", policyId, "buyerId", gulf,
                "invoiceNo", "INV-R1", "shippedOn", "2024-03-01", "dueOn", "2024-05-02", "outstanding", "1"))
                .body()).contains("\"invoiceNo\"");

        // the form's prefill: the receivable, then the customs declarations to the UAE not yet reported
        JsonNode suggestions = legal.json("/api/loss-reports/suggestions?policyId=" + policyId + "&buyerId=" + gulf)
                .get("items");
        assertThat(suggestions.get(0).get("invoiceNo").asText()).isEqualTo("INV-R1");

        // bad input: every bad field named, nothing saved (not even the new buyer)
        long buyers = count("buyers");
        Map<String, Object> bad = form(List.of(shipment("INV-2", "2024-04-01", "2024-03-01", "-5")));
        bad.remove("buyerId");
        bad.put("newBuyer", Map.of("nameEn", "Half Saved Trading LLC", "country", "AE"));
        bad.put("cause", "BOREDOM");
        bad.put("contactEmail", "not-an-address");
        TestServer.Response refused = legal.post("/api/loss-reports", bad);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("shipments[0].dueOn", "shipments[0].outstanding", "\"cause\"",
                "\"contactEmail\"");
        assertThat(count("loss_reports")).isZero();
        assertThat(count("buyers")).isEqualTo(buyers);
        assertThat(legal.post("/api/loss-reports", form(List.of())).body()).contains("\"shipments\"");
        // another enterprise cannot report on this policy: the policy is a field it cannot name
        assertThat(other.post("/api/loss-reports", form(List.of(shipment("X-1", "2024-04-01", "2024-05-01", "10"))))
                .body()).contains("\"policyId\"");

        // the report: the registered receivable is attached to it, the obligation to report is met
        TestServer.Response created = legal.post("/api/loss-reports", form(List.of(
                shipment("INV-R1", "2024-03-01", "2024-05-02", "440000.00"),
                shipment("INV-2", "2024-03-15", "2024-05-15", "60000"))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("state").asText()).isEqualTo("SUBMITTED");
        assertThat(created.json().get("late").asBoolean()).isFalse();
        assertThat(created.json().get("reportBy").asText()).isEqualTo("2024-07-01");
        assertThat(created.json().get("outstandingCents").asLong()).isEqualTo(50_000_000L);
        assertThat(count("loss_shipments")).isEqualTo(2);
        assertThat(legal.json("/api/loss-reports/obligations").get("items")).isEmpty();

        // who sees it: the enterprise and its manager, the insurer's queue; another enterprise 404 everywhere
        String base = "/api/loss-reports/" + id;
        assertThat(manager.get(base).status()).isEqualTo(200);
        assertThat(reviewer.json("/api/review/loss-reports").get("items").toString()).contains("\"id\":" + id + ",");
        assertThat(other.get(base).status()).isEqualTo(404);
        assertThat(other.put(base, form(List.of(shipment("INV-9", "2024-03-01", "2024-05-02", "1")))).status())
                .isEqualTo(404);
        assertThat(other.post(base + "/claim", Map.of()).status()).isEqualTo(404);
        assertThat(other.json("/api/loss-reports").get("items")).isEmpty();
        assertThat(legal.post("/api/review/loss-reports/" + id + "/accept", Map.of("advice", "x")).status())
                .isEqualTo(403);

        // the insurer asks for more (a note is required); accepting now is refused for the state before the body
        assertThat(reviewer.post("/api/review/loss-reports/" + id + "/request-info", Map.of()).body())
                .contains("\"note\"");
        TestServer.Response asked = reviewer.post("/api/review/loss-reports/" + id + "/request-info",
                Map.of("note", "请补充买方确认欠款的往来邮件"));
        assertThat(asked.json().get("state").asText()).isEqualTo("MORE_INFO_REQUESTED");
        assertThat(reviewer.post("/api/review/loss-reports/" + id + "/accept", Map.of()).status()).isEqualTo(409);
        assertThat(legal.post(base + "/claim", Map.of()).status()).isEqualTo(409);

        // the enterprise adds what was asked and resubmits
        Map<String, Object> more = form(List.of(shipment("INV-R1", "2024-03-01", "2024-05-02", "440000.00"),
                shipment("INV-2", "2024-03-15", "2024-05-15", "60000")));
        more.put("actionsTaken", "已多次催收；已补充买方确认欠款的邮件（2024-06-10）");
        TestServer.Response resubmitted = legal.put(base, more);
        assertThat(resubmitted.status()).as(resubmitted.body()).isEqualTo(200);
        assertThat(resubmitted.json().get("state").asText()).isEqualTo("SUBMITTED");

        // accepted with advice: bad advice codes refused with nothing changed, then the case number and the handler
        TestServer.Response badAdvice = reviewer.post("/api/review/loss-reports/" + id + "/accept",
                Map.of("advice", "", "adviceCodes", List.of("PANIC")));
        assertThat(badAdvice.status()).isEqualTo(400);
        assertThat(badAdvice.body()).contains("\"advice\"", "\"adviceCodes\"");
        assertThat(legal.json(base).get("report").get("state").asText()).isEqualTo("SUBMITTED");
        TestServer.Response accepted = reviewer.post("/api/review/loss-reports/" + id + "/accept",
                Map.of("advice", "请立即停止向该买方出运；我司已通过海外渠道开展调查追讨", "adviceCodes",
                        List.of("STOP_SHIPMENTS", "OVERSEAS_COLLECTION")));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().get("caseNo").asText()).isEqualTo("BS2024-" + String.format("%06d", id));
        assertThat(accepted.json().get("claimBy").asText()).isEqualTo("2024-10-15");
        assertThat(accepted.json().get("handlerName").asText()).isNotBlank();

        // every step, seen by the enterprise
        JsonNode history = legal.json(base).get("history");
        assertThat(history.findValuesAsText("kind")).containsExactly("SUBMITTED", "MORE_INFO_REQUESTED", "SUBMITTED",
                "ACCEPTED");
        assertThat(history.get(1).get("note").asText()).contains("往来邮件");

        // the claim deadline: 120 days from the report; once past it the account manager sees it as overdue
        JsonNode claimDue = legal.json("/api/loss-reports/obligations").get("items");
        assertThat(claimDue.get(0).get("kind").asText()).isEqualTo("CLAIM");
        assertThat(claimDue.get(0).get("daysLeft").asLong()).isEqualTo(120);
        assertThat(legal.get("/").body()).contains("索赔期限：还有 120 天");
        assertThat(manager.json("/api/loss-reports/obligations?overdue=true").get("items")).isEmpty();
        clock.set(Instant.parse("2024-10-20T01:00:00Z"));
        try { // sessions of June have expired by October: sign in again
            ApiClient lateManager = ApiClient.demo(server, "manager");
            JsonNode overdue = lateManager.json("/api/loss-reports/obligations?overdue=true").get("items");
            assertThat(overdue).hasSize(1);
            assertThat(overdue.get(0).get("daysLeft").asLong()).isEqualTo(-5);
            assertThat(lateManager.get("/").body()).contains("索赔期限：已逾期 5 天");
            assertThat(ApiClient.demo(server, "hn-legal").json("/api/loss-reports/obligations").get("items")).isEmpty();
        } finally {
            clock.set(Instant.parse("2024-06-17T01:00:00Z"));
        }

        // the claim, drafted from the report: buyer and cause as reported; the two link to each other
        legal = ApiClient.demo(server, "szt-legal");
        manager = ApiClient.demo(server, "manager");
        assertThat(manager.post(base + "/claim", Map.of()).status()).isEqualTo(403);
        TestServer.Response claim = legal.post(base + "/claim", Map.of());
        assertThat(claim.status()).as(claim.body()).isEqualTo(201);
        long claimId = claim.json().get("id").asLong();
        assertThat(claim.json().get("state").asText()).isEqualTo("DRAFT");
        assertThat(claim.json().get("buyerId").asLong()).isEqualTo(gulf);
        assertThat(claim.json().get("lossCause").asText()).isEqualTo("DEFAULT");
        // 是否已报损: the report answers it; the other case questions stay the enterprise's to answer
        assertThat(claim.json().get("answers").get("REPORTED_LOSS").asBoolean()).isTrue();
        assertThat(claim.json().get("answers").size()).isEqualTo(1);
        assertThat(claim.json().get("caseDescription").asText()).contains("INV-R1", "BS2024-");
        assertThat(legal.json("/api/claims/" + claimId).get("lossReportId").asLong()).isEqualTo(id);
        JsonNode done = legal.json(base).get("report");
        assertThat(done.get("state").asText()).isEqualTo("CLAIMED");
        assertThat(done.get("claimId").asLong()).isEqualTo(claimId);
        assertThat(legal.post(base + "/claim", Map.of()).status()).isEqualTo(409);
        assertThat(legal.json("/api/loss-reports/obligations").get("items")).isEmpty();
    }

    @Test
    @Order(2)
    void theManagerReportsLateOnTheEnterprisesBehalfAndTheReportEndsRecovered() { // #14
        ApiClient manager = ApiClient.demo(server, "manager");
        ApiClient legal = ApiClient.demo(server, "szt-legal");
        ApiClient reviewer = ApiClient.demo(server, "reviewer");
        Map<String, Object> f = form(List.of(shipment("INV-OLD", "2023-11-01", "2024-01-01", "12000")));
        f.remove("buyerId");
        f.put("newBuyer", Map.of("nameEn", "Late Report Trading LLC", "country", "AE"));
        TestServer.Response created = manager.post("/api/loss-reports", f);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        // due 2024-01-01 + 60 days = 2024-03-01, reported 2024-06-17: accepted, marked late
        assertThat(created.json().get("late").asBoolean()).isTrue();
        assertThat(created.json().get("onBehalf").asBoolean()).isTrue();
        JsonNode first = legal.json("/api/loss-reports/" + id).get("history").get(0);
        assertThat(first.get("actorRole").asText()).isEqualTo("ACCOUNT_MANAGER");
        assertThat(first.get("onBehalf").asBoolean()).isTrue();
        // the new buyer is the enterprise's entry, as if it had added it
        long enterprise = created.json().get("enterpriseId").asLong();
        long addedBy = server.app().database().read(tx -> tx.number("SELECT added_by_enterprise_id FROM buyers WHERE"
                + " name_en = 'Late Report Trading LLC'"));
        assertThat(addedBy).isEqualTo(enterprise);

        assertThat(reviewer.post("/api/review/loss-reports/" + id + "/recovery", Map.of("recovered", "1")).status())
                .isEqualTo(409);
        assertThat(reviewer.post("/api/review/loss-reports/" + id + "/accept", Map.of("advice", "请保留全部单证"))
                .status()).isEqualTo(200);
        assertThat(reviewer.post("/api/review/loss-reports/" + id + "/recovery", Map.of("recovered", "abc")).body())
                .contains("\"recovered\"");
        TestServer.Response recovered = reviewer.post("/api/review/loss-reports/" + id + "/recovery",
                Map.of("recovered", "12000.00"));
        assertThat(recovered.json().get("state").asText()).isEqualTo("RECOVERED");
        assertThat(recovered.json().get("recoveredCents").asLong()).isEqualTo(1_200_000L);
        assertThat(recovered.json().get("claimBy").isNull()).isTrue();
    }

    @Test
    @Order(3)
    void aClaimDraftedFromAReportOffersTheReportsShipmentsToPrefillItsShipmentForm() { // #14
        ApiClient legal = ApiClient.demo(server, "szt-legal");
        ApiClient reviewer = ApiClient.demo(server, "reviewer");
        String cover = server.app().database().read(tx -> tx.one("SELECT cover_start FROM policies WHERE id = ?",
                r -> r.string("cover_start"), policyId)).orElseThrow();
        Map<String, Object> withDeclaration = shipment("INV-P1", cover, cover, "440000.00");
        withDeclaration.put("declarations", DemoCustoms.FREE_DECLARATION);
        TestServer.Response created = legal.post("/api/loss-reports", form(List.of(withDeclaration,
                shipment("INV-P2", cover, cover, "60000"))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long report = created.json().get("id").asLong();
        assertThat(reviewer.post("/api/review/loss-reports/" + report + "/accept", Map.of("advice", "请保留全部单证"))
                .status()).isEqualTo(200);
        TestServer.Response drafted = legal.post("/api/loss-reports/" + report + "/claim", Map.of());
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        String claimPath = "/claims/" + drafted.json().get("id").asLong();

        // the API view: what the report holds of each shipment, for a client to prefill with
        JsonNode offered = legal.json("/api" + claimPath).get("lossReportShipments");
        assertThat(offered.findValuesAsText("invoiceNo")).containsExactly("INV-P1", "INV-P2");
        assertThat(offered.get(0).get("shippedOn").asText()).isEqualTo(cover);
        assertThat(offered.get(0).get("outstandingCents").asLong()).isEqualTo(44_000_000L);
        assertThat(offered.get(0).get("declarations").get(0).asText()).isEqualTo(DemoCustoms.FREE_DECLARATION);
        assertThat(offered.get(1).get("declarations")).isEmpty();

        // the page: one link a shipment; it opens the add-shipment form with what the report holds, and no more
        Document page = Jsoup.parse(legal.get(claimPath).body());
        assertThat(page.select("#loss-prefill li").eachAttr("data-invoice")).containsExactly("INV-P1", "INV-P2");
        assertThat(page.select("#s-invoiceNo").val()).isEmpty();
        String href = page.select("#loss-prefill li[data-invoice=INV-P1] a.loss-prefill").attr("href");
        assertThat(href).startsWith(claimPath + "?fromLoss=");
        Document prefilled = Jsoup.parse(legal.get(href.replaceFirst("#.*", "")).body());
        assertThat(prefilled.select("#loss-prefilled")).hasSize(1);
        assertThat(prefilled.select("#s-invoiceNo").val()).isEqualTo("INV-P1");
        assertThat(prefilled.select("#s-shippedOn").val()).isEqualTo(cover);
        assertThat(prefilled.select("#s-invoiceAmount").val()).isEqualTo("440000.00");
        assertThat(prefilled.select("#s-claimedAmount").val()).isEqualTo("440000.00");
        assertThat(prefilled.select("#s-declarations").val()).isEqualTo(DemoCustoms.FREE_DECLARATION);
        assertThat(prefilled.select("#s-hsCode").val()).isEmpty();
        assertThat(prefilled.select("#s-termDays").val()).isEmpty();
        assertThat(prefilled.select("#s-originCertificate").val()).isEmpty();

        // the enterprise completes the rest and saves: the link for that invoice is gone, the other stays
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : prefilled.select("#shipment-form input[name], #shipment-form select[name]")) {
            fields.put(input.attr("name"), input.val());
        }
        fields.remove("_csrf");
        fields.putAll(Map.of("hsCode", "85171200", "termDays", "60", "paymentMethod", "OA", "collectionStatus",
                "NONE", "transportMode", "SEA"));
        TestServer.Response saved = legal.form(claimPath + "/shipments", encode(fields));
        assertThat(saved.status()).as(saved.body()).isEqualTo(303);
        JsonNode claim = legal.json("/api" + claimPath);
        assertThat(claim.get("shipments").findValuesAsText("invoiceNo")).containsExactly("INV-P1");
        assertThat(claim.get("shipments").get(0).get("claimedCents").asLong()).isEqualTo(44_000_000L);
        assertThat(claim.get("lossReportShipments").findValuesAsText("invoiceNo")).containsExactly("INV-P2");
        Document after = Jsoup.parse(legal.get(claimPath).body());
        assertThat(after.select("#loss-prefill li").eachAttr("data-invoice")).containsExactly("INV-P2");

        // a link to a shipment the claim has taken, or a mistyped one, is refused; another enterprise sees nothing
        assertThat(legal.get(href.replaceFirst("#.*", "")).status()).isEqualTo(404);
        assertThat(legal.get(claimPath + "?fromLoss=abc").status()).isEqualTo(400);
        assertThat(ApiClient.demo(server, "hn-legal").get(href.replaceFirst("#.*", "")).status()).isEqualTo(404);
    }

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
