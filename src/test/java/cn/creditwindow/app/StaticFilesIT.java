package cn.creditwindow.app;

import static cn.creditwindow.app.TestServer.enc;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jetty.util.resource.FileSystemPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's static files (the pages' {@code /assets}, the swagger-ui webjar) on the real server: they are served,
 * and serving them, or anything else, does not mount a jar as a zip file system (#18: Jetty's classpath resources kept
 * eight mounts of the fat jar, ~45 MB of a 256 MB heap).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaticFilesIT {
    private TestServer server;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        server = TestServer.start(dir, TestServer.fixtures("feeds"), null);
    }

    @AfterAll
    void stop() throws IOException {
        server.close();
    }

    @Test
    void servingPagesApiAndStaticFilesMountsNoJar() { // #18
        String docs = server.get("/api-docs").body();
        String bundle = docs.replaceAll("(?s).*<script src=\"([^\"]+)\".*", "$1");
        for (String path : List.of("/api/articles?q=" + enc("光伏"), "/api/articles?q=" + enc("出口") + "&facets=true",
                "/", "/search?q=" + enc("关税"), "/assets/site.css", "/assets/regions.js", bundle,
                bundle.replace("swagger-ui-bundle.js", "swagger-ui.css"))) {
            for (int i = 0; i < 3; i++) {
                assertThat(server.get(path).status()).as(path).isEqualTo(200);
            }
        }
        // Jetty 12 keeps every jar it mounts for classpath resources in this pool, one zip file system per mount
        assertThat(FileSystemPool.INSTANCE.mounts()).as("jars mounted as zip file systems").isEmpty();
    }

    @Test
    void assetsAnswerWithTheirTypeCachingHeadersAndNotModified() {
        TestServer.Response css = server.get("/assets/site.css");
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.raw().headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
        assertThat(css.raw().headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(css.raw().headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        String etag = css.raw().headers().firstValue("ETag").orElseThrow();
        assertThat(server.get("/assets/site.css", "If-None-Match", etag).status()).isEqualTo(304);

        String bundle = server.get("/api-docs").body().replaceAll("(?s).*<script src=\"([^\"]+)\".*", "$1");
        TestServer.Response js = server.get(bundle);
        assertThat(js.raw().headers().firstValue("Cache-Control")).hasValue("max-age=31622400");
        assertThat(js.raw().headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("javascript"));
        assertThat(js.body()).contains("SwaggerUIBundle");
    }

    @Test
    void aMissingAssetOrAFolderIsThePagesNotFound() {
        for (String path : List.of("/assets/missing.css", "/assets/", "/assets/../web/openapi.json",
                "/assets/%2e%2e/web/openapi.json", "/webjars/swagger-ui/")) {
            TestServer.Response r = server.get(path);
            assertThat(r.status()).as(path).isIn(400, 404);
            assertThat(r.body()).as(path).doesNotContain("\"openapi\"");
        }
        assertThat(server.get("/assets/missing.css").body()).contains("页面不存在");
    }
}
