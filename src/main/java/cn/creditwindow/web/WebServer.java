package cn.creditwindow.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;

/** Configures Javalin: JSON, error mapping, request metrics, webjars and the route table. */
public final class WebServer {
    private WebServer() {
    }

    public static Javalin create(ObjectMapper mapper, Metrics metrics, long maxRequestBytes, Routes.Handlers handlers) {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.http.maxRequestSize = maxRequestBytes;
            config.staticFiles.enableWebjars();
            config.requestLogger.http((ctx, ms) -> {
                Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
                String route = endpoint == null ? "unmatched" : endpoint.path;
                metrics.recordRequest(ctx.method().name(), route, ctx.statusCode(), ms / 1000.0);
            });
            ErrorMapping.install(config);
            Routes.install(config, handlers);
        });
    }
}
