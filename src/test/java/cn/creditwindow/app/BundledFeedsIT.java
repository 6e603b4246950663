package cn.creditwindow.app;

import static cn.creditwindow.app.TestServer.enc;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample feeds shipped in feeds/ are what a new user sees first: all of them must read cleanly. */
class BundledFeedsIT {
    @TempDir
    Path dir;

    @Test
    void theSampleFeedsServeEveryModule() throws IOException {
        try (TestServer server = TestServer.start(dir, Path.of("feeds"), null)) {
            JsonNode all = server.get("/api/articles").json();
            assertThat(all.get("total").asLong()).isGreaterThanOrEqualTo(120);
            for (String module : new String[] {"country-alert", "industry-alert", "belt-and-road", "trade-news"}) {
                assertThat(all.at("/facets/module/" + module).asLong()).as(module).isGreaterThanOrEqualTo(30);
            }
            JsonNode tariffs = server.get("/api/articles?q=" + enc("关税")).json();
            assertThat(tariffs.get("total").asLong()).isGreaterThanOrEqualTo(6);
            assertThat(tariffs.at("/items/0/titleHighlighted").asText()).contains("<em>关税</em>");
            JsonNode withAttachments = server.get("/api/articles?module=industry-alert&size=100").json();
            assertThat(withAttachments.findValues("hasAttachments")).anyMatch(JsonNode::asBoolean);
            for (JsonNode item : withAttachments.get("items")) {
                if (item.get("hasAttachments").asBoolean()) {
                    JsonNode article = server.get("/api/articles/" + item.get("id").asText()).json();
                    for (JsonNode a : article.get("attachments")) {
                        assertThat(server.get(a.get("url").asText()).status()).as(a.toString()).isEqualTo(200);
                    }
                }
            }
            JsonNode phishing = server.get("/api/articles?q=" + enc("钓鱼邮件")).json().at("/items/0");
            String body = server.get("/api/articles/" + phishing.get("id").asText()).json().get("bodyHtml").asText();
            assertThat(body).doesNotContain("<script", "onerror", "javascript:");
        }
    }
}
