package cn.creditwindow.web;

import cn.creditwindow.articles.ArticleHandlers;
import cn.creditwindow.feeds.FeedHandlers;
import cn.creditwindow.reference.ReferenceHandlers;
import io.javalin.config.JavalinConfig;

/** Every endpoint of the application, in one table. {@code openapi.json} documents each of them. */
public final class Routes {
    private Routes() {
    }

    /** The handlers the routes dispatch to. */
    public record Handlers(ArticleHandlers articles, FeedHandlers feeds, ReferenceHandlers reference,
                           SystemHandlers system) {
    }

    public static void install(JavalinConfig config, Handlers h) {
        var r = config.routes;
        r.get("/api/articles", h.articles()::search);
        r.get("/api/articles/overview", h.articles()::overview);
        r.get("/api/articles/{id}", h.articles()::article);
        r.get("/api/articles/{id}/attachments/{n}", h.articles()::attachment);
        r.post("/api/feeds", h.feeds()::post);
        r.get("/api/reference/countries", h.reference()::countries);
        r.get("/api/reference/industries", h.reference()::industries);
        r.get("/api/reference/modules", h.reference()::modules);
        r.get("/health", h.system()::health);
        r.get("/metrics", h.system()::metrics);
        r.get("/openapi.json", h.system()::openApi);
        r.get("/api-docs", h.system()::apiDocs);
    }
}
