package cn.creditwindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.TestClock;
import cn.creditwindow.config.Config;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The claims pages as a browser's forms use them (urlencoded posts with {@code _csrf}, 303 after success): the
 * policy list, the application form, the claim page with a shipment and the submission, the reviewer's queue,
 * acceptance and payment, the review receipt; bad input shows the error page with the field; another enterprise
 * gets 404.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the demo's claim is made while the enterprise has none
class ClaimsPagesIT {
    private TestServer server;
    private DemoWorld world;
    private long gulf;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        server = TestServer.start(dir, null, null, new TestClock(Instant.parse("2024-06-17T01:00:00Z")));
        world = DemoWorld.create(server.app());
        world.effectiveCreditPolicy(server.app(), Config.CHINA);
        gulf = server.app().database().read(tx -> tx.number(
                "SELECT id FROM buyers WHERE name_en = 'Gulf Star General Trading LLC'"));
    }

    @AfterAll
    void stop() throws IOException {
        server.close();
    }

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    @Test
    @Order(1)
    void theDemoHasASubmittedClaimForTheReviewerAndMakesItOnce() {
        world.submittedClaim(server.app());
        world.submittedClaim(server.app());
        assertThat(world.claimLine()).contains("szt-legal", "/claims/review");
        long n = server.app().database().read(tx -> tx.number("SELECT COUNT(*) FROM claims WHERE state = 'SUBMITTED'"));
        assertThat(n).isEqualTo(1);
        long shipments = server.app().database().read(tx -> tx.number("SELECT COUNT(*) FROM claim_shipments"
                + " WHERE invoice_no = 'DEMO-INV-001'"));
        assertThat(shipments).isEqualTo(1);
    }

    @Test
    @Order(2)
    void aClaimThroughThePages() {
        ApiClient legal = ApiClient.demo(server, "szt-legal");
        ApiClient reviewer = ApiClient.demo(server, "reviewer");
        Document list = Jsoup.parse(legal.get("/claims").body());
        String newHref = list.select("a.new-claim").attr("href");
        assertThat(newHref).matches("/claims/policies/\\d+/new");
        Document form = Jsoup.parse(legal.get(newHref).body());
        assertThat(form.select("#claim-form input[name=answer.FINANCING]")).hasSize(2);
        assertThat(form.select("#lossCause option[value=INSOLVENCY]").text()).isEqualTo("买方破产");

        Map<String, String> f = new LinkedHashMap<>();
        f.put("buyerId", Long.toString(gulf));
        f.put("answer.DISPUTE", "no");
        f.put("answer.REPORTED_LOSS", "yes");
        f.put("answer.DEBT_ACKNOWLEDGED", "no");
        f.put("answer.FINANCING", "no");
        f.put("lossCause", "INSOLVENCY");
        f.put("reason", "短");
        f.put("caseDescription", "买方已于二零二四年五月被当地法院宣告破产，我司货款无法收回");
        String action = form.select("#claim-form").attr("action");
        TestServer.Response bad = legal.form(action, encode(f));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("索赔原因描述不能少于 20 个汉字");
        f.put("reason", "买方破产清算，管理人通知我司申报债权，货款预计无法收回");
        TestServer.Response created = legal.form(action, encode(f));
        assertThat(created.status()).isEqualTo(303);
        String claimPath = created.raw().headers().firstValue("Location").orElseThrow();
        assertThat(claimPath).matches("/claims/\\d+");

        String cover = server.app().database().read(tx -> tx.one("SELECT cover_start FROM policies p JOIN claims c"
                + " ON c.policy_id = p.id WHERE c.id = ?", r -> r.string("cover_start"),
                Long.parseLong(claimPath.substring("/claims/".length())))).orElseThrow();
        Map<String, String> s = new LinkedHashMap<>(Map.of("invoiceNo", "P-1", "hsCode", "85171200", "shippedOn",
                cover, "paymentMethod", "OA", "termDays", "60", "invoiceAmount", "440000", "claimedAmount", "440000",
                "collectionStatus", "NONE", "transportMode", "SEA", "declarations", DemoCustoms.FREE_DECLARATION));
        // a form the claim's page cannot show again: the error page names the fields and leads back to the claim,
        // not to a query repeated without them (#14)
        Map<String, String> noDeclaration = new LinkedHashMap<>(s);
        noDeclaration.put("declarations", "");
        TestServer.Response refused = legal.withHeader("Referer", server.base() + claimPath)
                .form(claimPath + "/shipments", encode(noDeclaration));
        assertThat(refused.status()).isEqualTo(400);
        Document refusedPage = Jsoup.parse(refused.body());
        assertThat(refusedPage.select("h1").text()).isEqualTo("提交的内容有误");
        assertThat(refusedPage.select(".field-errors li[data-field=declarations]")).hasSize(1);
        assertThat(refusedPage.select(".actions a.btn-primary").attr("href")).isEqualTo(claimPath);
        assertThat(refused.body()).doesNotContain("去掉有误的条件重新查询");
        assertThat(legal.form(claimPath + "/shipments", encode(s)).status()).isEqualTo(303);
        Document withShipment = Jsoup.parse(legal.get(claimPath).body());
        assertThat(withShipment.select("#shipments tbody tr")).hasSize(1);
        assertThat(legal.form(claimPath + "/submit", "").status()).isEqualTo(400);
        // the declaration check shows ✓ for the enterprise's own declaration; the report is still to be generated
        assertThat(withShipment.select("#check-declaration-table tr[data-number=" + DemoCustoms.FREE_DECLARATION
                + "] .check-result").text()).isEqualTo("✓ 数据正常");
        assertThat(withShipment.select("#report-status").attr("data-state")).isEqualTo("none");
        TestServer.Response noReport = legal.form(claimPath + "/submit", "declaration=on");
        assertThat(noReport.status()).isEqualTo(400);
        assertThat(noReport.body()).contains("提交前请先生成出运数据报告");
        assertThat(legal.form(claimPath + "/shipment-report", "").status()).isEqualTo(303);
        assertThat(Jsoup.parse(legal.get(claimPath).body()).select("#report-status").attr("data-state"))
                .isEqualTo("current");

        // editing the shipment (prefilled) makes the report stale; editing the claim form (prefilled) does not
        String editHref = withShipment.select("#shipments a.edit-shipment").attr("href");
        assertThat(editHref).matches("/claims/\\d+/shipments/\\d+/edit");
        Document editShipment = Jsoup.parse(legal.get(editHref).body());
        assertThat(editShipment.select("#s-invoiceNo").val()).isEqualTo("P-1");
        assertThat(editShipment.select("#s-claimedAmount").val()).isEqualTo("440000.00");
        assertThat(editShipment.select("#s-paymentMethod option[selected]").val()).isEqualTo("OA");
        assertThat(editShipment.select("#shipment-edit-form").attr("action")).isEqualTo(editHref);
        s.put("claimedAmount", "430000");
        s.put("declarations", "123");
        TestServer.Response badEdit = legal.form(editHref, encode(s));
        assertThat(badEdit.status()).isEqualTo(400);
        s.put("declarations", DemoCustoms.FREE_DECLARATION);
        assertThat(legal.form(editHref, encode(s)).status()).isEqualTo(303);
        Document edited = Jsoup.parse(legal.get(claimPath).body());
        assertThat(edited.select("#shipments tbody tr td").eachText()).contains("430,000.00");
        assertThat(edited.select("#report-status").attr("data-state")).isEqualTo("stale");
        assertThat(legal.form(claimPath + "/submit", "declaration=on").body()).contains("请重新生成出运数据报告");
        assertThat(legal.form(claimPath + "/shipment-report", "").status()).isEqualTo(303);
        Document editClaim = Jsoup.parse(legal.get(claimPath + "/edit").body());
        assertThat(editClaim.select("#buyerId").val()).isEqualTo(Long.toString(gulf));
        assertThat(editClaim.select("#reason").text()).isEqualTo(f.get("reason"));
        assertThat(editClaim.select("input[name=answer.REPORTED_LOSS][value=yes]").hasAttr("checked")).isTrue();
        assertThat(editClaim.select("#lossCause option[selected]").val()).isEqualTo("INSOLVENCY");
        f.put("mitigation", "已向破产管理人申报债权");
        assertThat(legal.form(claimPath + "/edit", encode(f)).status()).isEqualTo(303);
        assertThat(Jsoup.parse(legal.get(claimPath).body()).select("#claim-facts").text()).contains("已向破产管理人申报债权");
        assertThat(ApiClient.demo(server, "hn-legal").get(claimPath + "/edit").status()).isEqualTo(404);

        assertThat(legal.form(claimPath + "/submit", "declaration=on").status()).isEqualTo(303);
        assertThat(legal.get(claimPath + "/edit").status()).isEqualTo(409);
        assertThat(legal.get(editHref).status()).isEqualTo(409);
        Document submitted = Jsoup.parse(legal.get(claimPath).body());
        assertThat(submitted.select("#claim-state").text()).isEqualTo("已提交");
        assertThat(submitted.select("#shipment-form")).isEmpty();

        assertThat(ApiClient.demo(server, "hn-legal").get(claimPath).status()).isEqualTo(404);

        assertThat(Jsoup.parse(reviewer.get("/claims/review").body()).select("#claims-queue a[href=" + claimPath + "]"))
                .hasSize(1);
        assertThat(reviewer.form(claimPath + "/accept", "").status()).isEqualTo(303);
        assertThat(Jsoup.parse(reviewer.get(claimPath).body()).select("#claim-due").text()).isEqualTo("2024-07-08");
        // #14: 试算 shows the payout beside the form and saves nothing; a bad amount is named under its field
        Document panel = Jsoup.parse(reviewer.get(claimPath).body());
        assertThat(panel.select("#payout-ratio").text()).isEqualTo("80%");
        assertThat(panel.select("#payout-hint")).hasSize(1);
        TestServer.Response preview = reviewer.form(claimPath + "/payout-preview", "loss=440000&aggregateLimit=");
        assertThat(preview.status()).isEqualTo(200);
        Document previewed = Jsoup.parse(preview.body());
        assertThat(previewed.select("#payout-computed").text()).isEqualTo("150,000.00");
        assertThat(previewed.select("#loss").val()).isEqualTo("440000");
        assertThat(previewed.select("#claim-state").text()).isEqualTo("已受理");
        TestServer.Response badPreview = reviewer.form(claimPath + "/payout-preview", "loss=abc&aggregateLimit=-1");
        assertThat(badPreview.status()).isEqualTo(400);
        assertThat(Jsoup.parse(badPreview.body()).select(".field-msg").eachAttr("data-field"))
                .containsExactly("loss", "aggregateLimit");
        assertThat(Jsoup.parse(legal.get(claimPath).body()).select("#payout-panel")).isEmpty();
        assertThat(legal.form(claimPath + "/payout-preview", "loss=1").status()).isEqualTo(403);
        assertThat(reviewer.form(claimPath + "/payment", "loss=440000").status()).isEqualTo(303);
        Document paid = Jsoup.parse(legal.get(claimPath + "?lang=en").body());
        assertThat(paid.select("#claim-state").text()).isEqualTo("decided and paid");
        assertThat(paid.select("#claim-payout").text()).isEqualTo("150,000.00");
        assertThat(paid.select("#history .event-kind").eachText()).containsExactly("Submitted", "Accepted", "Paid");
    }

    @Test
    @Order(3)
    void theCustomsPagesShowOnlyOnesOwnDeclarations() {
        Document own = Jsoup.parse(ApiClient.demo(server, "szt-legal").get("/customs/declarations").body());
        assertThat(own.select("#declarations tbody tr").eachAttr("data-number"))
                .contains(DemoCustoms.DECLARATION, DemoCustoms.FREE_DECLARATION);
        assertThat(own.select("#declarations thead th").eachText()).doesNotContain("收发货人");
        Document others = Jsoup.parse(ApiClient.demo(server, "hn-legal").get("/customs/declarations").body());
        assertThat(others.select("#declarations tbody tr")).isEmpty();
        assertThat(others.select("#no-declarations")).hasSize(1);
        Document filtered = Jsoup.parse(ApiClient.demo(server, "szt-legal").get("/customs/declarations?to=2020-01-01")
                .body());
        assertThat(filtered.select("#declarations tbody tr")).isEmpty();
        TestServer.Response bad = ApiClient.demo(server, "szt-legal").get("/customs/declarations?from=yesterday");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("日期应为 yyyy-MM-dd");
        ApiClient reviewer = ApiClient.demo(server, "reviewer");
        Document all = Jsoup.parse(reviewer.get("/customs/declarations").body());
        assertThat(all.select("#declarations thead th").eachText()).contains("收发货人");
        Document claims = Jsoup.parse(reviewer.get("/claims").body());
        assertThat(claims.select("#customs-import").attr("href")).isEqualTo("/customs/import");
        Document upload = Jsoup.parse(reviewer.get("/customs/import").body());
        assertThat(upload.select("#kind option").eachAttr("value"))
                .containsExactly("declarations", "bills-of-lading", "certificates");
        assertThat(Jsoup.parse(ApiClient.demo(server, "szt-legal").get("/claims").body()).select("#customs-import"))
                .isEmpty();
    }

    @Test
    @Order(4)
    void aBadClaimFormComesBackAsTypedWithEveryErrorUnderItsField() { // #13
        ApiClient legal = ApiClient.demo(server, "szt-legal");
        String newHref = Jsoup.parse(legal.get("/claims").body()).select("a.new-claim").attr("href");
        String action = Jsoup.parse(legal.get(newHref).body()).select("#claim-form").attr("action");
        long claims = count("SELECT COUNT(*) FROM claims");
        long buyers = count("SELECT COUNT(*) FROM buyers");
        Map<String, String> f = new LinkedHashMap<>();
        f.put("buyerId", "999999");
        f.put("newBuyerNameEn", "");
        f.put("newBuyerCountry", "Atlantis");
        f.put("newBuyerAddress", "1 Example Road");
        f.put("issuingSwift", "NOPE");
        f.put("answer.DISPUTE", "no");
        f.put("answer.REPORTED_LOSS", "yes");
        f.put("answer.DEBT_ACKNOWLEDGED", "no");
        f.put("lossCause", "INSOLVENCY");
        f.put("reason", "短");
        f.put("caseDescription", "买方已于二零二四年五月被当地法院宣告破产，我司货款无法收回");
        TestServer.Response bad = legal.form(action, encode(f));
        assertThat(bad.status()).isEqualTo(400);
        Document page = Jsoup.parse(bad.body());
        assertThat(page.select("#form-errors li").eachAttr("data-field")).containsExactlyInAnyOrder("buyerId",
                "newBuyer.nameEn", "newBuyer.country", "newBuyer", "issuingBank.swift", "issuingBank.nameEn",
                "issuingBank.country", "issuingBank.addressEn", "answers.FINANCING", "reason");
        // each message under its own field, and what was typed is still there
        assertThat(page.select("#buyerId ~ .field-msg[data-field=buyerId]").text()).contains("999999");
        assertThat(page.select(".field-msg[data-field=newBuyer.country]").text()).contains("Atlantis");
        assertThat(page.select(".field-msg[data-field=answers.FINANCING]")).hasSize(1);
        assertThat(page.select(".field-msg[data-field=reason]").text()).contains("20");
        assertThat(page.select("#newBuyerCountry").val()).isEqualTo("Atlantis");
        assertThat(page.select("#newBuyerAddress").val()).isEqualTo("1 Example Road");
        assertThat(page.select("#buyerId").val()).isEqualTo("999999");
        assertThat(page.select("#issuingSwift").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("#caseDescription").text()).isEqualTo(f.get("caseDescription"));
        assertThat(page.select("input[name=answer.REPORTED_LOSS][value=yes]").hasAttr("checked")).isTrue();
        assertThat(page.select("#lossCause option[selected]").val()).isEqualTo("INSOLVENCY");
        assertThat(page.select("#claim-form").attr("action")).isEqualTo(action);
        assertThat(count("SELECT COUNT(*) FROM claims")).isEqualTo(claims);
        assertThat(count("SELECT COUNT(*) FROM buyers")).isEqualTo(buyers);

        f.put("buyerId", "Gulf Star"); // not a number: named with the rest, not alone
        Document again = Jsoup.parse(legal.form(action, encode(f)).body());
        assertThat(again.select("#form-errors li").eachAttr("data-field")).contains("buyerId", "newBuyer.country",
                "reason");
    }

    private long count(String sql) {
        return server.app().database().read(tx -> tx.number(sql));
    }
}
