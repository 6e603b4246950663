package cn.creditwindow.app;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole claim over HTTP against the real server: the demo's Shenzhen trading enterprise (its policy made effective
 * by walking the real enrolment on 2024-06-17) finds its policy in the list, drafts a claim, imports shipments from
 * the template (a bad file refused row by row, nothing saved), submits; the reviewer returns it with a reason, the
 * enterprise sees the reason and its account manager, fixes and resubmits; the reviewer accepts (due date 15 working
 * days on) and pays seed 000 case 1 (440k USD loss → 150k USD). Another enterprise gets 404 on every claim URL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
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

        // submit: the declaration first; then read-only
        assertThat(legal.post(base + "/submission", Map.of("declaration", false)).status()).isEqualTo(400);
        TestServer.Response submitted = legal.post(base + "/submission", Map.of("declaration", true));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(legal.put(base, form(REASON)).status()).isEqualTo(409);
        assertThat(legal.delete(base + "/shipments/" + shipment).status()).isEqualTo(409);

        // the reviewer returns it; the enterprise sees why and whom to ask, fixes and resubmits
        assertThat(reviewer.json("/api/review/claims").get("items").toString()).contains("\"id\":" + claim + ",");
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
    }
}
