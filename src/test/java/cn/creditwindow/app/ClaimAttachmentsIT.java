package cn.creditwindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.TestClock;
import cn.creditwindow.config.Config;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Claim attachments over HTTP on the real server, their content in the database and uploads received in a temporary
 * file beside it (#17): exactly 4 MiB is
 * taken and one byte more refused (413, with a Content-Length and streamed without one), ten 4 MiB files fill a claim
 * and 1 MiB more is refused (the "41 MB total"), racing uploads near the limit let exactly one through, the kinds
 * outside the list are 415, a Chinese name with path parts is cleaned and downloaded byte for byte by the claimant
 * and the insurer, another enterprise gets 404 everywhere, a submitted claim's attachments are 409; and the page's
 * form. After every refusal: no row, no file, no temporary file, the claim as it was.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClaimAttachmentsIT {
    static final int MIB = 1024 * 1024;
    static final int FILE_LIMIT = 4 * MIB;

    private TestServer server;
    private Path attachments;
    private long policyId;
    private long gulf;
    private ApiClient legal;
    private ApiClient other;
    private ApiClient reviewer;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        server = TestServer.start(dir, null, null, new TestClock(Instant.parse("2024-06-17T01:00:00Z")));
        DemoWorld world = DemoWorld.create(server.app());
        world.effectiveCreditPolicy(server.app(), Config.CHINA);
        world.submittedClaim(server.app()); // also holds the credit enterprise's customs declarations
        attachments = dir.resolve("data/attachments");
        gulf = server.app().database().read(tx -> tx.number(
                "SELECT id FROM buyers WHERE name_en = 'Gulf Star General Trading LLC'"));
        legal = ApiClient.demo(server, "szt-legal");
        other = ApiClient.demo(server, "hn-legal");
        reviewer = ApiClient.demo(server, "reviewer");
        policyId = legal.json("/api/claims/policies").get("items").get(0).get("policy").get("id").asLong();
    }

    @AfterAll
    void stop() throws IOException {
        server.close();
    }

    // ---- limits ----

    @Test
    void exactlyFourMebibytesAreTakenAndOneByteMoreIsRefusedLeavingNothing() {
        long claim = newClaim();
        String before = claimJson(claim);
        byte[] exact = pdf(FILE_LIMIT, 1);
        TestServer.Response ok = upload(claim, "exact.pdf", exact);
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(ok.json().get("sizeBytes").asLong()).isEqualTo(4_194_304L);
        assertThat(ok.json().get("sha256").asText()).isEqualTo(sha256(exact));
        assertThat(ok.raw().headers().firstValue("Location")).hasValue("/api/claims/" + claim + "/attachments/"
                + ok.json().get("id").asLong());

        byte[] tooLarge = pdf(FILE_LIMIT + 1, 2);
        // announced by Content-Length: refused before the body is read
        TestServer.Response declared = upload(claim, "too-large.pdf", tooLarge);
        assertTooLarge(declared);
        assertThat(declared.json().get("messageZh").asText()).contains("该文件 4,194,305 字节");
        // streamed without a length: refused once the 4,194,305th byte arrives
        TestServer.Response streamed = legal.postChunked(path(claim, "too-large.pdf"), tooLarge,
                "application/octet-stream");
        assertTooLarge(streamed);
        assertThat(streamed.body()).contains("文件过大：单个附件不能超过 4 MB（4,194,304 字节）");

        assertThat(listing(claim).get("items")).hasSize(1);
        assertThat(filesOf(claim)).hasSize(1);
        assertNothingLeft();
        assertThat(claimJson(claim)).isEqualTo(before);
    }

    private static void assertTooLarge(TestServer.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(413);
        assertThat(r.json().get("error").asText()).isEqualTo("too_large");
        assertThat(r.json().get("messageZh").asText()).contains("单个附件不能超过 4 MB");
        assertThat(r.json().get("message").asText()).contains("an attachment is at most 4 MB (4,194,304 bytes)");
    }

    @Test
    void tenFilesOfFourMebibytesFillAClaimAndOneMoreMegabyteIsRefused() {
        long claim = newClaim();
        for (int i = 0; i < 10; i++) {
            TestServer.Response r = upload(claim, "单证" + i + ".pdf", pdf(FILE_LIMIT, 10 + i));
            assertThat(r.status()).as("file " + i + ": " + r.body()).isEqualTo(201);
        }
        JsonNode full = listing(claim);
        assertThat(full.get("items")).hasSize(10);
        assertThat(full.get("totalBytes").asLong()).isEqualTo(40L * MIB).isEqualTo(full.get("maxClaimBytes").asLong());
        String before = claimJson(claim);

        TestServer.Response refused = upload(claim, "第十一个.pdf", pdf(MIB, 99));
        assertThat(refused.status()).as(refused.body()).isEqualTo(413);
        assertThat(refused.json().get("messageZh").asText()).contains("全部附件不能超过 40 MB", "已上传 40 MB", "还可上传 0 B",
                "该文件 1 MB");
        assertThat(refused.json().get("message").asText()).contains("would pass 40 MB in all");
        assertThat(listing(claim).get("items")).hasSize(10);
        assertThat(listing(claim).get("totalBytes").asLong()).isEqualTo(40L * MIB);
        assertThat(filesOf(claim)).hasSize(10);
        assertNothingLeft();
        assertThat(claimJson(claim)).isEqualTo(before);

        // deleting one makes room again; its file goes with it
        long first = full.get("items").get(0).get("id").asLong();
        assertThat(legal.delete("/api/claims/" + claim + "/attachments/" + first).status()).isEqualTo(204);
        assertNothingLeft(); // its content went with it
        assertThat(legal.get("/api/claims/" + claim + "/attachments/" + first).status()).isEqualTo(404);
        assertThat(upload(claim, "第十一个.pdf", pdf(MIB, 99)).status()).isEqualTo(201);
        assertThat(listing(claim).get("totalBytes").asLong()).isEqualTo(37L * MIB);
        assertThat(filesOf(claim)).hasSize(10);
    }

    @Test
    void racingUploadsNearTheLimitLetExactlyOneThrough() throws Exception {
        long claim = newClaim();
        for (int i = 0; i < 9; i++) {
            assertThat(upload(claim, "s" + i + ".pdf", pdf(FILE_LIMIT, 200 + i)).status()).isEqualTo(201);
        }
        // 36 MiB used, 4 MiB left: four uploads of 3 MiB race for it
        int racers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int i = 0; i < racers; i++) {
                byte[] content = pdf(3 * MIB, 300 + i);
                String name = "race" + i + ".pdf";
                Callable<Integer> racer = () -> {
                    go.await();
                    return upload(claim, name, content).status();
                };
                results.add(pool.submit(racer));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 413, 413, 413);
        } finally {
            pool.shutdownNow();
        }
        assertThat(listing(claim).get("items")).hasSize(10);
        assertThat(listing(claim).get("totalBytes").asLong()).isEqualTo(39L * MIB);
        long sum = server.app().database().read(tx -> tx.number(
                "SELECT COALESCE(SUM(size_bytes), 0) FROM claim_attachments WHERE claim_id = ?", claim));
        assertThat(sum).isEqualTo(39L * MIB);
        assertThat(filesOf(claim)).hasSize(10);
        assertNothingLeft();
    }

    // ---- kinds and names ----

    @Test
    void kindsOutsideTheListAndMismatchedExtensionsAreRefused() {
        long claim = newClaim();
        byte[] exe = new byte[2048];
        exe[0] = 'M';
        exe[1] = 'Z';
        TestServer.Response renamed = upload(claim, "发票.pdf", exe);
        assertThat(renamed.status()).isEqualTo(415);
        assertThat(renamed.json().get("error").asText()).isEqualTo("unsupported_media_type");
        assertThat(renamed.json().get("messageZh").asText()).contains("文件类型不允许", "PDF", "Office 文档", "ZIP");
        assertThat(renamed.json().get("message").asText()).contains("PDF, images (JPEG, PNG, GIF, TIFF, BMP, WebP)");
        assertThat(upload(claim, "page.html", "<!DOCTYPE html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8))
                .status()).isEqualTo(415);
        assertThat(upload(claim, "logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8))
                .status()).isEqualTo(415);
        TestServer.Response mismatch = upload(claim, "合同.docx", pdf(1000, 5));
        assertThat(mismatch.status()).isEqualTo(415);
        assertThat(mismatch.json().get("messageZh").asText()).contains(".docx", "PDF");
        TestServer.Response empty = upload(claim, "空.pdf", new byte[0]);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("errors").get(0).get("field").asText()).isEqualTo("file");
        assertThat(empty.json().get("errors").get(0).get("zh").asText()).contains("文件为空");
        TestServer.Response longRemark = legal.post(path(claim, "a.pdf") + "&remark=" + TestServer.enc("长".repeat(201)),
                pdf(1000, 6), "application/pdf");
        assertThat(longRemark.status()).isEqualTo(400);
        assertThat(longRemark.body()).contains("\"remark\"");
        assertThat(listing(claim).get("items")).isEmpty();
        assertThat(listing(claim).get("totalBytes").asLong()).isZero();
        assertThat(filesOf(claim)).isEmpty();
        assertNothingLeft();
    }

    @Test
    void aChineseNameIsCleanedAndTheFileComesBackByteForByteToTheClaimantAndTheInsurer() throws IOException {
        long claim = newClaim();
        byte[] content = pdf(300_000, 7);
        TestServer.Response r = legal.post(path(claim, "C:\\单证\\..\\发票<第1批>:终版?.pdf") + "&remark="
                + TestServer.enc("第一批发票") + "&summary=" + TestServer.enc("INV-001 至 INV-003"), content, "text/html");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode a = r.json();
        long id = a.get("id").asLong();
        assertThat(a.get("fileName").asText()).isEqualTo("发票第1批终版.pdf");
        assertThat(a.get("type").asText()).isEqualTo("PDF");
        assertThat(a.get("contentType").asText()).as("the kind's, not the client's").isEqualTo("application/pdf");
        assertThat(a.get("remark").asText()).isEqualTo("第一批发票");
        assertThat(a.get("summary").asText()).isEqualTo("INV-001 至 INV-003");
        assertThat(a.get("uploadedByName").asText()).isNotBlank();
        // in the database, not on this node's disk (#17)
        assertThat(filesOf(claim)).hasSize(1);
        try (Stream<Path> all = Files.walk(attachments)) {
            assertThat(all.filter(Files::isRegularFile)).isEmpty();
        }

        for (String who : List.of("szt-legal", "szt-operator", "reviewer", "admin", "manager")) {
            TestServer.Response d = ApiClient.demo(server, who).get("/api/claims/" + claim + "/attachments/" + id);
            assertThat(d.status()).as(who).isEqualTo(200);
            assertThat(sha256(d.raw().body())).as(who).isEqualTo(sha256(content));
            assertThat(d.raw().headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
            assertThat(d.raw().headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            String disposition = d.raw().headers().firstValue("Content-Disposition").orElseThrow();
            assertThat(disposition).startsWith("attachment; filename=\"attachment-" + id + ".pdf\"; filename*=UTF-8''");
            assertThat(URLDecoder.decode(disposition.substring(disposition.indexOf("''") + 2), StandardCharsets.UTF_8))
                    .isEqualTo("发票第1批终版.pdf");
        }
        JsonNode seen = ApiClient.demo(server, "manager").json("/api/claims/" + claim + "/attachments");
        assertThat(seen.get("items").get(0).get("sha256").asText()).isEqualTo(sha256(content));
    }

    // ---- who ----

    @Test
    void anotherEnterpriseGetsNotFoundEverywhereAndStoresNothing() {
        long claim = newClaim();
        long id = upload(claim, "a.pdf", pdf(1000, 8)).json().get("id").asLong();
        String base = "/api/claims/" + claim + "/attachments";
        assertThat(other.get(base).status()).isEqualTo(404);
        assertThat(other.get(base + "/" + id).status()).isEqualTo(404);
        assertThat(other.post(base + "?name=b.pdf", pdf(1000, 9), "application/pdf").status()).isEqualTo(404);
        assertThat(other.delete(base + "/" + id).status()).isEqualTo(404);
        assertThat(other.multipart("/claims/" + claim + "/attachments", Map.of(), "file", "b.pdf", pdf(1000, 9))
                .status()).isEqualTo(404);
        assertThat(other.form("/claims/" + claim + "/attachments/" + id + "/delete", "").status()).isEqualTo(404);
        // the insurer reads but does not change
        assertThat(reviewer.post(base + "?name=b.pdf", pdf(1000, 9), "application/pdf").status()).isEqualTo(403);
        assertThat(reviewer.delete(base + "/" + id).status()).isEqualTo(403);
        assertThat(legal.get(base + "/" + (id + 100_000)).status()).isEqualTo(404);
        assertThat(listing(claim).get("items")).hasSize(1);
        assertThat(filesOf(claim)).hasSize(1);
        assertNothingLeft();
    }

    @Test
    void aSubmittedClaimsAttachmentsCanBeReadButNotChanged() {
        long claim = newClaim();
        long id = upload(claim, "proof.pdf", pdf(5000, 11)).json().get("id").asLong();
        Map<String, Object> shipment = new LinkedHashMap<>(Map.of("invoiceNo", "INV-ATT-1", "hsCode", "84713000",
                "shippedOn", legal.json("/api/claims/policies").get("items").get(0).get("policy").get("coverStart")
                        .asText(), "paymentMethod", "OA", "termDays", "90", "invoiceAmount", "180000",
                "claimedAmount", "180000", "collectionStatus", "NONE", "transportMode", "SEA",
                "declarations", DemoCustoms.FREE_DECLARATION));
        assertThat(legal.post("/api/claims/" + claim + "/shipments", shipment).status()).isEqualTo(201);
        assertThat(legal.post("/api/claims/" + claim + "/shipment-report", Map.of()).status()).isEqualTo(201);
        TestServer.Response submitted = legal.post("/api/claims/" + claim + "/submission", Map.of("declaration", true));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);

        TestServer.Response upload = upload(claim, "late.pdf", pdf(5000, 12));
        assertThat(upload.status()).isEqualTo(409);
        assertThat(upload.json().get("messageZh").asText()).contains("不能再修改");
        assertThat(legal.delete("/api/claims/" + claim + "/attachments/" + id).status()).isEqualTo(409);
        assertThat(legal.multipart("/claims/" + claim + "/attachments", Map.of(), "file", "late.pdf", pdf(5000, 12))
                .status()).isEqualTo(409);
        assertThat(listing(claim).get("items")).hasSize(1);
        assertThat(reviewer.get("/api/claims/" + claim + "/attachments/" + id).status()).isEqualTo(200);
        assertThat(filesOf(claim)).hasSize(1);
        assertNothingLeft();
        // the page shows the list without the forms
        Document page = Jsoup.parse(legal.get("/claims/" + claim).body());
        assertThat(page.select("#attachment-list .attachment-download").text()).isEqualTo("proof.pdf");
        assertThat(page.select("#attachment-form")).isEmpty();
        assertThat(page.select(".delete-attachment")).isEmpty();
    }

    // ---- the page's form ----

    @Test
    void thePagesFormUploadsListsAndDeletes() {
        long claim = newClaim();
        Document empty = Jsoup.parse(legal.get("/claims/" + claim).body());
        assertThat(empty.select("#no-attachments").text()).isEqualTo("未查询到数据");
        assertThat(empty.select("#attachment-form[enctype=multipart/form-data] input[name=_csrf]")).hasSize(1);

        byte[] content = pdf(200_000, 13);
        TestServer.Response posted = legal.multipart("/claims/" + claim + "/attachments",
                Map.of("remark", "损失证明", "summary", "律师函"), "file", "律师函.pdf", content);
        assertThat(posted.status()).as(posted.body()).isEqualTo(303);
        assertThat(posted.raw().headers().firstValue("Location")).hasValue("/claims/" + claim + "#attachments");
        Document page = Jsoup.parse(legal.get("/claims/" + claim).body());
        assertThat(page.select("#attachment-list tbody tr")).hasSize(1);
        assertThat(page.select("#attachment-list tbody tr").text()).contains("PDF", "律师函.pdf", "损失证明", "195.3 KB");
        String href = page.select(".attachment-download").attr("href");
        assertThat(sha256(legal.get(href).raw().body())).isEqualTo(sha256(content));
        assertThat(page.select("#attachments-total").text()).contains("共 1 个附件", "195.3 KB", "40 MB", "4 MB");

        // one byte over 4 MiB through the page: the attachment's own 413 message on the error page
        TestServer.Response over = legal.multipart("/claims/" + claim + "/attachments", Map.of(), "file", "大.pdf",
                pdf(FILE_LIMIT + 1, 14));
        assertThat(over.status()).isEqualTo(413);
        assertThat(over.body()).contains("单个附件不能超过 4 MB");
        // past what any form takes (8 MB): Jetty stops reading; still a 413 with words, not a 500
        TestServer.Response huge = legal.multipart("/claims/" + claim + "/attachments", Map.of(), "file", "巨.pdf",
                pdf(9 * MIB, 15));
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.body()).contains("上传的文件过大", "8 MB");
        // no file chosen
        assertThat(legal.multipart("/claims/" + claim + "/attachments", Map.of(), "file", "", new byte[0]).status())
                .isEqualTo(400);
        // #13 (found by InputFuzzIT): a form Jetty cannot parse (a NUL in the file name) is a 400 that says the
        // connection closes, so the client's next request does not go into the closed one
        for (int i = 0; i < 5; i++) {
            TestServer.Response malformed = legal.multipart("/claims/" + claim + "/attachments", Map.of(), "file",
                    "a\u0000.pdf", pdf(1000, 16));
            assertThat(malformed.status()).isEqualTo(400);
            assertThat(malformed.body()).contains("无法读取提交的表单");
            assertThat(malformed.raw().headers().firstValue("Connection")).hasValue("close");
            assertThat(legal.get("/claims/" + claim).status()).isEqualTo(200);
        }
        assertThat(listing(claim).get("items")).hasSize(1);
        assertNothingLeft();

        long id = listing(claim).get("items").get(0).get("id").asLong();
        TestServer.Response deleted = legal.form("/claims/" + claim + "/attachments/" + id + "/delete", "");
        assertThat(deleted.status()).isEqualTo(303);
        assertThat(listing(claim).get("items")).isEmpty();
        assertThat(filesOf(claim)).isEmpty();
        assertThat(legal.withoutCsrf().delete("/api/claims/" + claim + "/attachments/1").status()).isEqualTo(403);
    }

    // ---- helpers ----

    private long newClaim() {
        return newClaim(legal, policyId, gulf);
    }

    /** A draft claim on the policy against the buyer, with a story that passes the checks. */
    static long newClaim(ApiClient legal, long policyId, long buyerId) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("buyerId", buyerId);
        f.put("answers", Map.of("DISPUTE", false, "REPORTED_LOSS", true, "DEBT_ACKNOWLEDGED", false, "FINANCING", false));
        f.put("lossCause", "DEFAULT");
        f.put("reason", ClaimsApiIT.REASON);
        f.put("caseDescription", ClaimsApiIT.STORY);
        TestServer.Response r = legal.post("/api/claims/policies/" + policyId + "/claims", f);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private static String path(long claim, String name) {
        return "/api/claims/" + claim + "/attachments?name=" + TestServer.enc(name);
    }

    private TestServer.Response upload(long claim, String name, byte[] content) {
        return legal.post(path(claim, name), content, "application/octet-stream");
    }

    private JsonNode listing(long claim) {
        return legal.json("/api/claims/" + claim + "/attachments");
    }

    /** The claim as the API shows it, without its attachments' running total (which is not in the view). */
    private String claimJson(long claim) {
        return legal.json("/api/claims/" + claim).toString();
    }

    /** A PDF-looking file of exactly {@code size} bytes (the header, then random bytes from {@code seed}). */
    static byte[] pdf(int size, long seed) {
        byte[] out = new byte[size];
        new Random(seed).nextBytes(out);
        byte[] head = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, out, 0, Math.min(head.length, size));
        return out;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claim's attachments whose content is in the database (#17): their blobs' ids. */
    private List<Long> filesOf(long claim) {
        return server.app().database().read(tx -> tx.list("SELECT b.id FROM claim_attachments a"
                + " JOIN blobs b ON b.id = a.blob_id WHERE a.claim_id = ? ORDER BY b.id", r -> r.longValue("id"), claim));
    }

    /** No temporary file on the node, and no content in the database that no attachment refers to (#17). */
    private void assertNothingLeft() {
        assertThat(incoming()).isEmpty();
        long orphans = server.app().database().read(tx -> tx.number("SELECT COUNT(*) FROM blobs WHERE id NOT IN"
                + " (SELECT blob_id FROM claim_attachments WHERE blob_id IS NOT NULL)"));
        long orphanChunks = server.app().database().read(tx -> tx.number("SELECT COUNT(*) FROM blob_chunks WHERE"
                + " blob_id NOT IN (SELECT blob_id FROM claim_attachments WHERE blob_id IS NOT NULL)"));
        assertThat(orphans).as("blobs without an attachment").isZero();
        assertThat(orphanChunks).as("chunks without an attachment").isZero();
    }

    private List<Path> incoming() {
        return files(attachments.resolve("incoming"));
    }

    private static List<Path> files(Path dir) {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
