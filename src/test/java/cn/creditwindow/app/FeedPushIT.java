package cn.creditwindow.app;

import static cn.creditwindow.app.TestServer.PUSH;
import static cn.creditwindow.app.TestServer.enc;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pushing feed documents over HTTP, and feed files that are bad: nothing already stored is lost. */
class FeedPushIT {
    @TempDir
    Path dir;

    private static byte[] rss(String guid, String title) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>推送测试</title>"
                + "<item><title>" + title + "</title><guid>" + guid + "</guid>"
                + "<pubDate>Fri, 20 Nov 2026 10:15:00 +0800</pubDate>"
                + "<description><![CDATA[<p>正文<img src=x onerror=\"alert(1)\"><a href=\"javascript:alert(2)\">点击</a></p>"
                + "<script>alert(3)</script>]]></description></item></channel></rss>").getBytes(StandardCharsets.UTF_8);
    }

    private static long total(TestServer server, String q) {
        return server.get("/api/articles?q=" + enc(q)).json().get("total").asLong();
    }

    @Test
    void aPushedItemIsSearchableOnceAcknowledgedAndStoredOnce() throws IOException {
        try (TestServer server = TestServer.start(dir, null, null)) {
            TestServer.Response first = server.post("/api/feeds?module=trade-news", rss("push-1", "墨西哥提高关税"),
                    "application/rss+xml", PUSH);
            assertThat(first.status()).as(first.body()).isEqualTo(200);
            assertThat(first.json().get("itemsNew").asInt()).isEqualTo(1);
            assertThat(total(server, "墨西哥")).isEqualTo(1);
            TestServer.Response again = server.post("/api/feeds?module=trade-news", rss("push-1", "墨西哥提高关税"),
                    "application/rss+xml", PUSH);
            assertThat(again.json().get("itemsUnchanged").asInt()).isEqualTo(1);
            TestServer.Response changed = server.post("/api/feeds?module=trade-news", rss("push-1", "墨西哥再次提高关税"),
                    "application/rss+xml", PUSH);
            assertThat(changed.json().get("itemsUpdated").asInt()).isEqualTo(1);
            assertThat(total(server, "墨西哥")).isEqualTo(1);
            assertThat(server.get("/api/articles?q=" + enc("墨西哥")).json().at("/items/0/title").asText())
                    .isEqualTo("墨西哥再次提高关税");
        }
        // a new server on the same index still has it
        try (TestServer server = TestServer.start(dir, null, null)) {
            assertThat(total(server, "墨西哥")).isEqualTo(1);
        }
    }

    @Test
    void titlesAreTextAndBodiesAreSanitised() throws IOException {
        try (TestServer server = TestServer.start(dir, null, null)) {
            server.post("/api/feeds?module=trade-news",
                    rss("xss-1", "钓鱼邮件&lt;script&gt;alert(1)&lt;/script&gt;预警"), "application/rss+xml", PUSH);
            JsonNode hit = server.get("/api/articles?q=" + enc("钓鱼")).json().get("items").get(0);
            assertThat(hit.get("title").asText()).isEqualTo("钓鱼邮件<script>alert(1)</script>预警");
            assertThat(hit.get("titleHighlighted").asText())
                    .isEqualTo("<em>钓鱼</em>邮件&lt;script&gt;alert(1)&lt;/script&gt;预警");
            String body = server.get("/api/articles/" + hit.get("id").asText()).json().get("bodyHtml").asText();
            assertThat(body).contains("正文").doesNotContain("<script", "onerror", "javascript:");
        }
    }

    @Test
    void badPushesAreRefusedAndLoseNothing() throws IOException {
        try (TestServer server = TestServer.start(dir, TestServer.fixtures("feeds"), null)) {
            long before = server.get("/api/articles").json().get("total").asLong();
            TestServer.Response broken = server.post("/api/feeds?module=trade-news",
                    "<rss><channel><item><title>半截".getBytes(StandardCharsets.UTF_8), "application/rss+xml", PUSH);
            assertThat(broken.status()).isEqualTo(422);
            assertThat(broken.json().get("message").asText()).contains("could not be read");
            assertThat(broken.json().get("messageZh").asText()).contains("无法读取");
            TestServer.Response binary = server.post("/api/feeds?module=trade-news", new byte[]{0, 1, 2, 3, (byte) 0xff},
                    "application/octet-stream", PUSH);
            assertThat(binary.status()).isEqualTo(422);
            // #13: a DOCTYPE with entities was answered "XML without a root element"
            TestServer.Response doctype = server.post("/api/feeds?module=trade-news", ("<?xml version=\"1.0\"?>"
                    + "<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><rss version=\"2.0\"><channel>"
                    + "<item><title>&xxe;</title></item></channel></rss>").getBytes(StandardCharsets.UTF_8),
                    "application/rss+xml", PUSH);
            assertThat(doctype.status()).isEqualTo(422);
            assertThat(doctype.json().get("message").asText()).contains("DOCTYPE declaration is refused");
            assertThat(server.post("/api/feeds", rss("m-1", "无栏目"), "application/rss+xml", PUSH).status()).isEqualTo(400);
            TestServer.Response unknown = server.post("/api/feeds?module=sports", rss("m-2", "未知栏目"),
                    "application/rss+xml", PUSH);
            assertThat(unknown.status()).isEqualTo(400);
            assertThat(unknown.json().at("/errors/0/field").asText()).isEqualTo("module");
            assertThat(server.post("/api/feeds?module=trade-news", new byte[0], "application/rss+xml", PUSH).status())
                    .isEqualTo(400);
            byte[] huge = new byte[64 * 1024 + 1];
            java.util.Arrays.fill(huge, (byte) 'a');
            TestServer.Response tooLarge = server.post("/api/feeds?module=trade-news", huge, "text/html", PUSH);
            assertThat(tooLarge.status()).isEqualTo(413);
            assertThat(tooLarge.json().get("messageZh").asText()).contains("大小上限");
            assertThat(server.get("/api/articles").json().get("total").asLong()).isEqualTo(before);
        }
    }

    @Test
    void aBadFileIsReportedAndTheOthersAreRead() throws IOException {
        try (TestServer server = TestServer.start(dir, TestServer.fixtures("feeds"), null)) {
            long before = server.get("/api/articles").json().get("total").asLong();
            assertThat(before).isEqualTo(8);
        }
        Files.writeString(dir.resolve("feeds/trade-news/broken.xml"), "<rss><channel><item><title>半截");
        Files.writeString(dir.resolve("feeds/trade-news/more.xml"),
                new String(rss("file-2", "新文件中的关税新闻"), StandardCharsets.UTF_8));
        try (TestServer server = TestServer.start(dir, null, null)) {
            assertThat(server.get("/api/articles").json().get("total").asLong()).isEqualTo(9);
            assertThat(total(server, "新文件")).isEqualTo(1);
        }
    }

    @Test
    void onlyHoldersOfAFeedPushTokenMayPush() throws IOException {
        try (TestServer server = TestServer.start(dir, null, "s3cret-token-for-tests")) {
            TestServer.Response anonymous = server.post("/api/feeds?module=trade-news", rss("t-1", "令牌测试"),
                    "application/rss+xml", null);
            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(server.post("/api/feeds?module=trade-news", rss("t-1", "令牌测试"), "application/rss+xml",
                    "Bearer wrong").status()).isEqualTo(401);
            assertThat(total(server, "令牌")).isZero();
            assertThat(server.post("/api/feeds?module=trade-news", rss("t-1", "令牌测试"), "application/rss+xml",
                    "Bearer s3cret-token-for-tests").status()).isEqualTo(200);
            assertThat(total(server, "令牌")).isEqualTo(1);
        }
    }
}
