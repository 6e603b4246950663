package cn.creditwindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.digest.UnsubscribeTokens.Purpose;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Files any node can serve (#17): a claim attachment uploaded through one node downloads from the other, byte for
 * byte, and is deleted through it; an unsubscribe link one node signed works on the other (one key, in the database).
 * Runs in the build's cluster run (PostgreSQL and SolrCloud), as {@link TwoNodesIT}.
 */
class TwoNodesFilesIT extends TwoNodesCase {
    @Override
    TwoNodes start(Path dir) throws IOException {
        return TwoNodes.withDemoPolicy(dir);
    }

    @Test
    void anAttachmentUploadedOnOneNodeDownloadsFromTheOther() {
        ApiClient onA = ApiClient.demo(a, "szt-legal");
        ApiClient onB = onA.on(b);
        long claim = ClaimAttachmentImportIT.newClaim(a, onA);
        byte[] content = ClaimAttachmentsIT.pdf(4 * 1024 * 1024, 77);
        TestServer.Response up = onA.post("/api/claims/" + claim + "/attachments?name=" + TestServer.enc("提单.pdf"),
                content, "application/octet-stream");
        assertThat(up.status()).as(up.body()).isEqualTo(201);
        long id = up.json().get("id").asLong();

        TestServer.Response down = onB.get("/api/claims/" + claim + "/attachments/" + id);
        assertThat(down.status()).as(down.body()).isEqualTo(200);
        assertThat(ClaimAttachmentsIT.sha256(down.raw().body())).isEqualTo(ClaimAttachmentsIT.sha256(content));
        assertThat(down.raw().headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        assertThat(down.raw().headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
        assertThat(down.raw().headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        assertThat(onB.delete("/api/claims/" + claim + "/attachments/" + id).status()).isEqualTo(204);
        assertThat(onA.get("/api/claims/" + claim + "/attachments/" + id).status()).isEqualTo(404);
    }

    @Test
    void anUnsubscribeLinkSignedOnOneNodeWorksOnTheOther() {
        String token = a.app().domains().unsubscribeTokens().sign(Purpose.SUBSCRIBER, 1);
        assertThat(b.app().domains().unsubscribeTokens().verify(token).id()).isEqualTo(1);
        TestServer.Response page = b.get("/digests/unsubscribe?token=" + TestServer.enc(token));
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(b.get("/digests/unsubscribe?token=a1.forged").status()).isEqualTo(400);
    }
}
