package cn.creditwindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.config.Config;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * #16: when no node of the search cluster answers, the server still starts (its feeds wait for a rescan), the user is
 * told so in both languages with a 503, on the API and on the pages, quickly (each node tried once), and
 * {@code /health} says DOWN; what needs no search keeps working.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchUnavailableIT {
    private TestServer server;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        Config.Solr nowhere = new Config.Solr(List.of(deadAddress(), deadAddress()), "credit-window",
                Duration.ofMillis(500));
        // with feed files to read: the server still starts, and reads them once the cluster answers
        server = TestServer.start(dir, TestServer.fixtures("feeds"), null, Clock.systemUTC(),
                c -> c.toBuilder().solr(nowhere).build());
    }

    @AfterAll
    void stop() throws IOException {
        server.close();
    }

    /** A loopback address nothing listens on. */
    private static URI deadAddress() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + s.getLocalPort() + "/solr");
        }
    }

    @Test
    void theApiAnswers503InBothLanguagesWithoutHanging() {
        long start = System.nanoTime();
        TestServer.Response r = server.get("/api/articles?q=" + TestServer.enc("关税"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(r.status()).as(r.body()).isEqualTo(503);
        assertThat(r.json().get("error").asText()).isEqualTo("search_unavailable");
        assertThat(r.json().get("messageZh").asText()).contains("检索服务暂时不可用");
        assertThat(r.json().get("message").asText()).contains("search is unavailable");
        assertThat(r.raw().headers().firstValue("Retry-After")).hasValue("5");
    }

    @Test
    void thePagesSayItInWordsToo() {
        TestServer.Response page = server.get("/search?q=" + TestServer.enc("关税"));
        assertThat(page.status()).isEqualTo(503);
        assertThat(page.body()).contains("检索服务暂时不可用，请稍后再试").doesNotContain("Exception");
    }

    @Test
    void healthSaysDownAndWhatFailedWhileTheRestStillAnswers() {
        TestServer.Response health = server.get("/health");
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.json().get("status").asText()).isEqualTo("DOWN");
        assertThat(health.json().get("message").asText()).contains("no Solr node answered");
        assertThat(server.get("/metrics").status()).isEqualTo(200);
        assertThat(server.get("/api/reference/countries").status()).isEqualTo(200);
    }
}
