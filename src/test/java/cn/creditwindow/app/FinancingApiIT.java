package cn.creditwindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.TestClock;
import cn.creditwindow.config.Config;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The financing marketplace over HTTP against the real server: the products are public; the demo's Shenzhen trading
 * enterprise (effective policy) applies for the policy-backed loan — bad input is named field by field and saves
 * nothing, a second open application is refused — while the Shenzhen enterprise without a policy is refused that
 * product but may apply for receivables financing; tenancy (another enterprise 404, the Shenzhen manager sees both,
 * the reviewer all); the reviewer exports one bank's applications as CSV and records the bank's decision, which the
 * applicant is told by SMS; a decided application cannot be decided again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FinancingApiIT {
    private TestServer server;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        server = TestServer.start(dir, null, null, new TestClock(Instant.parse("2024-06-17T01:00:00Z")));
        DemoWorld world = DemoWorld.create(server.app());
        world.effectiveCreditPolicy(server.app(), Config.CHINA);
    }

    @AfterAll
    void stop() throws IOException {
        server.close();
    }

    private static Map<String, Object> form(Object amount, Object term, String mobile) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("amountYuan", amount);
        f.put("termMonths", term);
        f.put("purpose", "采购原材料，履行阿联酋买方订单");
        f.put("contactName", "示例联系人");
        f.put("mobile", mobile);
        f.put("email", "finance_1-a@example.com");
        return f;
    }

    @Test
    void productsArePublicDataAndAnUnknownProductIsA404() {
        ApiClient anonymous = ApiClient.anonymous(server);
        JsonNode items = anonymous.json("/api/financing/products").get("items");
        assertThat(items).hasSize(4);
        assertThat(items.findValuesAsText("id")).containsExactly("policy-loan", "insured-receivables", "receivables",
                "micro-credit");
        assertThat(items.get(0).get("bankZh").asText()).contains("示例");
        assertThat(items.get(0).get("requiresEffectivePolicy").asBoolean()).isTrue();
        JsonNode loan = anonymous.json("/api/financing/products/policy-loan");
        assertThat(loan.get("minYuan").asLong()).isEqualTo(100_000);
        assertThat(loan.get("maxYuan").asLong()).isEqualTo(3_000_000);
        assertThat(anonymous.get("/api/financing/products/no-such-product").status()).isEqualTo(404);
        assertThat(ApiClient.demo(server, "szt-legal").post("/api/financing/products/no-such-product/applications",
                form(200_000, 6, "13800000004")).status()).isEqualTo(404);
    }

    @Test
    void applyingTenancyExportAndTheBanksDecision() {
        ApiClient szt = ApiClient.demo(server, "szt-legal");
        ApiClient sz = ApiClient.demo(server, "sz-legal");
        ApiClient hn = ApiClient.demo(server, "hn-legal");
        ApiClient manager = ApiClient.demo(server, "manager");
        ApiClient reviewer = ApiClient.demo(server, "reviewer");
        String apply = "/api/financing/products/policy-loan/applications";

        // bad input: every bad field named in Chinese and English, nothing saved
        Map<String, Object> bad = form(50, 13, "12345");
        bad.put("purpose", "");
        bad.put("contactName", " ");
        bad.put("email", "not-an-address");
        TestServer.Response refused = szt.post(apply, bad);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("amountYuan",
                "termMonths", "purpose", "contactName", "mobile", "email");
        assertThat(refused.body()).contains("申请金额应在 100000 至 3000000 元之间", "融资期限应在 1 至 12 个月之间",
                "手机号码格式不正确", "the amount must be from 100000 to 3000000 yuan");
        Map<String, Object> missing = form(null, null, null);
        assertThat(szt.post(apply, missing).json().get("errors").findValuesAsText("zh"))
                .contains("请填写申请金额（元）", "请填写融资期限（月）", "请填写手机号码");
        assertThat(szt.post(apply, form("many", 6, "13800000004")).json().get("errors").findValuesAsText("field"))
                .containsExactly("amountYuan");
        Map<String, Object> extra = form(200_000, 6, "13800000004");
        extra.put("state", "APPROVED");
        assertThat(szt.post(apply, extra).status()).isEqualTo(400);
        assertThat(szt.json("/api/financing/applications").get("items")).isEmpty();

        // the policy-backed loan needs an effective policy: the Shenzhen enterprise has none
        TestServer.Response noPolicy = sz.post(apply, form(200_000, 6, "13800000001"));
        assertThat(noPolicy.status()).isEqualTo(409);
        assertThat(noPolicy.body()).contains("需要有效的出口信用保险保单");
        assertThat(sz.json("/api/financing/applications").get("items")).isEmpty();
        TestServer.Response receivables = sz.post("/api/financing/products/receivables/applications",
                form(500_000, 6, "138-0000-0001"));
        assertThat(receivables.status()).as(receivables.body()).isEqualTo(201);
        assertThat(receivables.json().get("mobile").asText()).isEqualTo("13800000001");
        assertThat(receivables.json().get("policyId").isNull()).isTrue();

        // the credit enterprise applies; a second open application of the same product is refused
        TestServer.Response created = szt.post(apply, form(200_000, 6, "13800000004"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode a = created.json();
        long id = a.get("id").asLong();
        assertThat(a.get("state").asText()).isEqualTo("SUBMITTED");
        assertThat(a.get("bankName").asText()).isEqualTo("示例甲银行深圳分行");
        assertThat(a.get("productName").asText()).isEqualTo("信保贷（示例产品）");
        assertThat(a.get("policyNumber").asText()).isNotBlank();
        assertThat(a.get("enterpriseName").asText()).isEqualTo(DemoWorld.CREDIT_ENTERPRISE.nameZh());
        TestServer.Response again = szt.post(apply, form(300_000, 3, "13800000004"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("请勿重复申请");
        assertThat(szt.json("/api/financing/applications").get("items")).hasSize(1);

        // tenancy: another enterprise 404, the Shenzhen manager sees both Shenzhen enterprises', the reviewer all
        assertThat(hn.get("/api/financing/applications/" + id).status()).isEqualTo(404);
        assertThat(hn.json("/api/financing/applications").get("items")).isEmpty();
        assertThat(hn.post("/api/financing/applications/" + id + "/decision",
                Map.of("decision", "APPROVED", "note", "批准")).status()).isEqualTo(403);
        assertThat(manager.json("/api/financing/applications").get("items")).hasSize(2);
        assertThat(manager.get("/api/financing/applications/" + id).status()).isEqualTo(200);
        assertThat(reviewer.json("/api/financing/applications?state=SUBMITTED").get("items")).hasSize(2);
        assertThat(reviewer.json("/api/financing/applications?bank=" + TestServer.enc("示例甲银行深圳分行"))
                .get("items")).hasSize(1);
        assertThat(reviewer.get("/api/financing/applications?state=MAYBE").status()).isEqualTo(400);
        // #13: paged, the filters narrowing the total; the state and the page both refused in one answer
        assertThat(PagedLists.readAll(manager, "/api/financing/applications", 1)).hasSize(2);
        assertThat(PagedLists.readAll(reviewer, "/api/financing/applications?bank="
                + TestServer.enc("示例甲银行深圳分行"), 1)).hasSize(1);

        // the export for the bank: one bank's applications, Chinese intact, staff only
        TestServer.Response csv = reviewer.get("/api/financing/applications.csv?bank=" + TestServer.enc("示例甲银行深圳分行"));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.raw().headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        String[] lines = csv.body().strip().split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("\uFEFF申请编号 id,银行 bank");
        assertThat(lines[1]).startsWith(id + ",示例甲银行深圳分行,信保贷（示例产品）," + DemoWorld.CREDIT_ENTERPRISE.nameZh())
                .contains(",200000,6,", ",13800000004,", ",SUBMITTED,");
        assertThat(szt.get("/api/financing/applications.csv").status()).isEqualTo(403);

        // the bank's decision, recorded by the reviewer: bad input named, then recorded once, told by SMS
        TestServer.Response badDecision = reviewer.post("/api/financing/applications/" + id + "/decision",
                Map.of("decision", "MAYBE", "note", ""));
        assertThat(badDecision.status()).isEqualTo(400);
        assertThat(badDecision.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("decision", "note");
        assertThat(szt.json("/api/financing/applications/" + id).get("state").asText()).isEqualTo("SUBMITTED");
        assertThat(szt.post("/api/financing/applications/" + id + "/decision",
                Map.of("decision", "APPROVED", "note", "批准")).status()).isEqualTo(403);
        TestServer.Response decided = reviewer.post("/api/financing/applications/" + id + "/decision",
                Map.of("decision", "APPROVED", "note", "银行批准 20 万元，期限 6 个月"));
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(decided.json().get("state").asText()).isEqualTo("APPROVED");
        assertThat(decided.json().get("decidedByName").asText()).isEqualTo("示例审核员");
        assertThat(reviewer.post("/api/financing/applications/" + id + "/decision",
                Map.of("decision", "DECLINED", "note", "再次登记")).status()).isEqualTo(409);
        JsonNode mine = szt.json("/api/financing/applications/" + id);
        assertThat(mine.get("state").asText()).isEqualTo("APPROVED");
        assertThat(mine.get("decisionNote").asText()).isEqualTo("银行批准 20 万元，期限 6 个月");
        assertThat(szt.json("/api/outbox").toString()).contains("融资申请结果", "银行已批准", "银行批准 20 万元");
        // decided, the product may be applied for again
        assertThat(szt.post(apply, form(300_000, 3, "13800000004")).status()).isEqualTo(201);
    }
}
