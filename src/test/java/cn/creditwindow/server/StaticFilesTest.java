package cn.creditwindow.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link StaticFiles} on a real Javalin, over a folder and over a jar built for the test. */
class StaticFilesTest {
    private static final byte[] CSS = "body { color: #123; }\n".getBytes(StandardCharsets.UTF_8);
    /** Larger than what is kept in memory: streamed on every request. */
    private static final byte[] BIG = bigScript();

    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newHttpClient();
    private Javalin app;
    private URLClassLoader loader;

    @AfterEach
    void stop() throws IOException {
        if (app != null) {
            app.stop();
        }
        if (loader != null) {
            loader.close();
        }
    }

    @Test
    void answersAFileWithItsTypeCacheControlAndAStrongEtag() throws Exception {
        serve(folder());
        HttpResponse<byte[]> r = get("/assets/site.css");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(CSS);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(r.headers().firstValue("ETag")).hasValueSatisfying(e -> assertThat(e).matches("\"[0-9a-f]{24}\""));
        assertThat(get("/assets/js/app.js").headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("javascript"));
    }

    @Test
    void aMatchingIfNoneMatchIsNotModifiedAndAnotherGetsTheFile() throws Exception {
        serve(folder());
        String etag = get("/assets/site.css").headers().firstValue("ETag").orElseThrow();
        assertThat(get("/assets/site.css", "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(get("/assets/site.css", "If-None-Match", "\"other\", W/" + etag).statusCode()).isEqualTo(304);
        HttpResponse<byte[]> other = get("/assets/site.css", "If-None-Match", "\"other\"");
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(other.body()).isEqualTo(CSS);
    }

    @Test
    void aLargeFileIsStreamedWholeEveryTimeWithOneEtag() throws Exception {
        serve(folder());
        HttpResponse<byte[]> first = get("/assets/js/big.js");
        HttpResponse<byte[]> second = get("/assets/js/big.js");
        assertThat(first.body()).isEqualTo(BIG);
        assertThat(second.body()).isEqualTo(BIG);
        assertThat(second.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(get("/assets/js/big.js", "If-None-Match", etag).statusCode()).isEqualTo(304);
    }

    @Test
    void missingFilesFoldersAndPathsOutOfTheFolderAreNotFound() throws Exception {
        Path root = folder();
        Files.writeString(root.resolve("secret.txt"), "not public");
        serve(root);
        for (String path : new String[] {"/assets/missing.css", "/assets/js", "/assets/js/", "/assets/",
                "/assets/../secret.txt", "/assets/%2e%2e/secret.txt", "/assets/js/..%2f..%2fsecret.txt",
                "/assets/.%2fsite.css", "/assets/js//app.js", "/assets/js%5capp.js"}) {
            HttpResponse<byte[]> r = get(path);
            assertThat(r.statusCode()).as(path).isIn(400, 404);
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).as(path).doesNotContain("not public");
        }
    }

    @Test
    void servingFromAJarMountsNoZipFileSystem() throws Exception { // #18
        Path jar = dir.resolve("files.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            entry(out, "public/", new byte[0]);
            entry(out, "public/site.css", CSS);
            entry(out, "public/js/", new byte[0]);
            entry(out, "public/js/big.js", BIG);
        }
        loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
        start();
        assertThat(get("/assets/site.css").body()).isEqualTo(CSS);
        assertThat(get("/assets/js/big.js").body()).isEqualTo(BIG);
        assertThat(get("/assets/js").statusCode()).isEqualTo(404);
        assertThat(get("/assets/js/").statusCode()).isEqualTo(404);
        assertThatThrownBy(() -> FileSystems.getFileSystem(URI.create("jar:" + jar.toUri())))
                .as("a zip file system over the jar").isInstanceOf(FileSystemNotFoundException.class);
    }

    @Test
    void plainRelativePaths() {
        assertThat(StaticFiles.isPlainRelative("site.css")).isTrue();
        assertThat(StaticFiles.isPlainRelative("swagger-ui/5.34.1/swagger-ui.css")).isTrue();
        assertThat(StaticFiles.isPlainRelative("a..b/c.css")).isTrue();
        for (String path : new String[] {"", "/", "/site.css", "site.css/", "a//b", "..", "../x", "a/../b", "./a",
                "a/.", "a\\b", "a\u0000b"}) {
            assertThat(StaticFiles.isPlainRelative(path)).as(path).isFalse();
        }
    }

    private Path folder() throws IOException {
        Path root = dir.resolve("classes");
        Files.createDirectories(root.resolve("public/js"));
        Files.write(root.resolve("public/site.css"), CSS);
        Files.writeString(root.resolve("public/js/app.js"), "console.log('hi');\n");
        Files.write(root.resolve("public/js/big.js"), BIG);
        return root;
    }

    private void serve(Path classes) throws IOException {
        loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null);
        start();
    }

    private void start() {
        StaticFiles files = new StaticFiles(loader, "public", "no-cache");
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.get("/assets/<path>", files);
        }).start("127.0.0.1", 0);
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void entry(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(bytes);
        out.closeEntry();
    }

    private static byte[] bigScript() {
        byte[] b = new byte[StaticFiles.KEPT_BYTES + 1000];
        Arrays.fill(b, (byte) 'x');
        b[b.length - 1] = '\n';
        return b;
    }
}
