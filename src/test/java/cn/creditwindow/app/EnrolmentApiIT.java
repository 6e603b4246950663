package cn.creditwindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.PdfText;
import cn.creditwindow.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole enrolment journey over HTTP against the real application: an administrator imports, publishes and
 * confirms an eligible list; the enterprise (operator and legal representative) applies with a verification
 * code read from its outbox; the reviewer returns it with a reason, then accepts the resubmission; the
 * enterprise acknowledges receipt and downloads both PDFs. Bad input and others' records are refused with
 * 4xx, and the state after each refusal is checked. The application runs on a clock the test moves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EnrolmentApiIT {
    private static final Pattern CODE = Pattern.compile("验证码为 (\\d{6})");
    private static final String PASSWORD = DemoWorld.PASSWORD;
    private TestServer server;
    private TestClock clock;
    private ApiClient admin;
    private ApiClient reviewer;
    private ApiClient manager;
    private ApiClient hnLegal;
    private ApiClient hnOperator;
    private ApiClient szLegal;
    private long hnPolicy;
    private long szPolicy;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        clock = new TestClock(Instant.parse("2024-06-17T01:00:00Z")); // 09:00 in China
        server = TestServer.start(dir, null, null, clock);
        DemoWorld.create(server.app());
        admin = ApiClient.signIn(server, "admin", PASSWORD);
        reviewer = ApiClient.signIn(server, "reviewer", PASSWORD);
        manager = ApiClient.signIn(server, "manager", PASSWORD);
        hnLegal = ApiClient.signIn(server, "hn-legal", PASSWORD);
        hnOperator = ApiClient.signIn(server, "hn-operator", PASSWORD);
        szLegal = ApiClient.signIn(server, "sz-legal", PASSWORD);
    }

    @AfterAll
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void aBadListIsRefusedWholeAndOnlyAdministratorsImport() {
        String bad = "USCC,name,exports,district\n914101007Q3R8K2M4H,郑州示例纺织品有限公司,150000,410100\n"
                + "91410105MA00000016,甲,abc,410105\n";
        TestServer.Response r = admin.post("/api/admin/eligible-lists?scheme=henan-2024-small", bytes(bad), "text/csv");
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(fields(r.json())).containsExactly("line2.uscc", "line3.exports");
        assertThat(r.json().get("messageZh").asText()).contains("校验位错误");
        assertThat(admin.json("/api/admin/eligible-lists").get("items")).isEmpty();
        assertThat(hnLegal.post("/api/admin/eligible-lists?scheme=henan-2024-small", bytes(bad), "text/csv").status())
                .isEqualTo(403);
        assertThat(admin.post("/api/admin/eligible-lists?scheme=nowhere-2024", bytes(bad), "text/csv").status())
                .isEqualTo(400);
    }

    @Test
    @Order(2)
    void anAdministratorImportsPublishesAndConfirmsAfterThePeriod() {
        long henan = importList("henan-2024-small", "统一社会信用代码,企业名称,上年出口额（美元）,行政区划代码\n"
                + "914101007Q3R8K2M4G,郑州示例纺织品有限公司,150000,410100\n");
        long shenzhen = importList("shenzhen-2023", "\uFEFFUSCC,name,exports,district\n"
                + "914403065X7D8E2A1J,深圳市示例电子科技有限公司,3000000,440306\n");
        assertThat(publish(henan, "2024-06-03", "2024-06-20").status()).isEqualTo(200);
        TestServer.Response early = admin.post("/api/admin/eligible-lists/" + henan + "/confirmation", "{}");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("messageZh").asText()).contains("2024-06-20", "2024-06-21 起方可确认");
        assertThat(admin.json("/api/admin/eligible-lists/" + henan).get("list").get("state").asText()).isEqualTo("PUBLISHED");
        assertThat(publish(henan, "2024-06-20", "2024-06-03").status()).isEqualTo(400);
        assertThat(publish(henan, "2024-06-03", "2024-06-16").status()).isEqualTo(200);
        JsonNode confirmed = admin.post("/api/admin/eligible-lists/" + henan + "/confirmation", "{}").json();
        assertThat(confirmed.get("entries").get(0).get("outcome").asText()).isEqualTo("PUSHED");
        hnPolicy = confirmed.get("entries").get(0).get("policyId").asLong();
        assertThat(publish(shenzhen, "2024-06-03", "2024-06-16").status()).isEqualTo(200);
        szPolicy = admin.post("/api/admin/eligible-lists/" + shenzhen + "/confirmation", "{}").json()
                .get("entries").get(0).get("policyId").asLong();
    }

    @Test
    @Order(3)
    void theEnterpriseSeesItsPendingPolicyAndNobodyElsesIt() {
        JsonNode list = hnOperator.json("/api/policies");
        assertThat(list.get("items")).hasSize(1);
        assertThat(list.get("counts").get("pending").asInt()).isEqualTo(1);
        JsonNode p = hnLegal.json("/api/policies/" + hnPolicy);
        assertThat(p.get("step").asInt()).isEqualTo(2);
        assertThat(p.get("policy").get("premiumCents").asLong()).isEqualTo(20_000L); // 120 USD → minimum 200 USD
        assertThat(p.get("policy").get("enterprisePartCents").asLong()).isZero();
        assertThat(p.get("organisationCode").asText()).isEqualTo("7Q3R8K2M-4");
        assertThat(p.get("insurer").get("nameZh").asText()).isEqualTo("中国出口信用保险公司");
        // another enterprise's policy, a guessed id, and a manager outside the portfolio: 404
        assertThat(szLegal.get("/api/policies/" + hnPolicy).status()).isEqualTo(404);
        assertThat(szLegal.post("/api/policies/" + hnPolicy + "/verification-code", contact("13912345678")).status())
                .isEqualTo(404);
        assertThat(hnLegal.get("/api/policies/999999").status()).isEqualTo(404);
        assertThat(manager.get("/api/policies/" + hnPolicy).status()).isEqualTo(404);
        assertThat(manager.json("/api/policies/" + szPolicy).get("policy").get("id").asLong()).isEqualTo(szPolicy);
        assertThat(manager.json("/api/policies").get("items")).extracting(n -> n.get("id").asLong()).containsExactly(szPolicy);
        // #13: policies, eligible lists and a list's rows are paged; the counts stay beside the page
        assertThat(PagedLists.readAll(manager, "/api/policies", 1)).containsExactly(String.valueOf(szPolicy));
        assertThat(hnOperator.json("/api/policies?size=1&page=2").get("counts").get("pending").asInt()).isEqualTo(1);
        assertThat(PagedLists.readAll(reviewer, "/api/policies", 2))
                .hasSize((int) PagedLists.count(server, "SELECT COUNT(*) FROM policies"));
        List<String> eligibleLists = PagedLists.readAll(admin, "/api/admin/eligible-lists", 1);
        assertThat(eligibleLists).hasSize((int) PagedLists.count(server, "SELECT COUNT(*) FROM eligible_lists"));
        for (String listId : eligibleLists) {
            assertThat(PagedLists.readAll(admin, "/api/admin/eligible-lists/" + listId, 1, "entries", "id")).hasSize(
                    (int) PagedLists.count(server, "SELECT COUNT(*) FROM eligible_entries WHERE list_id = ?",
                            Long.parseLong(listId)));
        }
        assertThat(manager.post("/api/policies/" + szPolicy + "/verification-code", contact("13912345678")).status())
                .isEqualTo(403);
    }

    @Test
    @Order(4)
    void applyingWaitsForTheAgreementAndTheDataAuthorisation() {
        // the demo world's Zhengzhou agreement awaits the insurer's countersignature (seed 002's order)
        TestServer.Response early = hnOperator.post("/api/policies/" + hnPolicy + "/verification-code",
                contact("13912345678"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("messageZh").asText()).contains("/agreements", "签署服务协议", "完成企业数据授权");
        assertThat(early.json().get("message").asText()).contains("sign the service agreement");
        assertThat(hnOperator.json("/api/outbox").get("items")).allSatisfy(n ->
                assertThat(n.get("text").asText()).doesNotContain("验证码为"));
        long agreement = hnLegal.json("/api/agreements").get("items").get(0).get("id").asLong();
        assertThat(reviewer.post("/api/agreements/" + agreement + "/countersign", "{}").status()).isEqualTo(200);
        TestServer.Response stillNot = hnOperator.post("/api/policies/" + hnPolicy + "/verification-code",
                contact("13912345678"));
        assertThat(stillNot.status()).isEqualTo(409);
        assertThat(stillNot.json().get("messageZh").asText()).contains("完成企业数据授权").doesNotContain("签署服务协议");
        assertThat(hnLegal.post("/api/data-authorisations", Map.of("agree", true)).status()).isEqualTo(201);
    }

    @Test
    @Order(5)
    void badInputIsRefusedFieldByFieldAndNothingIsSaved() {
        TestServer.Response r = hnOperator.post("/api/policies/" + hnPolicy + "/application", Map.of("contactName", "",
                "mobile", "1234567", "email", "a@@b", "declaration", false, "code", "12"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(fields(r.json())).containsExactly("contactName", "mobile", "email", "declaration", "code");
        TestServer.Response extra = hnOperator.post("/api/policies/" + hnPolicy + "/application",
                "{\"contactName\":\"王芳\",\"mobile\":\"13912345678\",\"email\":\"a@example.com\",\"declaration\":true,"
                        + "\"code\":\"123456\",\"insurerName\":\"某保险公司\"}");
        assertThat(extra.status()).isEqualTo(400);
        assertThat(fields(extra.json())).containsExactly("insurerName");
        TestServer.Response badMobile = hnOperator.post("/api/policies/" + hnPolicy + "/verification-code",
                Map.of("contactName", "王芳", "mobile", "12345678901", "email", "wang_fang-1@example.com"));
        assertThat(badMobile.status()).isEqualTo(400);
        assertThat(fields(badMobile.json())).containsExactly("mobile");
        assertThat(hnOperator.json("/api/outbox").get("items")).allSatisfy(n ->
                assertThat(n.get("subject").asText()).doesNotContain("验证码"));
        JsonNode p = hnOperator.json("/api/policies/" + hnPolicy);
        assertThat(p.get("policy").get("state").asText()).isEqualTo("PENDING");
        assertThat(p.get("applications")).isEmpty();
    }

    // #13: codes were per person, so the operator's code lived on after the legal representative asked for newer
    // ones, and a right code typed by the other person counted as a wrong try
    @Test
    @Order(6)
    void anApplicationHasOneLiveCodeWhoeverAskedAndOnlyWhoAskedMayUseIt() {
        requestCode(hnOperator, "13912345678");
        String operators = codeSentTo(hnOperator, "13912345678");
        for (int i = 0; i < 3; i++) {
            requestCode(hnLegal, "13700001111");
        }
        String legals = codeSentTo(hnLegal, "13700001111");
        // the operator's code died with the legal representative's first request
        TestServer.Response old = submit(hnOperator, "13912345678", operators);
        assertThat(old.status()).isEqualTo(400);
        assertThat(old.json().at("/errors/0/field").asText()).isEqualTo("code");
        assertThat(old.json().at("/errors/0/zh").asText()).contains("示例法人", "137****1111").doesNotContain("13700001111");
        assertThat(old.json().at("/errors/0/en").asText()).contains("137****1111");
        // the legal representative's live code typed by the operator: refused, no try spent
        TestServer.Response other = submit(hnOperator, "13700001111", legals);
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.json().at("/errors/0/zh").asText()).contains("只能由其本人使用");
        assertThat(hnLegal.json("/api/policies/" + hnPolicy).get("applications")).isEmpty();
        // the page shows each of them where the live code went
        assertThat(hnOperator.get("/enrolment/policies/" + hnPolicy).body()).contains("id=\"code-other\"", "137****1111");
        assertThat(hnLegal.get("/enrolment/policies/" + hnPolicy).body()).contains("id=\"code-sent\"", "137****1111",
                "还可尝试 5 次");
        // the operator asks again: the legal representative's code dies, and the operator's works for the operator
        requestCode(hnOperator, "13912345678");
        TestServer.Response replaced = submit(hnLegal, "13700001111", legals);
        assertThat(replaced.status()).isEqualTo(400);
        assertThat(replaced.json().at("/errors/0/zh").asText()).contains("139****5678");
        String fresh = codeSentTo(hnOperator, "13912345678");
        assertThat(hnLegal.get("/enrolment/policies/" + hnPolicy).body()).contains("id=\"code-other\"");
        assertThat(submit(hnLegal, "13912345678", fresh).status()).isEqualTo(400);
        assertThat(hnOperator.get("/enrolment/policies/" + hnPolicy).body()).contains("还可尝试 5 次");
        assertThat(hnLegal.json("/api/policies/" + hnPolicy).get("applications")).isEmpty();
    }

    @Test
    @Order(7)
    void fiveWrongCodesKillTheCodeThenTheOperatorApplies() {
        requestCode(hnOperator, "13912345678");
        for (int left = 4; left >= 0; left--) {
            TestServer.Response r = submit(hnOperator, "13912345678", "000000".equals(latestCode(hnOperator)) ? "111111" : "000000");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.json().get("errors").get(0).get("en").asText()).contains(left + (left == 1 ? " try" : " tries") + " left");
        }
        TestServer.Response dead = submit(hnOperator, "13912345678", latestCode(hnOperator));
        assertThat(dead.status()).isEqualTo(400);
        assertThat(dead.json().get("errors").get(0).get("zh").asText()).contains("失效");
        assertThat(hnOperator.json("/api/policies/" + hnPolicy).get("applications")).isEmpty();

        String code = requestCode(hnOperator, "13912345678");
        TestServer.Response ok = submit(hnOperator, "13912345678", code);
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(hnLegal.json("/api/policies/" + hnPolicy).get("policy").get("state").asText()).isEqualTo("APPLIED");
        // applying twice: the used code, and a new code for an applied policy
        assertThat(submit(hnOperator, "13912345678", code).status()).isEqualTo(409);
        TestServer.Response again = hnLegal.post("/api/policies/" + hnPolicy + "/verification-code", contact("13912345678"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("messageZh").asText()).contains("请勿重复投保");
        assertThat(hnLegal.json("/api/policies/" + hnPolicy).get("applications")).hasSize(1);
    }

    @Test
    @Order(8)
    void theReviewerReturnsWithAReasonAndTheLegalRepresentativeResubmits() {
        JsonNode queue = reviewer.json("/api/review/applications");
        assertThat(PagedLists.readAll(reviewer, "/api/review/applications", 1, "items", "/application/id")) // #13
                .hasSize(queue.get("items").size());
        assertThat(queue.get("items")).hasSize(1);
        long application = queue.get("items").get(0).get("application").get("id").asLong();
        assertThat(hnOperator.post("/api/review/applications/" + application + "/accept", "{}").status()).isEqualTo(403);
        assertThat(hnOperator.get("/api/review/applications").status()).isEqualTo(403);
        assertThat(reviewer.post("/api/review/applications/" + application + "/return", Map.of("reason", " ")).status())
                .isEqualTo(400);
        assertThat(hnLegal.json("/api/policies/" + hnPolicy).get("policy").get("state").asText()).isEqualTo("APPLIED");
        TestServer.Response returned = reviewer.post("/api/review/applications/" + application + "/return",
                Map.of("reason", "联系人邮箱请使用企业邮箱"));
        assertThat(returned.status()).isEqualTo(200);
        assertThat(reviewer.post("/api/review/applications/" + application + "/accept", "{}").status()).isEqualTo(409);
        JsonNode p = hnLegal.json("/api/policies/" + hnPolicy);
        assertThat(p.get("policy").get("state").asText()).isEqualTo("RETURNED");
        assertThat(p.get("applications").get(0).get("returnReason").asText()).isEqualTo("联系人邮箱请使用企业邮箱");
        assertThat(hnLegal.json("/api/policies").get("counts").get("returned").asInt()).isEqualTo(1);
        assertThat(hnLegal.json("/api/outbox").get("items").get(0).get("subject").asText()).contains("退回");

        // an expired code, then a fresh one
        requestCode(hnLegal, "13700001111");
        String stale = latestCode(hnLegal);
        clock.advance(Duration.ofMinutes(5));
        TestServer.Response expired = submit(hnLegal, "13700001111", stale);
        assertThat(expired.status()).isEqualTo(400);
        assertThat(expired.json().get("errors").get(0).get("zh").asText()).contains("已过期");
        assertThat(hnLegal.json("/api/policies/" + hnPolicy).get("policy").get("state").asText()).isEqualTo("RETURNED");
        String code = requestCode(hnLegal, "13700001111");
        assertThat(submit(hnLegal, "13700001111", code).status()).isEqualTo(201);
    }

    @Test
    @Order(9)
    void acceptedReceivedAndBothDocumentsReadBack() throws Exception {
        long application = reviewer.json("/api/review/applications").get("items").get(0).get("application").get("id").asLong();
        JsonNode effective = reviewer.post("/api/review/applications/" + application + "/accept", "{}").json();
        assertThat(effective.get("state").asText()).isEqualTo("EFFECTIVE");
        assertThat(effective.get("receipt").asText()).isEqualTo("PENDING");
        assertThat(effective.get("issuedOn").asText()).isEqualTo("2024-06-17");
        assertThat(effective.get("coverStart").asText()).isEqualTo("2024-09-01"); // collected ahead of the year
        String number = effective.get("policyNumber").asText();
        assertThat(hnOperator.json("/api/policies").get("counts").get("effectiveNotices").asInt()).isEqualTo(1);
        assertThat(hnOperator.json("/api/outbox").get("items").get(0).get("subject").asText()).contains("保单生效通知");

        assertThat(reviewer.post("/api/policies/" + hnPolicy + "/receipt", "{}").status()).isEqualTo(403);
        JsonNode received = hnOperator.post("/api/policies/" + hnPolicy + "/receipt", "{}").json();
        assertThat(received.get("receipt").asText()).isEqualTo("RECEIVED");
        assertThat(hnOperator.post("/api/policies/" + hnPolicy + "/receipt", "{}").status()).isEqualTo(409);
        assertThat(hnOperator.json("/api/policies/" + hnPolicy).get("step").asInt()).isEqualTo(5);

        TestServer.Response form = hnLegal.get("/api/policies/" + hnPolicy + "/application.pdf");
        TestServer.Response policy = hnLegal.get("/api/policies/" + hnPolicy + "/policy.pdf");
        assertThat(form.status()).isEqualTo(200);
        assertThat(policy.status()).isEqualTo(200);
        assertThat(policy.raw().headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(PdfText.of(form.raw().body())).contains("小微企业", "郑州示例纺织品有限公司", "914101007Q3R8K2M4G", "13700001111");
        assertThat(PdfText.of(policy.raw().body())).contains("电子保单", number, "2024-09-01", "2025-08-31", "200.00");
        assertThat(szLegal.get("/api/policies/" + szPolicy + "/policy.pdf").status()).isEqualTo(409);
        assertThat(szLegal.get("/api/policies/" + hnPolicy + "/policy.pdf").status()).isEqualTo(404);
    }

    @Test
    @Order(10)
    void aSecondEnrolmentIsSkippedAndReported() {
        long again = importList("henan-2024-small", "USCC,name,exports,district\n"
                + "914101007Q3R8K2M4G,郑州示例纺织品有限公司,150000,410100\n");
        publish(again, "2024-06-01", "2024-06-10");
        JsonNode d = admin.post("/api/admin/eligible-lists/" + again + "/confirmation", "{}").json();
        assertThat(d.get("entries").get(0).get("outcome").asText()).isEqualTo("ACTIVE_POLICY");
        assertThat(hnLegal.json("/api/policies").get("items")).hasSize(1);
        assertThat(admin.post("/api/admin/eligible-lists/" + again + "/confirmation", "{}").status()).isEqualTo(409);
    }

    @Test
    @Order(11)
    void thePagesShowTheCountsAndTheSteps() {
        assertThat(hnLegal.get("/").body()).contains("企业投保", "保单生效通知");
        TestServer.Response page = hnLegal.get("/enrolment/policies/" + hnPolicy);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("已收悉", "step current");
        assertThat(szLegal.get("/enrolment/policies/" + hnPolicy).status()).isEqualTo(404);
        assertThat(reviewer.get("/enrolment/review").status()).isEqualTo(200);
        assertThat(hnLegal.get("/enrolment/review").status()).isEqualTo(403);
        TestServer.Response bad = szLegal.form("/enrolment/policies/" + szPolicy + "/application",
                "action=submit&contactName=&mobile=123&email=x");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("手机号码格式不正确", "请勾选");
    }

    // ---- helpers ----

    private long importList(String scheme, String csv) {
        TestServer.Response r = admin.post("/api/admin/eligible-lists?scheme=" + scheme, bytes(csv), "text/csv");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("list").get("id").asLong();
    }

    private TestServer.Response publish(long list, String start, String end) {
        return admin.post("/api/admin/eligible-lists/" + list + "/publication", Map.of("start", start, "end", end));
    }

    private static Map<String, String> contact(String mobile) {
        return Map.of("contactName", "王芳", "mobile", mobile, "email", "wang_fang-1@example.com");
    }

    private String requestCode(ApiClient who, String mobile) {
        TestServer.Response r = who.post("/api/policies/" + hnPolicy + "/verification-code", contact(mobile));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return latestCode(who);
    }

    private static String latestCode(ApiClient who) {
        for (JsonNode n : who.json("/api/outbox").get("items")) {
            Matcher m = CODE.matcher(n.get("text").asText());
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new AssertionError("no code in the outbox");
    }

    /** The newest code the outbox sent to this mobile. */
    private static String codeSentTo(ApiClient who, String mobile) {
        for (JsonNode n : who.json("/api/outbox").get("items")) {
            Matcher m = CODE.matcher(n.get("text").asText());
            if (n.get("address").asText().equals(mobile) && m.find()) {
                return m.group(1);
            }
        }
        throw new AssertionError("no code sent to " + mobile);
    }

    private TestServer.Response submit(ApiClient who, String mobile, String code) {
        return who.post("/api/policies/" + hnPolicy + "/application", Map.of("contactName", "王芳", "mobile", mobile,
                "email", "wang_fang-1@example.com", "declaration", true, "code", code));
    }

    private static List<String> fields(JsonNode error) {
        List<String> out = new ArrayList<>();
        error.get("errors").forEach(e -> out.add(e.get("field").asText()));
        return out;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

}
