package cn.creditwindow.app;

import static cn.creditwindow.app.NodeRace.assertRefusedInBothLanguages;
import static cn.creditwindow.app.NodeRace.assertWinners;
import static cn.creditwindow.app.NodeRace.onBoth;
import static cn.creditwindow.app.NodeRace.race;
import static cn.creditwindow.app.NodeRace.statuses;
import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.TestClock;
import cn.creditwindow.accounts.Accounts;
import cn.creditwindow.accounts.Role;
import cn.creditwindow.config.Config;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The read-check-write flows of the window raced on two app nodes of one deployment (#17), through the HTTP API only:
 * each race sends its requests at one moment, alternately to node A and node B, and each rule holds exactly as on one
 * node (the owner's row lock, see the store package): a verification code's tries, the sign-in lockout, one signature
 * of an agreement, one decision of a claim, one submission and one claim a customs declaration, one open financing
 * application a product, one change of a loss report's state, one answer to an inquiry. Every request that loses is
 * refused with a 4xx in English and Chinese, never a 500, and the records read back through the API agree. A board
 * message's one answer is the inquiry's flow ({@code answers.Submissions}), raced on PostgreSQL by its domain's test
 * ({@code BoardMessagesPostgresIT}). Runs in the build's cluster run (PostgreSQL and SolrCloud).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesRacesIT {
    private static final Pattern CODE = Pattern.compile("验证码为 (\\d{6})");
    private static final int RACERS = 20;
    private final TestClock clock = new TestClock(Instant.parse("2024-06-17T01:00:00Z")); // Monday, 09:00 in China
    private TwoNodes nodes;
    private ApiClient reviewer;
    private ApiClient secondReviewer;
    private ApiClient admin;
    private long gulf;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        nodes = TwoNodes.start(dir, clock, UnaryOperator.identity());
        App app = nodes.a.app();
        DemoWorld world = DemoWorld.create(app);
        world.effectiveCreditPolicy(app, Config.CHINA); // the trading enterprise: policy effective, customs data
        world.pushPendingPolicies(app, Config.CHINA); // Shenzhen's enterprise: a pending policy, ready to apply
        world.submittedClaim(app);
        app.domains().accounts().createUser(new Accounts.NewUser("reviewer-2", DemoWorld.PASSWORD, "示例审核员二",
                Role.REVIEWER, null, null, null));
        reviewer = ApiClient.demo(nodes.a, "reviewer");
        secondReviewer = ApiClient.demo(nodes.b, "reviewer-2");
        admin = ApiClient.demo(nodes.b, "admin");
        gulf = app.database().read(tx -> tx.number("SELECT id FROM buyers WHERE name_en = ?",
                "Gulf Star General Trading LLC"));
    }

    @AfterAll
    void stop() throws IOException {
        if (nodes != null) {
            nodes.close();
        }
    }

    @Test
    void wrongCodesOnBothNodesSpendExactlyTheTriesAndTheRightCodeAppliesOnce() throws Exception { // #17
        ApiClient legal = ApiClient.demo(nodes.a, "sz-legal");
        long policy = nodes.a.app().database().read(tx -> tx.number("SELECT p.id FROM policies p JOIN enterprises e"
                + " ON e.id = p.enterprise_id WHERE e.uscc = ?", DemoWorld.ENTERPRISES.get(0).uscc()));
        String code = requestCode(legal, policy);
        String wrong = code.equals("000000") ? "111111" : "000000";
        List<TestServer.Response> guesses = race(RACERS, onBoth(nodes, legal), (c, i) -> apply(c, policy, wrong));
        assertRefusedInBothLanguages(guesses, 400);
        // five tries counted, one each: 4, 3, 2, 1 left, then dead; every later guess finds it dead, none counted
        List<String> left = new ArrayList<>();
        for (TestServer.Response r : guesses) {
            Matcher m = Pattern.compile("(\\d) tr(y|ies) left").matcher(r.json().at("/errors/0/en").asText());
            left.add(m.find() ? m.group(1) : "?");
        }
        assertThat(left).as(left.toString()).containsOnly("4", "3", "2", "1", "0")
                .filteredOn(n -> !n.equals("0")).containsExactlyInAnyOrder("4", "3", "2", "1");
        long triesLeft = nodes.a.app().database().read(tx -> tx.number("SELECT tries_left FROM verification_codes"
                + " WHERE policy_id = ? ORDER BY id DESC LIMIT 1", policy));
        assertThat(triesLeft).isZero();
        TestServer.Response dead = apply(legal.on(nodes.b), policy, code);
        assertRefusedInBothLanguages(List.of(dead), 400);
        assertThat(dead.json().at("/errors/0/zh").asText()).contains("失效");

        // a new code, sent right on both nodes at once: one application, the rest find it used or the policy applied
        String fresh = requestCode(legal.on(nodes.b), policy);
        List<TestServer.Response> applied = race(RACERS, onBoth(nodes, legal), (c, i) -> apply(c, policy, fresh));
        assertWinners(applied, 201, 1, 400, 409);
        JsonNode seen = legal.on(nodes.b).json("/api/policies/" + policy);
        assertThat(seen.get("applications")).hasSize(1);
        assertThat(seen.at("/policy/state").asText()).isEqualTo("APPLIED");
    }

    @Test
    void wrongPasswordsOnBothNodesLockTheAccountAfterExactlyFive() throws Exception { // #17
        nodes.a.app().domains().accounts().createUser(new Accounts.NewUser("race-operator", DemoWorld.PASSWORD,
                "示例操作员五", Role.REVIEWER, null, null, null));
        List<ApiClient> anonymous = List.of(ApiClient.anonymous(nodes.a), ApiClient.anonymous(nodes.b));
        List<TestServer.Response> tries = race(RACERS, anonymous, (c, i) -> signIn(c, "wrong-pass-" + i));
        // four wrong passwords answered as wrong; the fifth locks the account, and every try after it finds it locked
        assertRefusedInBothLanguages(tries, 401, 429);
        assertThat(statuses(tries).stream().filter(s -> s == 401).count()).as(statuses(tries).toString())
                .isEqualTo(4);
        for (ApiClient c : anonymous) {
            TestServer.Response locked = signIn(c, DemoWorld.PASSWORD);
            assertRefusedInBothLanguages(List.of(locked), 429);
            assertThat(locked.json().get("message").asText()).contains("15 more minute");
        }
        clock.advance(Duration.ofMinutes(15));
        assertThat(signIn(anonymous.get(1), DemoWorld.PASSWORD).status()).isEqualTo(201);
    }

    @Test
    void anAgreementIsSignedOnceAndCountersignedOrRefusedOnce() throws Exception { // #17
        // Luoyang's legal representative signs on both nodes at once: one agreement
        ApiClient ly = ApiClient.demo(nodes.a, "ly-legal");
        TestServer.Response seal = ly.post("/api/seals", Map.of("kind", "COMPANY", "holder", "示例法人3",
                "validFrom", "2024-06-17", "validUntil", "2026-06-16"));
        assertThat(seal.status()).as(seal.body()).isEqualTo(201);
        long sealId = seal.json().get("id").asLong();
        List<TestServer.Response> signed = race(RACERS, onBoth(nodes, ly),
                (c, i) -> c.post("/api/agreements", Map.of("sealId", sealId, "accepted", true)));
        long agreement = assertWinners(signed, 201, 1, 409).get(0).json().get("id").asLong();
        assertThat(ly.on(nodes.b).json("/api/agreements").get("items")).singleElement()
                .satisfies(a -> assertThat(a.get("state").asText()).isEqualTo("AWAITING_INSURER"));

        // two reviewers on both nodes: half countersign, half refuse; one of them decides it
        List<TestServer.Response> decided = race(RACERS, onBoth(nodes, reviewer, secondReviewer), (c, i) -> i % 4 < 2
                ? c.post("/api/agreements/" + agreement + "/countersign", Map.of())
                : c.post("/api/agreements/" + agreement + "/refusal", Map.of("reason", "印章信息与营业执照不一致")));
        String state = assertWinners(decided, 200, 1, 409).get(0).json().get("state").asText();
        assertThat(state).isIn("SIGNED", "REFUSED");
        JsonNode history = ly.on(nodes.b).json("/api/agreements/" + agreement + "/history").get("items");
        assertThat(history).extracting(e -> e.get("action").asText())
                .containsExactly("SIGNED", state.equals("SIGNED") ? "COUNTERSIGNED" : "REFUSED");
    }

    @Test
    void aClaimIsAcceptedOnceAndThenPaidOrReturnedOnce() throws Exception { // #17
        long claim = nodes.a.app().database().read(tx -> tx.number("SELECT id FROM claims WHERE state = 'SUBMITTED'"));
        List<ApiClient> reviewers = onBoth(nodes, reviewer, secondReviewer);
        List<TestServer.Response> accepted = race(RACERS, reviewers,
                (c, i) -> c.post("/api/review/claims/" + claim + "/accept", ""));
        assertWinners(accepted, 200, 1, 409);

        List<TestServer.Response> decided = race(RACERS, reviewers, (c, i) -> i % 4 < 2
                ? c.post("/api/review/claims/" + claim + "/payment", Map.of("loss", "440000"))
                : c.post("/api/review/claims/" + claim + "/return", Map.of("reason", "请补充催收记录")));
        String state = assertWinners(decided, 200, 1, 409).get(0).json().get("state").asText();
        assertThat(state).isIn("PAID", "RETURNED");
        ApiClient legal = ApiClient.demo(nodes.b, "szt-legal");
        JsonNode seen = legal.on(nodes.a).json("/api/claims/" + claim);
        assertThat(seen.at("/claim/state").asText()).isEqualTo(state);
        assertThat(seen.get("history").findValuesAsText("kind")).containsExactly("SUBMITTED", "ACCEPTED", state);
    }

    @Test
    void twoClaimsNamingOneDeclarationSubmittedOnBothNodesMakeOneSubmission() throws Exception { // #17
        ApiClient legal = ApiClient.demo(nodes.a, "szt-legal");
        long policy = legal.json("/api/claims/policies").at("/items/0/policy/id").asLong();
        String coverStart = legal.json("/api/claims/policies").at("/items/0/policy/coverStart").asText();
        long[] claims = new long[2];
        for (int k = 0; k < 2; k++) {
            claims[k] = ClaimAttachmentsIT.newClaim(legal, policy, gulf);
            TestServer.Response shipment = legal.post("/api/claims/" + claims[k] + "/shipments", new LinkedHashMap<>(
                    Map.of("invoiceNo", "RACE-" + k, "hsCode", "85171200", "shippedOn", coverStart,
                            "paymentMethod", "OA", "termDays", "60", "invoiceAmount", "1000", "claimedAmount", "1000",
                            "collectionStatus", "NONE", "transportMode", "SEA",
                            "declarations", DemoCustoms.FREE_DECLARATION)));
            assertThat(shipment.status()).as(shipment.body()).isEqualTo(201);
            assertThat(legal.post("/api/claims/" + claims[k] + "/shipment-report", "").status()).isEqualTo(201);
        }
        // each claim submitted on both nodes at once, both claims at once: one submission of one of them
        List<TestServer.Response> submitted = race(RACERS, onBoth(nodes, legal), (c, i) -> c.post("/api/claims/"
                + claims[i % 4 < 2 ? 0 : 1] + "/submission", Map.of("declaration", true)));
        long winner = assertWinners(submitted, 200, 1, 400, 409).get(0).json().get("id").asLong();
        for (TestServer.Response r : submitted) {
            if (r.status() == 400) {
                assertThat(r.json().get("errors").findValuesAsText("field")).containsOnly("declarations");
            }
        }
        for (long claim : claims) {
            JsonNode seen = legal.on(nodes.b).json("/api/claims/" + claim);
            assertThat(seen.at("/claim/state").asText()).isEqualTo(claim == winner ? "SUBMITTED" : "DRAFT");
            assertThat(seen.get("history").findValuesAsText("kind"))
                    .containsExactlyElementsOf(claim == winner ? List.of("SUBMITTED") : List.of());
        }
    }

    @Test
    void oneOpenFinancingApplicationAProductAndOneDecision() throws Exception { // #17
        ApiClient legal = ApiClient.demo(nodes.a, "szt-legal");
        ApiClient operator = ApiClient.demo(nodes.b, "szt-operator");
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("amountYuan", 500000);
        form.put("termMonths", 6);
        form.put("purpose", "采购原材料，履行阿联酋买方订单");
        form.put("contactName", "示例联系人");
        form.put("mobile", "13800000004");
        List<TestServer.Response> applied = race(RACERS, onBoth(nodes, legal, operator),
                (c, i) -> c.post("/api/financing/products/policy-loan/applications", form));
        long application = assertWinners(applied, 201, 1, 409).get(0).json().get("id").asLong();
        assertThat(operator.json("/api/financing/applications").get("items")).singleElement()
                .satisfies(a -> assertThat(a.get("state").asText()).isEqualTo("SUBMITTED"));

        List<TestServer.Response> decided = race(RACERS, onBoth(nodes, reviewer, admin), (c, i) -> c.post(
                "/api/financing/applications/" + application + "/decision", Map.of("decision",
                        i % 4 < 2 ? "APPROVED" : "DECLINED", "note", "银行审批意见")));
        String state = assertWinners(decided, 200, 1, 409).get(0).json().get("state").asText();
        assertThat(legal.on(nodes.b).json("/api/financing/applications/" + application).get("state").asText())
                .isEqualTo(state);
    }

    @Test
    void aLossReportChangesStateOnceAndBecomesOneClaim() throws Exception { // #17
        ApiClient legal = ApiClient.demo(nodes.a, "szt-legal");
        long policy = legal.json("/api/claims/policies").at("/items/0/policy/id").asLong();
        long rheinland = nodes.a.app().database().read(tx -> tx.number("SELECT id FROM buyers WHERE name_en = ?",
                "Rheinland Haushaltswaren GmbH"));
        long raced = report(legal, policy, rheinland, "LOSS-1");
        List<TestServer.Response> decided = race(RACERS, onBoth(nodes, reviewer, secondReviewer), (c, i) -> i % 4 < 2
                ? c.post("/api/review/loss-reports/" + raced + "/accept", Map.of("advice", "请保留全部单证"))
                : c.post("/api/review/loss-reports/" + raced + "/request-info", Map.of("note", "请补充往来邮件")));
        String state = assertWinners(decided, 200, 1, 409).get(0).json().get("state").asText();
        JsonNode seen = legal.on(nodes.b).json("/api/loss-reports/" + raced);
        assertThat(seen.at("/report/state").asText()).isEqualTo(state);
        assertThat(seen.get("history").findValuesAsText("kind")).containsExactly("SUBMITTED",
                state.equals("ACCEPTED") ? "ACCEPTED" : "MORE_INFO_REQUESTED");

        // an accepted report turned into a claim on both nodes at once: one claim
        long accepted = report(legal, policy, rheinland, "LOSS-2");
        assertThat(reviewer.post("/api/review/loss-reports/" + accepted + "/accept", Map.of("advice", "请保留全部单证"))
                .status()).isEqualTo(200);
        long claimsBefore = legal.json("/api/claims").get("total").asLong();
        List<TestServer.Response> claimed = race(RACERS, onBoth(nodes, legal),
                (c, i) -> c.post("/api/loss-reports/" + accepted + "/claim", Map.of()));
        long claim = assertWinners(claimed, 201, 1, 409).get(0).json().get("id").asLong();
        assertThat(legal.on(nodes.b).json("/api/claims").get("total").asLong()).isEqualTo(claimsBefore + 1);
        JsonNode report = legal.on(nodes.b).json("/api/loss-reports/" + accepted);
        assertThat(report.at("/report/state").asText()).isEqualTo("CLAIMED");
        assertThat(report.at("/report/claimId").asLong()).isEqualTo(claim);
    }

    @Test
    void twoStaffAnsweringOneInquiryOnBothNodesMakeOneAnswer() throws Exception { // #17
        ApiClient legal = ApiClient.demo(nodes.b, "sz-legal");
        Map<String, Object> inquiry = new LinkedHashMap<>();
        inquiry.put("companyName", "深圳市示例电子科技有限公司");
        inquiry.put("province", "440000");
        inquiry.put("city", "440300");
        inquiry.put("district", "440303");
        inquiry.put("address", "深南东路 5001 号 12 楼");
        inquiry.put("contactName", "李经理");
        inquiry.put("mobile", "138 0013 8000");
        inquiry.put("email", "li_jing-li@example.com");
        TestServer.Response created = legal.post("/api/inquiries", inquiry);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        List<TestServer.Response> answered = race(RACERS, onBoth(nodes, reviewer, secondReviewer),
                (c, i) -> c.post("/api/inquiries/" + id + "/answer", Map.of("answer", "答复 " + i)));
        String answer = "答复 " + answered.indexOf(assertWinners(answered, 200, 1, 409).get(0));
        JsonNode seen = legal.on(nodes.a).json("/api/inquiries/" + id);
        assertThat(seen.get("state").asText()).isEqualTo("ANSWERED");
        assertThat(seen.get("answer").asText()).isEqualTo(answer);
    }

    private static String requestCode(ApiClient legal, long policy) {
        TestServer.Response r = legal.post("/api/policies/" + policy + "/verification-code", Map.of("contactName",
                "王芳", "mobile", "13912345678", "email", "wang_fang-1@example.com"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        for (JsonNode n : legal.json("/api/outbox").get("items")) {
            Matcher m = CODE.matcher(n.get("text").asText());
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new AssertionError("no code in the outbox");
    }

    private static TestServer.Response apply(ApiClient legal, long policy, String code) {
        return legal.post("/api/policies/" + policy + "/application", Map.of("contactName", "王芳", "mobile",
                "13912345678", "email", "wang_fang-1@example.com", "declaration", true, "code", code));
    }

    private static TestServer.Response signIn(ApiClient anonymous, String password) {
        return anonymous.post("/api/session", Map.of("username", "race-operator", "password", password));
    }

    /** A loss report of the trading enterprise on {@code buyer}, one overdue shipment; its id. */
    private static long report(ApiClient legal, long policy, long buyer, String invoice) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("policyId", policy);
        f.put("buyerId", buyer);
        f.put("shipments", List.of(Map.of("invoiceNo", invoice, "shippedOn", "2024-03-01", "dueOn", "2024-05-02",
                "outstanding", "12000")));
        f.put("cause", "DEFAULT");
        f.put("actionsTaken", "已多次电话和邮件催收，买方以资金紧张为由拖延付款");
        f.put("contactName", "示例联系人");
        f.put("contactMobile", "13800000004");
        f.put("contactEmail", "contact@demo.example");
        TestServer.Response r = legal.post("/api/loss-reports", f);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }
}
