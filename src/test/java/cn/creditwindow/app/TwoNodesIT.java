package cn.creditwindow.app;

import static cn.creditwindow.app.TestServer.PUSH;
import static cn.creditwindow.app.TestServer.enc;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Two app nodes of one deployment behind a load balancer: the same records and the same search collection, each on
 * its own port, so a user's requests may reach either (#17). Runs in the build's cluster run (PostgreSQL and a real
 * 3-node SolrCloud); the nodes share nothing in memory.
 */
class TwoNodesIT extends TwoNodesCase {
    @Override
    TwoNodes start(Path dir) throws IOException {
        return TwoNodes.withDemoWorld(dir);
    }

    @Test
    void aSessionOpenedOnOneNodeWorksOnTheOtherAndEndsOnBoth() {
        ApiClient onA = ApiClient.demo(a, "sz-legal");
        ApiClient onB = onA.on(b);
        TestServer.Response there = onB.get("/api/session");
        assertThat(there.status()).as(there.body()).isEqualTo(200);
        assertThat(there.json().at("/user/username").asText()).isEqualTo("sz-legal");

        assertThat(onB.delete("/api/session").status()).isIn(200, 204);
        assertThat(onA.get("/api/session").status()).isEqualTo(401);
        assertThat(onB.get("/api/session").status()).isEqualTo(401);
    }

    @Test
    void anArticlePushedToOneNodeIsFoundOnTheOtherAtOnce() {
        byte[] rss = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>推送</title>"
                + "<item><title>秘鲁港口罢工影响铜矿出口</title><guid>two-nodes-1</guid>"
                + "<pubDate>Fri, 20 Nov 2026 10:15:00 +0800</pubDate></item></channel></rss>")
                .getBytes(StandardCharsets.UTF_8);
        TestServer.Response pushed = a.post("/api/feeds?module=trade-news", rss, "application/rss+xml", PUSH);
        assertThat(pushed.status()).as(pushed.body()).isEqualTo(200);

        TestServer.Response found = b.get("/api/articles?q=" + enc("铜矿"));
        assertThat(found.json().path("total").asLong()).isEqualTo(1);
        String id = found.json().at("/items/0/id").asText();
        assertThat(b.get("/api/articles/" + id).status()).isEqualTo(200);
        // pushed again to the other node: the same article, unchanged
        TestServer.Response again = b.post("/api/feeds?module=trade-news", rss, "application/rss+xml", PUSH);
        assertThat(again.json().path("itemsUnchanged").asInt()).as(again.body()).isEqualTo(1);
    }
}
