package cn.creditwindow.web;

import cn.creditwindow.articles.ArticleHandlers;
import cn.creditwindow.articles.ArticlePages;
import cn.creditwindow.feeds.FeedHandlers;
import cn.creditwindow.home.HomePages;
import cn.creditwindow.reference.ReferenceHandlers;
import io.javalin.config.JavalinConfig;
import java.util.Set;

/**
 * Every endpoint of the application, in one table: the JSON API (each documented in
 * {@code openapi.json}) and the HTML pages for people.
 */
public final class Routes {
    /** Paths outside {@code /api/} that answer machines, not people (and so are in openapi.json). */
    private static final Set<String> SYSTEM_PATHS = Set.of("/health", "/metrics", "/openapi.json", "/api-docs");

    private Routes() {
    }

    /** The handlers the routes dispatch to. */
    public record Handlers(ArticleHandlers articles, FeedHandlers feeds, ReferenceHandlers reference,
                           SystemHandlers system, HomePages home, ArticlePages articlePages,
                           ComingSoonPages comingSoon) {
    }

    public static void install(JavalinConfig config, Handlers h) {
        var r = config.routes;
        // The API (JSON)
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
        // The pages (HTML; the menu is web.Section; conventions in web.Pages)
        r.get("/", h.home()::show);
        r.get("/search", h.articlePages()::search);
        r.get("/search/{module}", h.articlePages()::module);
        r.get("/articles/{id}", h.articlePages()::article);
        r.get("/agreements", ctx -> h.comingSoon().show(ctx, Section.AGREEMENTS));
        r.get("/enrolment", ctx -> h.comingSoon().show(ctx, Section.ENROLMENT));
        r.get("/claims", ctx -> h.comingSoon().show(ctx, Section.CLAIMS));
        r.get("/credit", ctx -> h.comingSoon().show(ctx, Section.CREDIT));
    }

    /**
     * True for the paths that answer machines (JSON errors, documented in openapi.json): everything under
     * {@code /api/} and the operations endpoints. Every other path is a page for people.
     */
    public static boolean isApi(String path) {
        return path.equals("/api") || path.startsWith("/api/") || SYSTEM_PATHS.contains(path);
    }
}
