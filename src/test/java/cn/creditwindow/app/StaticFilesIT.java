package cn.creditwindow.app;

import static cn.creditwindow.app.TestServer.enc;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
    /** Every jar Jetty mounted as a zip file system while this server started and ran (mounts it closed too). */
    private final List<URI> mounted = new CopyOnWriteArrayList<>();
    private TestServer server;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        FileSystemPool.INSTANCE.setListener(new FileSystemPool.Listener() {
            @Override
            public void onRetain(URI uri) {
                mounted.add(uri);
            }

            @Override
            public void onIncrement(URI uri) {
                mounted.add(uri);
            }

            @Override
            public void onDecrement(URI uri) {
            }

            @Override
            public void onClose(URI uri) {
            }
        });
        server = TestServer.start(dir, TestServer.fixtures("feeds"), null);
    }

    @AfterAll
    void stop() throws IOException {
        server.close();
        FileSystemPool.INSTANCE.setListener(null);
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
        // Jetty 12 mounts a jar for a classpath resource through this pool; a mount is a zip file system indexing
        // every entry of the jar (and the ones the static files made stayed reachable after their close)
        assertThat(mounted).as("jars mounted as zip file systems").isEmpty();
        assertThat(FileSystemPool.INSTANCE.mounts()).isEmpty();
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
