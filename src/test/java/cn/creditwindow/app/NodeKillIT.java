package cn.creditwindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.TestClock;
import cn.creditwindow.config.Config;
import cn.creditwindow.store.Database;
import cn.creditwindow.store.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code kill -9} of a node during writes (#17): client threads write through a node in a JVM of its own
 * ({@link NodeProcess}), drafting claims with an attachment each and leaving message-board messages, each keeping what
 * the node acknowledged (a 201 with the new id); after about 1.5 s the node is SIGKILLed with requests in flight. A
 * new node on the same records (the same SQLite file; the same PostgreSQL database) serves every acknowledged write,
 * each attachment byte for byte, and no record is half saved: every attachment row has its blob, every blob its whole
 * content and an attachment, every claim's running total the sum of its attachments.
 *
 * <p>Runs itself on both databases, so the build runs it once, in the default integration-test run.
 */
class NodeKillIT {
    private static final Instant JUNE_2024 = Instant.parse("2024-06-17T01:00:00Z");
    private static final int ATTACHMENT_BYTES = 300 * 1024; // two chunks of the blob store
    @TempDir
    Path dir;
    private NodeProcess node;

    /** What the node acknowledged. */
    private record Attachment(long claim, long id, String sha256) {
    }

    private final Queue<Long> claims = new ConcurrentLinkedQueue<>();
    private final Queue<Attachment> attachments = new ConcurrentLinkedQueue<>();
    private final Queue<Long> messages = new ConcurrentLinkedQueue<>();

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"sqlite", "postgresql"})
    void everyWriteAcknowledgedBeforeAKillNineIsThereAfterwards(String store) throws Exception { // #17
        Config config = config(store);
        long[] policyAndBuyer = demoWorld(config);
        node = NodeProcess.start(config, JUNE_2024, NodeProcess.Then.SERVE);
        ApiClient legal = ApiClient.signIn(node.base(), "szt-legal", DemoWorld.PASSWORD);
        ApiClient luoyang = ApiClient.signIn(node.base(), "ly-legal", DemoWorld.PASSWORD);

        AtomicBoolean killed = new AtomicBoolean();
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> writers = List.of(
                writer(killed, failures, n -> draftWithAttachment(legal, policyAndBuyer, n)),
                writer(killed, failures, n -> draftWithAttachment(legal, policyAndBuyer, 1_000 + n)),
                writer(killed, failures, n -> leaveMessage(luoyang, n)),
                writer(killed, failures, n -> leaveMessage(luoyang, 1_000 + n)));
        writers.forEach(Thread::start);
        Thread.sleep(1_500);
        node.kill(); // with requests in flight
        killed.set(true);
        for (Thread w : writers) {
            w.join(30_000);
        }
        int acknowledged = claims.size() + attachments.size() + messages.size();
        System.out.printf("NodeKillIT on %s: %d writes acknowledged before kill -9 (%d claims, %d attachments,"
                + " %d messages)%n", store, acknowledged, claims.size(), attachments.size(), messages.size());
        assertThat(failures).as("writes the node refused").isEmpty();
        assertThat(claims).as("claims acknowledged before the kill").isNotEmpty();
        assertThat(attachments).as("attachments acknowledged before the kill").isNotEmpty();
        assertThat(messages).as("messages acknowledged before the kill").isNotEmpty();

        node = NodeProcess.start(config, JUNE_2024, NodeProcess.Then.SERVE);
        assertEveryAcknowledgedWriteIsServed(ApiClient.signIn(node.base(), "szt-legal", DemoWorld.PASSWORD),
                ApiClient.signIn(node.base(), "ly-legal", DemoWorld.PASSWORD));
        node.close();
        assertNothingHalfSaved(config);
    }

    /**
     * A thread that writes until the node is killed: then its requests fail, and it ends. A refusal (any answer but the
     * write's 201) fails the thread, into {@code failures}.
     */
    private static Thread writer(AtomicBoolean killed, Queue<Throwable> failures, IntConsumer write) {
        Thread t = new Thread(() -> {
            for (int n = 0; !killed.get(); n++) {
                try {
                    write.accept(n);
                } catch (UncheckedIOException e) {
                    return; // the node is gone (or going): this write was never acknowledged
                }
            }
        });
        t.setUncaughtExceptionHandler((thread, e) -> failures.add(e));
        return t;
    }

    private void draftWithAttachment(ApiClient legal, long[] policyAndBuyer, int n) {
        long claim = ClaimAttachmentsIT.newClaim(legal, policyAndBuyer[0], policyAndBuyer[1]);
        claims.add(claim);
        byte[] content = ClaimAttachmentsIT.pdf(ATTACHMENT_BYTES, n);
        TestServer.Response up = legal.post("/api/claims/" + claim + "/attachments?name=proof-" + n + ".pdf", content,
                "application/octet-stream");
        assertThat(up.status()).as(up.body()).isEqualTo(201);
        attachments.add(new Attachment(claim, up.json().get("id").asLong(), ClaimAttachmentsIT.sha256(content)));
    }

    private void leaveMessage(ApiClient luoyang, int n) {
        Map<String, Object> m = new HashMap<>();
        m.put("companyName", "洛阳示例机械制造有限公司");
        m.put("province", "410000");
        m.put("city", "410300");
        m.put("district", "410302");
        m.put("contactName", "王女士");
        m.put("mobile", "+86 139-0037-9000");
        m.put("subject", "留言 " + n);
        m.put("content", "请问明年的小微企业统保保单如何续转？需要准备哪些材料？");
        TestServer.Response r = luoyang.post("/api/message-board", m);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        messages.add(r.json().get("id").asLong());
    }

    private void assertEveryAcknowledgedWriteIsServed(ApiClient legal, ApiClient luoyang) {
        for (long claim : claims) {
            TestServer.Response r = legal.get("/api/claims/" + claim);
            assertThat(r.status()).as("claim %d: %s", claim, r.body()).isEqualTo(200);
        }
        for (Attachment a : attachments) {
            TestServer.Response r = legal.get("/api/claims/" + a.claim() + "/attachments/" + a.id());
            assertThat(r.status()).as("attachment %d: %s", a.id(), r.body()).isEqualTo(200);
            assertThat(ClaimAttachmentsIT.sha256(r.raw().body())).as("attachment %d", a.id()).isEqualTo(a.sha256());
        }
        for (long message : messages) {
            TestServer.Response r = luoyang.get("/api/message-board/" + message);
            assertThat(r.status()).as("message %d: %s", message, r.body()).isEqualTo(200);
            assertThat(r.json().get("subject").asText()).startsWith("留言 ");
        }
    }

    private static void assertNothingHalfSaved(Config config) {
        try (Database db = App.openDatabase(config)) {
            assertThat(count(db, "SELECT COUNT(*) FROM claim_attachments a LEFT JOIN blobs b ON b.id = a.blob_id"
                    + " WHERE b.id IS NULL OR b.size_bytes <> a.size_bytes OR b.sha256 <> a.sha256"))
                    .as("attachment rows without their blob").isZero();
            assertThat(count(db, "SELECT COUNT(*) FROM blobs b WHERE NOT EXISTS"
                    + " (SELECT 1 FROM claim_attachments a WHERE a.blob_id = b.id)"))
                    .as("blobs without an attachment").isZero();
            assertThat(count(db, "SELECT COUNT(*) FROM blobs b WHERE b.size_bytes <>"
                    + " (SELECT COALESCE(SUM(LENGTH(c.content)), 0) FROM blob_chunks c WHERE c.blob_id = b.id)"))
                    .as("blobs without their whole content").isZero();
            assertThat(count(db, "SELECT COUNT(*) FROM blob_chunks c WHERE NOT EXISTS"
                    + " (SELECT 1 FROM blobs b WHERE b.id = c.blob_id)")).as("chunks without a blob").isZero();
            assertThat(count(db, "SELECT COUNT(*) FROM claims c WHERE c.attachment_bytes <>"
                    + " (SELECT COALESCE(SUM(a.size_bytes), 0) FROM claim_attachments a WHERE a.claim_id = c.id)"))
                    .as("claims whose running total is not their attachments'").isZero();
        }
    }

    private static long count(Database db, String sql) {
        return db.read(tx -> tx.number(sql));
    }

    /** The node's settings: a SQLite file in the test's folder, or a new database of the test PostgreSQL. */
    private Config config(String store) throws IOException {
        Files.createDirectories(dir.resolve("feeds"));
        Config.Builder b = Config.builder().host("127.0.0.1").port(0).indexDir(dir.resolve("index"))
                .feedsDir(dir.resolve("feeds")).dbFile(dir.resolve("data/credit-window.db")).watchFeeds(false)
                .feedToken(TestServer.FEED_TOKEN).passwordCost(4);
        if (store.equals("postgresql")) {
            b.postgres(new Config.Postgres(TestPostgres.newDatabase(), TestPostgres.USER, null,
                    Config.Postgres.DEFAULT_POOL_SIZE));
        }
        return b.build();
    }

    /** The demo world with the credit enterprise's policy in effect, made in this JVM: the policy and a buyer. */
    private static long[] demoWorld(Config config) throws IOException {
        try (App app = new App(config, new TestClock(JUNE_2024))) {
            DemoWorld.create(app).effectiveCreditPolicy(app, Config.CHINA);
            long policy = app.database().read(tx -> tx.number("SELECT p.id FROM policies p JOIN users u"
                    + " ON u.enterprise_id = p.enterprise_id WHERE u.username = 'szt-legal' AND p.state = 'EFFECTIVE'"));
            long buyer = app.database().read(tx -> tx.number(
                    "SELECT id FROM buyers WHERE name_en = 'Gulf Star General Trading LLC'"));
            return new long[]{policy, buyer};
        }
    }
}
