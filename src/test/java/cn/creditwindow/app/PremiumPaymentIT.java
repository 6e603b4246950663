package cn.creditwindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.PdfText;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.User;
import cn.creditwindow.agreements.Agreement;
import cn.creditwindow.agreements.Agreements;
import cn.creditwindow.agreements.DataAuthorisations;
import cn.creditwindow.agreements.Seal;
import cn.creditwindow.agreements.Seals;
import cn.creditwindow.validation.Input;
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
import java.util.Set;
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
 * #14: the Henan medium scheme's premium payment over HTTP against the real application. The Luoyang demo
 * enterprise (ly-legal) applies; the reviewer accepts; the policy awaits the enterprise's 20% (待缴费) with the amount
 * and its formula; bad payments are refused field by field and leave nothing behind; the reviewer records the
 * payment, the policy is effective from that day and the enterprise sees its invoice; a second recording is 409;
 * only reviewers record, and others' policies answer 404.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PremiumPaymentIT {
    private static final Pattern CODE = Pattern.compile("验证码为 (\\d{6})");
    private static final String PASSWORD = DemoWorld.PASSWORD;
    private TestServer server;
    private TestClock clock;
    private ApiClient admin;
    private ApiClient reviewer;
    private ApiClient manager;
    private ApiClient lyLegal;
    private ApiClient lyOperator;
    private ApiClient hnLegal;
    private long policy;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        clock = new TestClock(Instant.parse("2024-08-20T01:00:00Z")); // 09:00 in China
        server = TestServer.start(dir, null, null, clock);
        DemoWorld.create(server.app());
        signIn();
    }

    /** Signs everyone in (again, after the clock moved past the sessions' lifetime). */
    private void signIn() {
        admin = ApiClient.signIn(server, "admin", PASSWORD);
        reviewer = ApiClient.signIn(server, "reviewer", PASSWORD);
        manager = ApiClient.signIn(server, "manager", PASSWORD);
        lyLegal = ApiClient.signIn(server, "ly-legal", PASSWORD);
        lyOperator = ApiClient.signIn(server, "ly-operator", PASSWORD);
        hnLegal = ApiClient.signIn(server, "hn-legal", PASSWORD);
    }

    @AfterAll
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void anAcceptedMediumApplicationAwaitsTheEnterprisesShareWithItsFormula() {
        TestServer.Response imported = admin.post("/api/admin/eligible-lists?scheme=henan-2024-medium",
                bytes("统一社会信用代码,企业名称,上年出口额（美元）,行政区划代码\n914103003T6W9P1H5R,洛阳示例机械制造有限公司,8000000,410300\n"),
                "text/csv");
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        long list = imported.json().get("list").get("id").asLong();
        assertThat(admin.post("/api/admin/eligible-lists/" + list + "/publication", Map.of("start", "2024-08-06",
                "end", "2024-08-19")).status()).isEqualTo(200);
        policy = admin.post("/api/admin/eligible-lists/" + list + "/confirmation", "{}").json().get("entries").get(0)
                .get("policyId").asLong();
        ready("ly-legal");
        assertThat(lyOperator.post("/api/policies/" + policy + "/verification-code", contact()).status()).isEqualTo(201);
        TestServer.Response applied = lyOperator.post("/api/policies/" + policy + "/application", Map.of(
                "contactName", "赵强", "mobile", "13912345678", "email", "zhao@example.com", "declaration", true,
                "code", latestCode(lyOperator)));
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        // recording a payment before acceptance: the state first (409), whatever the body
        assertThat(reviewer.post("/api/review/policies/" + policy + "/payment", "{}").status()).isEqualTo(409);
        TestServer.Response accepted = reviewer.post("/api/review/applications/" + applied.json().get("id").asLong()
                + "/accept", "{}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().get("state").asText()).isEqualTo("AWAITING_PAYMENT");

        JsonNode view = lyLegal.json("/api/policies/" + policy);
        assertThat(view.get("step").asInt()).isEqualTo(3);
        assertThat(view.get("policy").get("policyNumber").asText()).startsWith("XW2024");
        assertThat(view.get("policy").get("coverStart").isNull()).isTrue();
        assertThat(view.get("due").get("amountCents").asLong()).isEqualTo(192_000L);
        assertThat(view.get("due").get("formulaZh").asText())
                .isEqualTo("年度保费 = 投保金额 8,000,000.00 × 0.12% = 9,600.00 美元；企业自缴 20% = 1,920.00 美元");
        assertThat(view.get("invoice").isNull()).isTrue();
        assertThat(lyLegal.json("/api/policies").get("counts").get("awaitingPayment").asInt()).isEqualTo(1);
        assertThat(lyLegal.json("/api/outbox").get("items").get(0).get("text").asText()).contains("1,920.00 美元");
        // not effective: no electronic policy, no invoice, no claims or credit reports on it
        assertThat(lyLegal.get("/api/policies/" + policy + "/policy.pdf").status()).isEqualTo(409);
        assertThat(lyLegal.get("/api/policies/" + policy + "/invoice").status()).isEqualTo(404);
        assertThat(lyLegal.post("/api/policies/" + policy + "/receipt", "{}").status()).isEqualTo(409);
        JsonNode awaiting = reviewer.json("/api/review/payments");
        assertThat(awaiting.get("items")).extracting(n -> n.get("policy").get("id").asLong()).containsExactly(policy);
        assertThat(awaiting.get("items").get(0).get("due").get("amountCents").asLong()).isEqualTo(192_000L);
        assertThat(awaiting.get("total").asInt()).isEqualTo(1);
    }

    @Test
    @Order(2)
    void badPaymentsAreNamedFieldByFieldAndNothingIsSaved() {
        clock.advance(Duration.ofDays(2)); // 2024-08-22
        signIn();
        TestServer.Response r = reviewer.post("/api/review/policies/" + policy + "/payment", Map.of("receivedOn",
                "2024-08-23", "amount", "1900.00", "reference", ""));
        assertThat(r.status()).isEqualTo(400);
        assertThat(fields(r.json())).containsExactly("receivedOn", "amount", "reference");
        assertThat(r.json().get("errors").get(1).get("zh").asText()).contains("1,920.00 美元");
        assertThat(r.json().get("errors").get(1).get("en").asText()).contains("1,920.00 USD");
        TestServer.Response early = reviewer.post("/api/review/policies/" + policy + "/payment", Map.of("receivedOn",
                "2024-08-19", "amount", "1920", "reference", "x".repeat(65)));
        assertThat(fields(early.json())).containsExactly("receivedOn", "reference");
        TestServer.Response junk = reviewer.post("/api/review/policies/" + policy + "/payment", Map.of("receivedOn",
                "22/08/2024", "amount", "lots", "reference", "HX1", "payer", "someone"));
        assertThat(junk.status()).isEqualTo(400);
        assertThat(fields(junk.json())).contains("payer");
        assertThat(lyLegal.json("/api/policies/" + policy).get("policy").get("state").asText())
                .isEqualTo("AWAITING_PAYMENT");
        assertThat(PagedLists.count(server, "SELECT COUNT(*) FROM premium_payments")).isZero();
        assertThat(PagedLists.count(server, "SELECT COUNT(*) FROM premium_invoices")).isZero();
    }

    @Test
    @Order(3)
    void onlyReviewersRecordAndOthersPoliciesAreNotFound() {
        Map<String, String> good = Map.of("receivedOn", "2024-08-21", "amount", "1920.00", "reference", "HX1");
        assertThat(lyLegal.post("/api/review/policies/" + policy + "/payment", good).status()).isEqualTo(403);
        assertThat(manager.post("/api/review/policies/" + policy + "/payment", good).status()).isEqualTo(403);
        assertThat(admin.post("/api/review/policies/" + policy + "/payment", good).status()).isEqualTo(403);
        assertThat(hnLegal.get("/api/review/payments").status()).isEqualTo(403);
        assertThat(reviewer.post("/api/review/policies/999999/payment", good).status()).isEqualTo(404);
        assertThat(hnLegal.get("/api/policies/" + policy + "/invoice").status()).isEqualTo(404);
        assertThat(PagedLists.count(server, "SELECT COUNT(*) FROM premium_payments")).isZero();
    }

    @Test
    @Order(4)
    void theRecordedPaymentMakesThePolicyEffectiveThatDayWithAnInvoice() throws IOException {
        TestServer.Response paid = reviewer.post("/api/review/policies/" + policy + "/payment", Map.of("receivedOn",
                "2024-08-21", "amount", "1,920.00", "reference", "HX20240821-0007"));
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        assertThat(paid.json().get("invoice").get("number").asText()).isEqualTo("FP2024000001");
        JsonNode view = lyLegal.json("/api/policies/" + policy);
        assertThat(view.get("policy").get("state").asText()).isEqualTo("EFFECTIVE");
        assertThat(view.get("policy").get("issuedOn").asText()).isEqualTo("2024-08-21");
        assertThat(view.get("policy").get("coverStart").asText()).isEqualTo("2024-09-01");
        assertThat(view.get("step").asInt()).isEqualTo(4);
        assertThat(view.get("payment").get("reference").asText()).isEqualTo("HX20240821-0007");
        JsonNode invoice = lyOperator.json("/api/policies/" + policy + "/invoice");
        assertThat(invoice.get("amountCents").asLong()).isEqualTo(192_000L);
        assertThat(invoice.get("enterpriseName").asText()).isEqualTo("洛阳示例机械制造有限公司");
        TestServer.Response pdf = lyLegal.get("/api/policies/" + policy + "/invoice.pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(PdfText.of(pdf.raw().body())).contains("FP2024000001", "1,920.00");
        assertThat(lyLegal.json("/api/outbox").get("items").get(0).get("text").asText())
                .contains("FP2024000001", "2024-08-21 起生效");
        assertThat(reviewer.json("/api/review/payments").get("items")).isEmpty();
        assertThat(lyLegal.json("/api/policies").get("counts").get("awaitingPayment").asInt()).isZero();
        // twice: 409, and still one payment and one invoice
        TestServer.Response again = reviewer.post("/api/review/policies/" + policy + "/payment", Map.of("receivedOn",
                "2024-08-21", "amount", "1920", "reference", "HX20240821-0007"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("messageZh").asText()).contains("请勿重复登记");
        assertThat(PagedLists.count(server, "SELECT COUNT(*) FROM premium_payments")).isEqualTo(1);
        assertThat(PagedLists.count(server, "SELECT COUNT(*) FROM premium_invoices")).isEqualTo(1);
        assertThat(lyLegal.post("/api/policies/" + policy + "/receipt", "{}").status()).isEqualTo(200);
    }

    /** Luoyang's enterprise has nothing signed in the demo world: seal, agreement, countersignature, authorisation. */
    private void ready(String legalName) {
        App app = server.app();
        User legal = app.domains().accounts().userByName(legalName).orElseThrow();
        User staff = app.domains().accounts().userByName("reviewer").orElseThrow();
        Principal p = new Principal(legal.id(), legal.username(), legal.displayName(), legal.role(),
                legal.enterpriseId(), Set.of(), null);
        Seal seal = app.domains().seals().create(p, new Seals.NewSeal("COMPANY", legal.displayName(),
                app.domains().seals().today().toString(), app.domains().seals().today().plusYears(2).toString()));
        Agreement a = app.domains().agreements().sign(p, Input.of(new Agreements.SignRequest(seal.id(), true)));
        app.domains().agreements().countersign(new Principal(staff.id(), staff.username(), staff.displayName(), staff.role(),
                null, Set.of(), null), a.id());
        app.domains().dataAuthorisations().authorise(p, Input.of(new DataAuthorisations.AuthoriseRequest(true)));
    }

    private static Map<String, String> contact() {
        return Map.of("contactName", "赵强", "mobile", "13912345678", "email", "zhao@example.com");
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

    private static List<String> fields(JsonNode error) {
        List<String> out = new ArrayList<>();
        error.get("errors").forEach(e -> out.add(e.get("field").asText()));
        return out;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
