package cn.creditwindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.PdfText;
import cn.creditwindow.TestClock;
import cn.creditwindow.config.Config;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole claim over HTTP against the real server: the demo's Shenzhen trading enterprise (its policy made effective
 * by walking the real enrolment on 2024-06-17) finds its policy in the list, drafts a claim, imports shipments from
 * the template (a bad file refused row by row, nothing saved), submits; the reviewer returns it with a reason, the
 * enterprise sees the reason and its account manager, fixes and resubmits; the reviewer accepts (due date 15 working
 * days on) and pays seed 000 case 1 (440k USD loss → 150k USD). Another enterprise gets 404 on every claim URL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the whole claim starts with none; the flags reuse its declaration
class ClaimsApiIT {
    static final String REASON = "买方收货后以资金紧张为由长期拖欠货款，经多次催收仍未付款";
    static final String STORY = "我司于二零二四年一月向买方出运电子产品一批，买方收货后至今未支付任何款项";

    private TestServer server;
    private long gulf;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        server = TestServer.start(dir, null, null, new TestClock(Instant.parse("2024-06-17T01:00:00Z")));
        DemoWorld world = DemoWorld.create(server.app());
        world.effectiveCreditPolicy(server.app(), Config.CHINA);
        gulf = server.app().database().read(tx -> tx.number(
                "SELECT id FROM buyers WHERE name_en = 'Gulf Star General Trading LLC'"));
    }

    @AfterAll
    void stop() throws IOException {
        server.close();
    }

    private Map<String, Object> form(String reason) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("buyerId", gulf);
        f.put("answers", Map.of("DISPUTE", false, "REPORTED_LOSS", true, "DEBT_ACKNOWLEDGED", false, "FINANCING", false));
        f.put("lossCause", "DEFAULT");
        f.put("reason", reason);
        f.put("caseDescription", STORY);
        f.put("mitigation", "已委托律师催收");
        return f;
    }

    @Test
    @Order(1)
    void aWholeClaimFromThePolicyListToPayment() {
        ApiClient legal = ApiClient.demo(server, "szt-legal");
        ApiClient reviewer = ApiClient.demo(server, "reviewer");
        ApiClient other = ApiClient.demo(server, "hn-legal");

        JsonNode policies = legal.json("/api/claims/policies").get("items");
        assertThat(policies).hasSize(1);
        JsonNode policy = policies.get(0).get("policy");
        long policyId = policy.get("id").asLong();
        String shipped = policy.get("coverStart").asText();
        assertThat(policies.get(0).get("claims")).isEmpty();
        assertThat(other.json("/api/claims/policies").get("items").toString()).doesNotContain(
                "\"id\":" + policyId + ",");

        // bad input: every field named, nothing saved
        TestServer.Response bad = legal.post("/api/claims/policies/" + policyId + "/claims", form("太短"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("\"reason\"").contains("20");
        assertThat(other.post("/api/claims/policies/" + policyId + "/claims", form(REASON)).status()).isEqualTo(404);

        TestServer.Response created = legal.post("/api/claims/policies/" + policyId + "/claims", form(REASON));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long claim = created.json().get("id").asLong();
        assertThat(created.json().get("state").asText()).isEqualTo("DRAFT");

        // the template, as CSV and XLSX
        TestServer.Response csv = legal.get("/api/claims/templates/shipments.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains("发票号 Invoice no.");
        TestServer.Response xlsx = legal.get("/api/claims/templates/shipments.xlsx");
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.body()).startsWith("PK");
        String header = csv.body();
        String badFile = header + "INV-1,85171200," + shipped + ",OA,90,440000,440000,NONE,SEA,530120240000000321,\n"
                + "INV-2,8517," + shipped + ",WIRE,90,100,100,NONE,SEA,123,\n";
        TestServer.Response refused = legal.post("/api/claims/" + claim + "/shipments/import",
                badFile.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("row 3: hsCode", "row 3: paymentMethod", "row 3: declarations")
                .doesNotContain("row 2");
        assertThat(legal.json("/api/claims/" + claim).get("shipments")).isEmpty();
        String goodFile = header + "INV-1,85171200," + shipped + ",OA,90,440000,440000,NONE,SEA,530120240000000321,\n";
        TestServer.Response imported = legal.post("/api/claims/" + claim + "/shipments/import",
                goodFile.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        long shipment = imported.json().get("items").get(0).get("id").asLong();

        // add, save, delete one by hand
        Map<String, Object> extra = new LinkedHashMap<>(Map.of("invoiceNo", "INV-X", "hsCode", "851712",
                "shippedOn", shipped, "paymentMethod", "DP", "termDays", "30", "invoiceAmount", "10",
                "claimedAmount", "10", "collectionStatus", "NONE", "transportMode", "AIR",
                "declarations", "530120240000000999"));
        TestServer.Response added = legal.post("/api/claims/" + claim + "/shipments", extra);
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        long extraId = added.json().get("id").asLong();
        extra.put("claimedAmount", "20");
        assertThat(legal.put("/api/claims/" + claim + "/shipments/" + extraId, extra).status()).isEqualTo(400);
        assertThat(legal.delete("/api/claims/" + claim + "/shipments/" + extraId).status()).isEqualTo(204);

        // another enterprise: 404 on every claim URL
        String base = "/api/claims/" + claim;
        assertThat(other.get(base).status()).isEqualTo(404);
        assertThat(other.put(base, form(REASON)).status()).isEqualTo(404);
        assertThat(other.post(base + "/shipments", extra).status()).isEqualTo(404);
        assertThat(other.post(base + "/shipments/import", goodFile.getBytes(StandardCharsets.UTF_8), "text/csv")
                .status()).isEqualTo(404);
        assertThat(other.put(base + "/shipments/" + shipment, extra).status()).isEqualTo(404);
        assertThat(other.delete(base + "/shipments/" + shipment).status()).isEqualTo(404);
        assertThat(other.post(base + "/submission", Map.of("declaration", true)).status()).isEqualTo(404);
        assertThat(other.json("/api/claims").get("items")).isEmpty();

        // the customs check at submission: a declaration customs does not hold as the claimant's own is refused
        TestServer.Response notHeld = legal.post(base + "/submission", Map.of("declaration", true));
        assertThat(notHeld.status()).isEqualTo(400);
        assertThat(notHeld.body()).contains("未查询到符合条件的报关单数据：530120240000000321");
        String customs = "number,consignor_uscc,bill_of_lading_no,trade_country,export_date,exit_office,transport_mode,"
                + "hs_code,goods_name,quantity,unit,unit_price,total,currency\n530120240000000321,"
                + DemoWorld.CREDIT_ENTERPRISE.uscc() + ",COSU6240000321,AE," + shipped + ",5301,2,8517120000,智能手机,"
                + "2000,台,220.00,440000.00,USD\n";
        assertThat(reviewer.post("/api/customs/import?kind=declarations", customs.getBytes(StandardCharsets.UTF_8),
                "text/csv").status()).isEqualTo(201);

        // the shipment data report: required, made stale by every shipment change, generated again
        TestServer.Response noReport = legal.post(base + "/submission", Map.of("declaration", true));
        assertThat(noReport.status()).isEqualTo(400);
        assertThat(noReport.json().get("errors").findValuesAsText("field")).containsExactly("shipmentReport");
        assertThat(noReport.body()).contains("请先生成出运数据报告", "generate the shipment data report");
        assertThat(legal.get(base + "/shipment-report").status()).isEqualTo(404);
        TestServer.Response report = legal.post(base + "/shipment-report", "");
        assertThat(report.status()).as(report.body()).isEqualTo(201);
        assertThat(report.raw().headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        assertThat(report.raw().headers().firstValue("X-Report-Current")).contains("true");
        assertThat(other.post(base + "/shipment-report", "").status()).isEqualTo(404);
        assertThat(other.get(base + "/shipment-report").status()).isEqualTo(404);
        Map<String, Object> saved = new LinkedHashMap<>(Map.of("invoiceNo", "INV-1", "hsCode", "85171200",
                "shippedOn", shipped, "paymentMethod", "OA", "termDays", "60", "invoiceAmount", "440000",
                "claimedAmount", "440000", "collectionStatus", "NONE", "transportMode", "SEA",
                "declarations", "530120240000000321"));
        assertThat(legal.put(base + "/shipments/" + shipment, saved).status()).isEqualTo(200);
        assertThat(legal.json(base).get("shipmentReport").get("current").asBoolean()).isFalse();
        assertThat(legal.get(base + "/shipment-report").raw().headers().firstValue("X-Report-Current"))
                .contains("false");
        TestServer.Response stale = legal.post(base + "/submission", Map.of("declaration", true));
        assertThat(stale.status()).isEqualTo(400);
        assertThat(stale.json().get("errors").findValuesAsText("field")).containsExactly("shipmentReport");
        assertThat(stale.body()).contains("请重新生成出运数据报告", "generate it again");
        assertThat(legal.json(base).get("claim").get("state").asText()).isEqualTo("DRAFT");
        assertThat(legal.post(base + "/shipment-report", "").status()).isEqualTo(201);
        JsonNode current = legal.json(base);
        assertThat(current.get("shipmentReport").get("current").asBoolean()).isTrue();
        assertThat(current.get("shipmentReport").get("shipmentsVersion").asLong())
                .isEqualTo(current.get("claim").get("shipmentsVersion").asLong());
        String text = PdfText.of(legal.get(base + "/shipment-report").raw().body()).replaceAll("\\s+", "");
        assertThat(text).contains("信用保险索赔出运数据报告", "INV-1", "530120240000000321", "智能手机");

        // submit: the declaration first; then read-only
        assertThat(legal.post(base + "/submission", Map.of("declaration", false)).status()).isEqualTo(400);
        TestServer.Response submitted = legal.post(base + "/submission", Map.of("declaration", true));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(legal.put(base, form(REASON)).status()).isEqualTo(409);
        assertThat(legal.delete(base + "/shipments/" + shipment).status()).isEqualTo(409);
        assertThat(legal.post(base + "/shipment-report", "").status()).isEqualTo(409);
        assertThat(reviewer.get(base + "/shipment-report").status()).isEqualTo(200);

        // the reviewer returns it; the enterprise sees why and whom to ask, fixes and resubmits
        assertThat(reviewer.json("/api/review/claims").get("items").toString()).contains("\"id\":" + claim + ",");
        // #13: the claims, the policy list and the reviewer's queue are paged; another enterprise counts none of these
        assertThat(PagedLists.readAll(reviewer, "/api/review/claims", 1)).contains(String.valueOf(claim)).hasSize(
                (int) PagedLists.count(server, "SELECT COUNT(*) FROM claims WHERE state IN ('SUBMITTED', 'ACCEPTED')"));
        assertThat(PagedLists.readAll(legal, "/api/claims", 1)).contains(String.valueOf(claim));
        assertThat(PagedLists.readAll(legal, "/api/claims/policies", 1, "items", "/policy/id")).isNotEmpty();
        assertThat(PagedLists.readAll(other, "/api/claims", 1)).isEmpty();
        assertThat(reviewer.post("/api/review/claims/" + claim + "/return", Map.of()).status()).isEqualTo(400);
        assertThat(reviewer.post("/api/review/claims/" + claim + "/return", Map.of("reason", "请补充催收记录"))
                .status()).isEqualTo(200);
        JsonNode returned = legal.json(base);
        assertThat(returned.get("claim").get("state").asText()).isEqualTo("RETURNED");
        assertThat(returned.get("history").get(1).get("reason").asText()).isEqualTo("请补充催收记录");
        assertThat(returned.get("managers")).isNotEmpty();
        assertThat(legal.put(base, form(REASON)).status()).isEqualTo(200);
        assertThat(legal.post(base + "/submission", Map.of("declaration", true)).status()).isEqualTo(200);

        // accept: 15 working days from Monday 2024-06-17; then decide and pay
        assertThat(legal.post("/api/review/claims/" + claim + "/accept", "").status()).isEqualTo(403);
        JsonNode accepted = reviewer.post("/api/review/claims/" + claim + "/accept", "").json();
        assertThat(accepted.get("decisionDueOn").asText()).isEqualTo("2024-07-08");
        assertThat(accepted.get("greenChannel").asBoolean()).isFalse();
        // #14: the payout panel first, computed as the payment will be; bad amounts named; the reviewer's alone
        String preview = "/api/review/claims/" + claim + "/payout-preview";
        JsonNode panel = reviewer.json(preview + "?loss=440000");
        assertThat(panel.get("indemnityRatio").asText()).isEqualTo("0.80");
        assertThat(panel.get("perBuyerLeftCents").asLong()).isEqualTo(panel.get("perBuyerLimitCents").asLong());
        assertThat(panel.get("paidOnPolicyCents").asLong()).isZero();
        assertThat(panel.at("/payout/payoutCents").asLong()).isEqualTo(15_000_000L);
        TestServer.Response badPreview = reviewer.get(preview + "?loss=1.234&aggregateLimit=-5");
        assertThat(badPreview.status()).isEqualTo(400);
        assertThat(badPreview.json().get("errors").findValuesAsText("field")).containsExactly("loss", "aggregateLimit");
        assertThat(legal.get(preview + "?loss=1").status()).isEqualTo(403);
        TestServer.Response paid = reviewer.post("/api/review/claims/" + claim + "/payment", Map.of("loss", "440000"));
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        assertThat(paid.json().get("payoutCents").asLong()).isEqualTo(15_000_000L);
        JsonNode history = legal.json(base).get("history");
        assertThat(List.of(history.get(0).get("kind").asText(), history.get(1).get("kind").asText(),
                history.get(2).get("kind").asText(), history.get(3).get("kind").asText(),
                history.get(4).get("kind").asText())).containsExactly("SUBMITTED", "RETURNED", "SUBMITTED",
                "ACCEPTED", "PAID");
        assertThat(legal.json("/api/claims/policies").get("items").get(0).get("claims").get(0).get("state").asText())
                .isEqualTo("PAID");
        assertThat(other.get(base).status()).isEqualTo(404);
        assertThat(reviewer.get(preview).status()).isEqualTo(409); // paid: nothing left to preview
    }

    /**
     * The declaration check's flags in the claim's JSON, for the enterprise and the reviewer: a declaration the paid
     * claim took (ALREADY_CLAIMED, blocks), one to another country and exported before the cover (OTHER_COUNTRY,
     * OUTSIDE_PERIOD: warnings), one customs does not hold (✗, blocks).
     */
    @Test
    @Order(2)
    void theCheckFlagsEachShipmentAndADeclarationAlreadyClaimedBlocks() {
        ApiClient legal = ApiClient.demo(server, "szt-legal");
        ApiClient reviewer = ApiClient.demo(server, "reviewer");
        JsonNode policy = legal.json("/api/claims/policies").get("items").get(0).get("policy");
        long policyId = policy.get("id").asLong();
        java.time.LocalDate cover = java.time.LocalDate.parse(policy.get("coverStart").asText());
        String customs = "number,consignor_uscc,bill_of_lading_no,trade_country,export_date,exit_office,transport_mode,"
                + "hs_code,goods_name,quantity,unit,unit_price,total,currency\n530120240000000654,"
                + DemoWorld.CREDIT_ENTERPRISE.uscc() + ",COSU6240000654,DE," + cover.minusDays(40) + ",5301,2,8471300000,"
                + "笔记本电脑,100,台,360.00,36000.00,USD\n";
        assertThat(reviewer.post("/api/customs/import?kind=declarations", customs.getBytes(StandardCharsets.UTF_8),
                "text/csv").status()).isEqualTo(201);
        TestServer.Response created = legal.post("/api/claims/policies/" + policyId + "/claims", form(REASON));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String base = "/api/claims/" + created.json().get("id").asLong();
        String taken = "530120240000000321"; // the paid claim's
        long[] ids = new long[3];
        String[] numbers = {taken, "530120240000000654", "530120240000000655"};
        for (int i = 0; i < 3; i++) {
            TestServer.Response r = legal.post(base + "/shipments", new LinkedHashMap<>(Map.of("invoiceNo", "FLAG-" + i,
                    "hsCode", "85171200", "shippedOn", cover.toString(), "paymentMethod", "OA", "termDays", "60",
                    "invoiceAmount", "1000", "claimedAmount", "1000", "collectionStatus", "NONE", "transportMode", "SEA",
                    "declarations", numbers[i])));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            ids[i] = r.json().get("id").asLong();
        }
        for (ApiClient who : List.of(legal, reviewer)) {
            JsonNode checks = who.json(base).get("checks");
            assertThat(checks).hasSize(3);
            assertThat(checks.get(0).get("declarations").get(0).get("ok").asBoolean()).isTrue();
            assertThat(checks.get(0).get("declarations").get(0).get("flags").findValuesAsText("code"))
                    .containsExactly("ALREADY_CLAIMED");
            assertThat(checks.get(0).get("blocking").asBoolean()).isTrue();
            assertThat(checks.get(1).get("declarations").get(0).get("flags").findValuesAsText("code"))
                    .containsExactly("OTHER_COUNTRY", "OUTSIDE_PERIOD");
            assertThat(checks.get(1).get("declarations").get(0).get("flags").findValuesAsText("zh").get(0))
                    .contains("DE", "AE");
            assertThat(checks.get(1).get("blocking").asBoolean()).isFalse();
            assertThat(checks.get(1).get("warning").asBoolean()).isTrue();
            assertThat(checks.get(2).get("declarations").get(0).get("ok").asBoolean()).isFalse();
            assertThat(checks.get(2).get("declarations").get(0).get("resultZh").asText()).isEqualTo("未查询到符合条件的数据");
            assertThat(checks.get(2).get("blocking").asBoolean()).isTrue();
        }
        assertThat(legal.post(base + "/shipment-report", "").status()).isEqualTo(201);
        TestServer.Response refused = legal.post(base + "/submission", Map.of("declaration", true));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").findValuesAsText("field")).containsExactly("declarations", "declarations");
        assertThat(refused.body()).contains("报关单已用于其他索赔申请：" + taken, "未查询到符合条件的报关单数据：530120240000000655");
        long taken654 = server.app().database().read(tx -> tx.number("SELECT COUNT(*) FROM claimed_declarations"
                + " WHERE number = '530120240000000654'"));
        assertThat(taken654).isZero();

        // without the blocking ones, the warnings go to the reviewer with the claim
        assertThat(legal.delete(base + "/shipments/" + ids[0]).status()).isEqualTo(204);
        assertThat(legal.delete(base + "/shipments/" + ids[2]).status()).isEqualTo(204);
        assertThat(legal.post(base + "/submission", Map.of("declaration", true)).body()).contains("shipmentReport");
        assertThat(legal.post(base + "/shipment-report", "").status()).isEqualTo(201);
        TestServer.Response submitted = legal.post(base + "/submission", Map.of("declaration", true));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        JsonNode seen = reviewer.json(base);
        assertThat(seen.get("checks").get(0).get("warning").asBoolean()).isTrue();
        assertThat(seen.get("shipmentReport").get("current").asBoolean()).isTrue();
    }

    @Test
    @Order(3)
    void aClaimFormIsCheckedWholeTheNewBuyerAndAnUnknownBuyerIdNamedWithTheRest() { // #13
        ApiClient legal = ApiClient.demo(server, "szt-legal");
        long policyId = legal.json("/api/claims/policies").get("items").get(0).get("policy").get("id").asLong();
        long buyers = count("SELECT COUNT(*) FROM buyers");
        long claims = count("SELECT COUNT(*) FROM claims");
        Map<String, Object> f = form("太短");
        f.put("buyerId", 999_999);
        f.put("newBuyer", Map.of("nameEn", "", "country", "ZZ", "address", "Dubai"));
        f.put("answers", Map.of("DISPUTE", "perhaps", "REPORTED_LOSS", true, "DEBT_ACKNOWLEDGED", false,
                "FINANCING", false));
        f.put("lossCause", "NO_SUCH_CAUSE");
        TestServer.Response bad = legal.post("/api/claims/policies/" + policyId + "/claims", f);
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(fields(bad)).containsExactlyInAnyOrder("buyerId", "newBuyer.nameEn", "newBuyer.country", "newBuyer",
                "answers.DISPUTE", "lossCause", "reason");
        assertThat(bad.body()).contains("no such buyer: 999999");

        // another enterprise's own buyer: the same words as for one that does not exist
        TestServer.Response hnBuyer = ApiClient.demo(server, "hn-legal").post("/api/buyers",
                Map.of("nameEn", "Henan Partner Imports LLC", "country", "AE"));
        assertThat(hnBuyer.status()).as(hnBuyer.body()).isEqualTo(201);
        long hnId = hnBuyer.json().get("buyer").get("id").asLong();
        Map<String, Object> g = form("太短");
        g.put("buyerId", hnId);
        TestServer.Response hidden = legal.post("/api/claims/policies/" + policyId + "/claims", g);
        assertThat(hidden.status()).isEqualTo(400);
        assertThat(fields(hidden)).containsExactlyInAnyOrder("buyerId", "reason");
        assertThat(hidden.body()).contains("no such buyer: " + hnId + " (choose one");

        assertThat(count("SELECT COUNT(*) FROM buyers")).isEqualTo(buyers + 1);
        assertThat(count("SELECT COUNT(*) FROM claims")).isEqualTo(claims);
    }

    private static List<String> fields(TestServer.Response r) {
        List<String> out = new java.util.ArrayList<>();
        r.json().get("errors").forEach(e -> out.add(e.get("field").asText()));
        return out;
    }

    private long count(String sql) {
        return server.app().database().read(tx -> tx.number(sql));
    }
}
