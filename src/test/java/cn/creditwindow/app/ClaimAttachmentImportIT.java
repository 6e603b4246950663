package cn.creditwindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.TestClock;
import cn.creditwindow.config.Config;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An existing deployment's attachment files (kept beside the database before #17, in
 * {@code attachments/<claim id>/<attachment id>}) move into the database at the next start, so any node serves
 * them: the download is the same bytes, the file is gone from the folder; an attachment whose file is missing
 * answers not found and the start goes on.
 */
class ClaimAttachmentImportIT {
    @TempDir
    Path dir;

    @Test
    void filesOfAnEarlierVersionAreMovedIntoTheDatabaseAtStart() throws IOException { // #17
        TestServer server = TestServer.start(dir, null, null, new TestClock(Instant.parse("2024-06-17T01:00:00Z")));
        long claim;
        long kept;
        long lost;
        byte[] content = ClaimAttachmentsIT.pdf(600_000, 41);
        try {
            DemoWorld world = DemoWorld.create(server.app());
            world.effectiveCreditPolicy(server.app(), Config.CHINA);
            ApiClient legal = ApiClient.demo(server, "szt-legal");
            claim = newClaim(server, legal);
            kept = upload(legal, claim, "发票.pdf", content);
            lost = upload(legal, claim, "丢失.pdf", ClaimAttachmentsIT.pdf(1000, 42));
            // as an earlier version kept them: the content in a file beside the database, none in it
            asAnEarlierVersion(server, claim, kept, true);
            asAnEarlierVersion(server, claim, lost, false);
        } finally {
            server.close();
        }

        TestServer again = TestServer.start(dir, null, null, new TestClock(Instant.parse("2024-06-17T02:00:00Z")));
        try {
            ApiClient legal = ApiClient.demo(again, "szt-legal");
            TestServer.Response d = legal.get("/api/claims/" + claim + "/attachments/" + kept);
            assertThat(d.status()).as(d.body()).isEqualTo(200);
            assertThat(ClaimAttachmentsIT.sha256(d.raw().body())).isEqualTo(ClaimAttachmentsIT.sha256(content));
            assertThat(d.raw().headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
            assertThat(Files.exists(oldFile(claim, kept))).as("moved, not copied").isFalse();
            assertThat(legal.get("/api/claims/" + claim + "/attachments/" + lost).status()).isEqualTo(404);
            // deleting the one never imported works as before
            assertThat(legal.delete("/api/claims/" + claim + "/attachments/" + lost).status()).isEqualTo(204);
            assertThat(legal.json("/api/claims/" + claim + "/attachments").get("items")).hasSize(1);
        } finally {
            again.close();
        }
    }

    private void asAnEarlierVersion(TestServer server, long claim, long attachment, boolean withFile)
            throws IOException {
        var db = server.app().database();
        long blob = db.read(tx -> tx.number("SELECT blob_id FROM claim_attachments WHERE id = ?", attachment));
        if (withFile) {
            Files.createDirectories(oldFile(claim, attachment).getParent());
            try (InputStream in = new cn.creditwindow.store.Blobs(db, java.time.Clock.systemUTC()).open(blob)) {
                Files.copy(in, oldFile(claim, attachment));
            }
        }
        db.inTransaction(tx -> {
            tx.update("UPDATE claim_attachments SET blob_id = NULL WHERE id = ?", attachment);
            tx.update("DELETE FROM blob_chunks WHERE blob_id = ?", blob);
            return tx.update("DELETE FROM blobs WHERE id = ?", blob);
        });
    }

    private Path oldFile(long claim, long attachment) {
        return dir.resolve("data/attachments/" + claim + "/" + attachment);
    }

    private static long upload(ApiClient legal, long claim, String name, byte[] content) {
        TestServer.Response r = legal.post("/api/claims/" + claim + "/attachments?name=" + TestServer.enc(name),
                content, "application/octet-stream");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    /** A draft claim of the demo credit enterprise against its buyer Gulf Star. */
    static long newClaim(TestServer server, ApiClient legal) {
        long gulf = server.app().database().read(tx -> tx.number(
                "SELECT id FROM buyers WHERE name_en = 'Gulf Star General Trading LLC'"));
        long policyId = legal.json("/api/claims/policies").get("items").get(0).get("policy").get("id").asLong();
        return ClaimAttachmentsIT.newClaim(legal, policyId, gulf);
    }
}
