package cn.creditwindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.TestClock;
import cn.creditwindow.config.Config;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
 * One rule for every endpoint that changes a record the URL names (#13): the record is found (404 when it is not
 * the asker's to see), its state checked (409 naming it, when the step cannot apply), and only then the body
 * (400 naming each bad field). For each review, decision or other state change with a body, the record is put in a
 * state where the step cannot apply and sent an empty body, a body that is not JSON and one with bad values: 409,
 * never 400; then, in a state where it can apply, the bad body: 400 naming the fields. Where nothing in a record's
 * state refuses the step, a record the asker may not see answers 404 to a bad body.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the enrolment uses sz's signed agreement, which a later test moves
class StateBeforeBodyIT {
    private static final Pattern CODE = Pattern.compile("验证码为 (\\d{6})");
    /** Bodies no state check may be hidden behind: none at all, not JSON, and well-formed but wrong. */
    private static final List<Object> UNFIT = List.of("", "{not json", Map.of("reason", 5, "unknownField", true));

    private TestServer server;
    private long gulf;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        server = TestServer.start(dir, null, null, new TestClock(Instant.parse("2024-06-17T01:00:00Z")));
        DemoWorld world = DemoWorld.create(server.app());
        world.effectiveCreditPolicy(server.app(), Config.CHINA);
        world.pushPendingPolicies(server.app(), Config.CHINA);
        world.submittedClaim(server.app());
        gulf = count("SELECT id FROM buyers WHERE name_en = 'Gulf Star General Trading LLC'");
    }

    @Test
    @Order(99)
    void aBodyTheHandlerDidNotReadLeavesTheConnectionUsable() throws Exception { // #14
        TestServer.Response signIn = ApiClient.anonymous(server).post("/api/session",
                Map.of("username", "reviewer", "password", DemoWorld.PASSWORD));
        String setCookie = signIn.raw().headers().firstValue("Set-Cookie").orElseThrow();
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        String csrf = signIn.json().get("csrfToken").asText();
        java.net.URI base = java.net.URI.create(server.base());
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            java.io.OutputStream out = socket.getOutputStream();
            java.io.InputStream in = new java.io.BufferedInputStream(socket.getInputStream());
            // signing out reads no body; this one arrives after the headers, once the handler may have answered
            out.write(("DELETE /api/session HTTP/1.1\r\nHost: " + base.getAuthority() + "\r\nCookie: " + cookie
                    + "\r\nX-CSRF-Token: " + csrf + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(300);
            out.write("{}".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String first = response(in);
            assertThat(first).startsWith("HTTP/1.1 2").doesNotContainIgnoringCase("connection: close");
            // the client keeps the connection, as browsers and HTTP clients do: the next request must be answered
            out.write(("GET /health HTTP/1.1\r\nHost: " + base.getAuthority() + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(response(in)).startsWith("HTTP/1.1 200");
        }
    }

    /** One HTTP/1.1 response read off the connection: status line and headers, and a body by length or chunks. */
    private static String response(java.io.InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b == -1) {
                return head + "<connection closed>";
            }
            head.append((char) b);
        }
        String headers = head.toString().toLowerCase(java.util.Locale.ROOT);
        Matcher length = Pattern.compile("content-length: *(\\d+)").matcher(headers);
        if (length.find()) {
            in.readNBytes(Integer.parseInt(length.group(1)));
        } else if (headers.contains("transfer-encoding: chunked")) {
            for (long size; ; ) {
                StringBuilder line = new StringBuilder();
                for (int b; (b = in.read()) != '\n'; ) {
                    line.append((char) b);
                }
                size = Long.parseLong(line.toString().trim(), 16);
                in.readNBytes((int) size + 2);
                if (size == 0) {
                    break;
                }
            }
        }
        return head.toString();
    }

    @AfterAll
    void stop() throws IOException {
        server.close();
    }

    @Test
    @Order(1)
    void financingDecision() {
        ApiClient reviewer = ApiClient.demo(server, "reviewer");
        ApiClient szt = ApiClient.demo(server, "szt-legal");
        ApiClient sz = ApiClient.demo(server, "sz-legal");
        long decided = created(szt.post("/api/financing/products/policy-loan/applications",
                financingForm("13800000004")));
        ok(reviewer.post("/api/financing/applications/" + decided + "/decision",
                Map.of("decision", "APPROVED", "note", "银行批准")));
        String path = "/api/financing/applications/" + decided + "/decision";
        refusedForState(reviewer, path, "approved by the bank");
        refusedForState(reviewer, path, Map.of("decision", "MAYBE"), "approved by the bank");

        long open = created(sz.post("/api/financing/products/receivables/applications", financingForm("13800000001")));
        refusedForBody(reviewer.post("/api/financing/applications/" + open + "/decision",
                Map.of("decision", "MAYBE", "note", "")), "decision", "note");
        refusedForBody(reviewer.post("/api/financing/applications/" + open + "/decision", ""), "decision", "note");
        assertThat(reviewer.post("/api/financing/applications/999999/decision", "{not json").status()).isEqualTo(404);
        // applying: the enterprise's state (no effective policy; an application still open) before the form
        refusedForState(sz, "/api/financing/products/policy-loan/applications", "needs an effective");
        refusedForState(sz, "/api/financing/products/receivables/applications", "still awaiting");
    }

    @Test
    @Order(2)
    void claimsReviewSubmissionAndForm() {
        ApiClient reviewer = ApiClient.demo(server, "reviewer");
        ApiClient legal = ApiClient.demo(server, "szt-legal");
        long submitted = count("SELECT id FROM claims WHERE state = 'SUBMITTED'");
        long shipment = count("SELECT id FROM claim_shipments WHERE claim_id = " + submitted);
        long policy = count("SELECT policy_id FROM claims WHERE id = " + submitted);
        long draft = created(legal.post("/api/claims/policies/" + policy + "/claims", claimForm()));

        refusedForState(reviewer, "/api/review/claims/" + draft + "/return", "is draft");
        refusedForState(reviewer, "/api/review/claims/" + submitted + "/payment", "is submitted");
        refusedForState(legal, "/api/claims/" + submitted + "/submission", "is submitted");
        refusedForState(legal, "/api/claims/" + submitted + "/shipments", "is submitted");
        refusedForStatePut(legal, "/api/claims/" + submitted, "is submitted");
        refusedForStatePut(legal, "/api/claims/" + submitted + "/shipments/" + shipment, "is submitted");

        // the pages' uploads: no file chosen on a submitted claim is refused for the claim's state, not the file
        assertThat(legal.form("/claims/" + submitted + "/attachments", "remark=x").status()).isEqualTo(409);
        assertThat(legal.form("/claims/" + submitted + "/shipments/import", "").status()).isEqualTo(409);
        refusedForBody(legal.post("/api/claims/" + draft + "/attachments?name=a.pdf&remark=" + "x".repeat(201)
                + "&summary=" + "y".repeat(201), new byte[0], "application/pdf"), "remark", "summary", "file");

        refusedForBody(reviewer.post("/api/review/claims/" + submitted + "/return", Map.of("reason", " ")), "reason");
        refusedForBody(legal.post("/api/claims/" + draft + "/submission", Map.of("declaration", false)), "declaration",
                "shipments");
        refusedForBody(legal.post("/api/claims/" + draft + "/shipments", ""), "invoiceNo", "hsCode", "shippedOn",
                "paymentMethod", "termDays", "invoiceAmount", "claimedAmount", "collectionStatus", "transportMode",
                "declarations");
        JsonNode noAnswers = legal.put("/api/claims/" + draft, "").json();
        assertThat(fields(noAnswers)).contains("buyerId", "answers.DISPUTE", "lossCause", "reason", "caseDescription");
        ok(reviewer.post("/api/review/claims/" + submitted + "/accept", ""));
        refusedForBody(reviewer.post("/api/review/claims/" + submitted + "/payment", Map.of("loss", "abc")), "loss");
        assertThat(reviewer.post("/api/review/claims/999999/return", "{not json").status()).isEqualTo(404);
    }

    @Test
    @Order(3)
    void enrolmentApplicationAndReview() {
        ApiClient sz = ApiClient.demo(server, "sz-legal");
        ApiClient reviewer = ApiClient.demo(server, "reviewer");
        ApiClient admin = ApiClient.demo(server, "admin");
        long szEnterprise = count("SELECT id FROM enterprises WHERE uscc = '" + DemoWorld.ENTERPRISES.get(0).uscc() + "'");
        long policy = count("SELECT id FROM policies WHERE enterprise_id = " + szEnterprise);
        long accepted = count("SELECT MIN(id) FROM applications WHERE outcome = 'ACCEPTED'");

        refusedForBody(sz.post("/api/policies/" + policy + "/verification-code", Map.of("mobile", "1")), "contactName",
                "mobile", "email");
        refusedForBody(sz.post("/api/policies/" + policy + "/application", Map.of("declaration", false)),
                "contactName", "mobile", "email", "declaration", "code");
        Map<String, Object> contact = Map.of("contactName", "李明", "mobile", "13912345678", "email", "li@example.com");
        assertThat(sz.post("/api/policies/" + policy + "/verification-code", contact).status()).isEqualTo(201);
        Map<String, Object> application = new HashMap<>(contact);
        application.put("declaration", true);
        application.put("code", latestCode(sz));
        long submitted = created(sz.post("/api/policies/" + policy + "/application", application));

        refusedForState(sz, "/api/policies/" + policy + "/verification-code", "already been applied for");
        refusedForState(sz, "/api/policies/" + policy + "/application", "already been applied for");
        refusedForState(reviewer, "/api/review/applications/" + accepted + "/return", "already been decided");
        refusedForBody(reviewer.post("/api/review/applications/" + submitted + "/return", Map.of("reason", " ")),
                "reason");

        long confirmed = count("SELECT MIN(id) FROM eligible_lists WHERE state = 'CONFIRMED'");
        refusedForState(admin, "/api/admin/eligible-lists/" + confirmed + "/publication", "has been confirmed");
        String csv = "统一社会信用代码,企业名称,上年出口额（美元）,行政区划代码\n91410105MA00000016,甲,100000,410105\n";
        long imported = created(admin.post("/api/admin/eligible-lists?scheme=henan-2024-small",
                csv.getBytes(StandardCharsets.UTF_8), "text/csv"), "/list/id");
        refusedForBody(admin.post("/api/admin/eligible-lists/" + imported + "/publication", Map.of("start", "soon")),
                "start", "end");
    }

    @Test
    @Order(4)
    void agreementsTerminationAndAuthorisation() {
        ApiClient reviewer = ApiClient.demo(server, "reviewer");
        ApiClient sz = ApiClient.demo(server, "sz-legal");
        ApiClient hn = ApiClient.demo(server, "hn-legal");
        long signed = count("SELECT a.id FROM agreements a JOIN enterprises e ON e.id = a.enterprise_id WHERE e.uscc = '"
                + DemoWorld.ENTERPRISES.get(0).uscc() + "' AND a.state = 'SIGNED'");
        long awaiting = count("SELECT a.id FROM agreements a JOIN enterprises e ON e.id = a.enterprise_id WHERE e.uscc = '"
                + DemoWorld.ENTERPRISES.get(1).uscc() + "' AND a.state = 'AWAITING_INSURER'");

        refusedForState(reviewer, "/api/agreements/" + signed + "/refusal", "签约成功");
        refusedForState(reviewer, "/api/agreements/" + awaiting + "/termination/refusal", "保险公司签约中");
        refusedForState(hn, "/api/agreements/" + awaiting + "/termination", "保险公司签约中");
        refusedForState(sz, "/api/agreements", "already signed");
        refusedForState(sz, "/api/data-authorisations", "Already authorised");

        refusedForBody(reviewer.post("/api/agreements/" + awaiting + "/refusal", Map.of("reason", "")), "reason");
        refusedForBody(sz.post("/api/agreements/" + signed + "/termination", Map.of("confirm", false)), "confirm");
        ok(sz.post("/api/agreements/" + signed + "/termination", Map.of("confirm", true)));
        refusedForBody(reviewer.post("/api/agreements/" + signed + "/termination/refusal", ""), "reason");
        ok(reviewer.post("/api/agreements/" + signed + "/termination/refusal", Map.of("reason", "保单仍在保障期内")));
    }

    @Test
    @Order(5)
    void creditOrderFulfilment() {
        ApiClient reviewer = ApiClient.demo(server, "reviewer");
        ApiClient legal = ApiClient.demo(server, "szt-legal");
        String charge = legal.json("/api/credit/quote?type=BUYER_CREDIT&buyerId=" + gulf).get("charge").asText();
        long order = created(legal.post("/api/credit/orders", Map.of("type", "BUYER_CREDIT", "buyerId", gulf,
                "expectedCharge", charge)));
        String path = "/api/credit/orders/" + order;

        refusedForState(reviewer, path + "/delivery", "is ordered");
        refusedForBody(legal.post(path + "/cancellation", Map.of("reason", "x".repeat(501))), "reason");
        ok(reviewer.post(path + "/take", ""));
        refusedForState(legal, path + "/cancellation", Map.of("reason", "x".repeat(501)), "is in progress");
        refusedForBody(reviewer.post(path + "/delivery", ""), "registration.name", "rating", "paymentBehaviour",
                "summary");
        refusedForBody(reviewer.post(path + "/unable-to-locate", Map.of("reason", " ")), "reason");
        ok(reviewer.post(path + "/unable-to-locate", Map.of("reason", "查无此公司")));
        refusedForState(reviewer, path + "/unable-to-locate", "is unable to locate");
        refusedForState(reviewer, path + "/delivery", "is unable to locate");
        refusedForState(reviewer, path + "/cancellation", Map.of("reason", "x".repeat(501)), "is unable to locate");
    }

    @Test
    @Order(6)
    void inquiryAnswerAndMessageReply() {
        ApiClient reviewer = ApiClient.demo(server, "reviewer");
        ApiClient sz = ApiClient.demo(server, "sz-legal");
        long inquiry = created(sz.post("/api/inquiries", Map.of("companyName", "深圳市示例电子科技有限公司", "province",
                "440000", "city", "440300", "district", "440303", "address", "深南东路 5001 号", "contactName", "李经理",
                "mobile", "13800138000", "email", "li@example.com")));
        refusedForBody(reviewer.post("/api/inquiries/" + inquiry + "/answer", ""), "answer");
        ok(reviewer.post("/api/inquiries/" + inquiry + "/answer", Map.of("answer", "请联系客户经理")));
        refusedForState(reviewer, "/api/inquiries/" + inquiry + "/answer", "answered already");

        long message = created(sz.post("/api/message-board", Map.of("companyName", "深圳市示例电子科技有限公司", "province",
                "440000", "city", "440300", "district", "440303", "contactName", "李经理", "mobile", "13800138000",
                "subject", "保单续转", "content", "请问如何续转？")));
        refusedForBody(reviewer.post("/api/message-board/" + message + "/reply", Map.of("reply", "")), "reply");
        ok(reviewer.post("/api/message-board/" + message + "/reply", Map.of("reply", "已回复")));
        refusedForState(reviewer, "/api/message-board/" + message + "/reply", "replied to already");
    }

    @Test
    @Order(7)
    void whereNoStateRefusesTheRecordIsFoundBeforeTheBody() {
        ApiClient sz = ApiClient.demo(server, "sz-legal");
        ApiClient hn = ApiClient.demo(server, "hn-legal");
        ApiClient admin = ApiClient.demo(server, "admin");
        long subscription = created(sz.post("/api/subscriptions", Map.of("keywords", List.of("关税"))),
                "/subscription/id");
        for (Object bad : UNFIT) {
            assertThat(hn.put("/api/subscriptions/" + subscription + "/state", bad).status()).isEqualTo(404);
            assertThat(hn.put("/api/subscriptions/" + subscription, bad).status()).isEqualTo(404);
            assertThat(sz.put("/api/watches/" + gulf, bad).status()).as("gulf is not watched").isEqualTo(404);
            assertThat(admin.put("/api/admin/managers/" + userId("reviewer") + "/contact", bad).status()).isEqualTo(404);
            assertThat(admin.put("/api/admin/credit/prices/NOPE", bad).status()).isEqualTo(404);
            assertThat(admin.post("/api/admin/managers/999999/portfolio", bad).status()).isEqualTo(404);
        }
        refusedForBody(sz.put("/api/subscriptions/" + subscription + "/state", Map.of("state", "GONE")), "state");
        long watched = count("SELECT buyer_id FROM watches w JOIN enterprises e ON e.id = w.enterprise_id WHERE e.uscc = '"
                + DemoWorld.ENTERPRISES.get(0).uscc() + "'");
        refusedForBody(sz.put("/api/watches/" + watched, ""), "muted");
        refusedForBody(admin.put("/api/admin/managers/" + userId("manager") + "/contact", Map.of("officePhone", "12")),
                "officePhone");
    }

    // ---- the rule, asserted ----

    /** Every unfit body is refused with 409 for the record's state, named in the answer. */
    private void refusedForState(ApiClient who, String path, String stateNamed) {
        for (Object body : UNFIT) {
            refusedForState(who, path, body, stateNamed);
        }
    }

    private void refusedForState(ApiClient who, String path, Object body, String stateNamed) {
        assertStateRefusal(who.post(path, body), path, body, stateNamed);
    }

    private void refusedForStatePut(ApiClient who, String path, String stateNamed) {
        for (Object body : UNFIT) {
            assertStateRefusal(who.put(path, body), path, body, stateNamed);
        }
    }

    private static void assertStateRefusal(TestServer.Response r, String path, Object body, String stateNamed) {
        assertThat(r.status()).as(path + " with " + body + ": " + r.body()).isEqualTo(409);
        assertThat(r.body()).as(path).contains(stateNamed);
    }

    /** A 400 naming exactly these fields. */
    private static void refusedForBody(TestServer.Response r, String... fields) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(fields(r.json())).containsExactlyInAnyOrder(fields);
    }

    private static List<String> fields(JsonNode error) {
        List<String> out = new ArrayList<>();
        error.get("errors").forEach(e -> out.add(e.get("field").asText()));
        return out;
    }

    private static void ok(TestServer.Response r) {
        assertThat(r.status()).as(r.body()).isBetween(200, 204);
    }

    private static long created(TestServer.Response r) {
        return created(r, "/id");
    }

    private static long created(TestServer.Response r, String idAt) {
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().at(idAt).asLong();
    }

    // ---- fixtures ----

    private long count(String sql) {
        return server.app().database().read(tx -> tx.number(sql));
    }

    private long userId(String username) {
        return server.app().domains().accounts().userByName(username).orElseThrow().id();
    }

    private static String latestCode(ApiClient who) {
        for (JsonNode n : who.json("/api/outbox").get("items")) {
            Matcher m = CODE.matcher(n.get("text").asText());
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new AssertionError("no verification code in the outbox");
    }

    private static Map<String, Object> financingForm(String mobile) {
        return Map.of("amountYuan", 200_000, "termMonths", 6, "purpose", "采购原材料，履行买方订单", "contactName",
                "示例联系人", "mobile", mobile);
    }

    private Map<String, Object> claimForm() {
        return Map.of("buyerId", gulf, "answers", Map.of("DISPUTE", false, "REPORTED_LOSS", true,
                        "DEBT_ACKNOWLEDGED", false, "FINANCING", false), "lossCause", "DEFAULT",
                "reason", "买方收货后以资金紧张为由长期拖欠货款，经多次催收仍未付款",
                "caseDescription", "我司于二零二四年一月向买方出运电子产品一批，买方收货后至今未支付任何款项");
    }
}
