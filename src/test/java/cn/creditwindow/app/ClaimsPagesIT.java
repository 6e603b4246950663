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
                "collectionStatus", "NONE", "transportMode", "SEA", "declarations", DemoWorld.DEMO_FREE_DECLARATION));
        assertThat(legal.form(claimPath + "/shipments", encode(s)).status()).isEqualTo(303);
        assertThat(Jsoup.parse(legal.get(claimPath).body()).select("#shipments tbody tr")).hasSize(1);
        assertThat(legal.form(claimPath + "/submit", "").status()).isEqualTo(400);
        assertThat(legal.form(claimPath + "/submit", "declaration=on").status()).isEqualTo(303);
        Document submitted = Jsoup.parse(legal.get(claimPath).body());
        assertThat(submitted.select("#claim-state").text()).isEqualTo("已提交");
        assertThat(submitted.select("#shipment-form")).isEmpty();

        assertThat(ApiClient.demo(server, "hn-legal").get(claimPath).status()).isEqualTo(404);

        assertThat(Jsoup.parse(reviewer.get("/claims/review").body()).select("#claims-queue a[href=" + claimPath + "]"))
                .hasSize(1);
        assertThat(reviewer.form(claimPath + "/accept", "").status()).isEqualTo(303);
        assertThat(Jsoup.parse(reviewer.get(claimPath).body()).select("#claim-due").text()).isEqualTo("2024-07-08");
        assertThat(reviewer.form(claimPath + "/payment", "loss=440000").status()).isEqualTo(303);
        Document paid = Jsoup.parse(legal.get(claimPath + "?lang=en").body());
        assertThat(paid.select("#claim-state").text()).isEqualTo("decided and paid");
        assertThat(paid.select("#claim-payout").text()).isEqualTo("150,000.00");
        assertThat(paid.select("#history .event-kind").eachText()).containsExactly("Submitted", "Accepted", "Paid");
    }
}
