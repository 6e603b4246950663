package cn.creditwindow.server;

import cn.creditwindow.web.Pages;
import cn.creditwindow.web.Uploads;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;

/**
 * Configures Javalin: JSON, error mapping (JSON for the API, pages for people), request metrics,
 * the pages' static assets under {@code /assets} (from {@code src/main/resources/public}) and the
 * swagger-ui webjar under {@code /webjars}, both served by {@link StaticFiles}, and the route table.
 */
public final class WebServer {
    private static final String STARTED = "metrics.started";

    /** The longest request line and headers read (see {@link #create}). */
    static final int REQUEST_HEADER_BYTES = 64 * 1024;

    /** The array a response body is copied through (see {@link #create}). */
    static final int RESPONSE_COPY_BYTES = 8 * 1024;

    private WebServer() {
    }

    public static Javalin create(ObjectMapper mapper, Metrics metrics, long maxRequestBytes, Pages pages,
                                 Authentication authentication, Routes.Handlers handlers) {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.http.maxRequestSize = maxRequestBytes;
            // Javalin copies each response body to Jetty through a new array of this size (by default Jetty's output
            // buffer size, 32 KiB): a third of all the server allocated under a search load, for bodies of a few KiB.
            // Larger bodies take a few more turns of the copy; Jetty's own (pooled) buffer is unchanged.
            config.http.responseBufferSize = RESPONSE_COPY_BYTES;
            // what Jetty refuses by itself (an illegal path, a header too long) is answered in the window's words
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors(mapper)));
            // Request lines and headers up to 64 KiB are read whole and answered by the window (an address of a few
            // thousand Chinese characters is 9 bytes each, percent-encoded). Beyond Jetty's own 8 KiB, Jetty refused
            // and closed while the client was still sending the rest, and the reset could swallow the refusal.
            config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(REQUEST_HEADER_BYTES));
            // uploads: multipart forms keep large parts on disk, within limits (Javalin's are none)
            Uploads.install(config);
            // The pages' assets and the swagger-ui webjar, as two routes read through the class loader: Javalin's own
            // static files (Location.CLASSPATH, enableWebjars) had Jetty mount the whole jar as a zip file system,
            // eight times, ~45 MB of heap kept while the server runs (see StaticFiles). Registered here, beside the
            // rest of the server's set-up, not in the route table: they are files, not endpoints, and public.
            ClassLoader loader = WebServer.class.getClassLoader();
            staticFiles(config, "/assets/<path>", new StaticFiles(loader, "public", "no-cache"));
            // a webjar's path carries its version, so a browser may keep its files for a year (as Javalin's webjars did)
            staticFiles(config, "/webjars/<path>",
                    new StaticFiles(loader, "META-INF/resources/webjars", "max-age=31622400"));
            // Timed with before/after handlers (after runs even when a handler threw): Javalin's request
            // logger would copy every response body to make it available to the logger.
            config.routes.before(ctx -> {
                ctx.attribute(STARTED, System.nanoTime());
                // every answer, JSON included, is what its Content-Type says (pages and Jetty's refusals said so)
                ctx.header("X-Content-Type-Options", "nosniff");
            });
            config.routes.after(ctx -> {
                Long started = ctx.attribute(STARTED);
                Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
                String route = endpoint == null ? "unmatched" : endpoint.path;
                double seconds = started == null ? 0 : (System.nanoTime() - started) / 1e9;
                metrics.recordRequest(ctx.method().name(), route, ctx.statusCode(), seconds);
            });
            ErrorMapping.install(config, pages);
            authentication.install(config);
            Routes.install(config, handlers);
        });
    }

    private static void staticFiles(JavalinConfig config, String path, StaticFiles files) {
        config.routes.get(path, files);
        config.routes.head(path, files);
    }
}
