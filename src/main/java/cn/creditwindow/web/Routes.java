package cn.creditwindow.web;

import cn.creditwindow.accounts.AccountHandlers;
import cn.creditwindow.articles.ArticleHandlers;
import cn.creditwindow.articles.ArticlePages;
import cn.creditwindow.feeds.FeedHandlers;
import cn.creditwindow.home.HomePages;
import cn.creditwindow.reference.ReferenceHandlers;
import cn.creditwindow.schemes.SchemeHandlers;
import io.javalin.config.JavalinConfig;
import java.util.Set;

import static cn.creditwindow.web.Guard.ADMIN;
import static cn.creditwindow.web.Guard.FEED_PUSH;
import static cn.creditwindow.web.Guard.SIGNED_IN;

/**
 * Every endpoint of the application, in one table: the JSON API (each documented in
 * {@code openapi.json}) and the HTML pages for people. A route without a {@link Guard} is public; with
 * guards, only a principal one of them admits gets to the handler (checked by {@link Authentication}).
 */
public final class Routes {
    /** Paths outside {@code /api/} that answer machines, not people (and so are in openapi.json). */
    private static final Set<String> SYSTEM_PATHS = Set.of("/health", "/metrics", "/openapi.json", "/api-docs");

    private Routes() {
    }

    /** The handlers the routes dispatch to. */
    public record Handlers(ArticleHandlers articles, FeedHandlers feeds, ReferenceHandlers reference,
                           SystemHandlers system, HomePages home, ArticlePages articlePages,
                           ComingSoonPages comingSoon, AccountHandlers accounts,
                           SchemeHandlers schemes) {
    }

    public static void install(JavalinConfig config, Handlers h) {
        var r = config.routes;
        // The API (JSON)
        r.get("/api/articles", h.articles()::search);
        r.get("/api/articles/overview", h.articles()::overview);
        r.get("/api/articles/{id}", h.articles()::article);
        r.get("/api/articles/{id}/attachments/{n}", h.articles()::attachment);
        r.post("/api/feeds", h.feeds()::post, FEED_PUSH);
        r.post("/api/session", h.accounts()::createSession);
        r.get("/api/session", h.accounts()::session, SIGNED_IN);
        r.delete("/api/session", h.accounts()::deleteSession, SIGNED_IN);
        r.get("/api/enterprises", h.accounts()::enterprises, SIGNED_IN);
        r.get("/api/enterprises/{id}", h.accounts()::enterprise, SIGNED_IN);
        r.post("/api/admin/enterprises", h.accounts()::createEnterprise, ADMIN);
        r.post("/api/admin/users", h.accounts()::createUser, ADMIN);
        r.post("/api/admin/managers/{id}/portfolio", h.accounts()::addToPortfolio, ADMIN);
        r.post("/api/admin/api-tokens", h.accounts()::createToken, ADMIN);
        r.delete("/api/admin/api-tokens/{name}", h.accounts()::revokeToken, ADMIN);
        r.get("/api/reference/countries", h.reference()::countries);
        r.get("/api/reference/industries", h.reference()::industries);
        r.get("/api/reference/modules", h.reference()::modules);
        r.get("/api/schemes", h.schemes()::list);
        r.get("/api/schemes/{id}", h.schemes()::scheme);
        r.get("/api/schemes/{id}/quote", h.schemes()::quote);
        r.get("/health", h.system()::health);
        r.get("/metrics", h.system()::metrics);
        r.get("/openapi.json", h.system()::openApi);
        r.get("/api-docs", h.system()::apiDocs);
        // The pages (HTML; the menu is web.Section; conventions in web.Pages)
        r.get("/", h.home()::show);
        r.get("/login", h.accounts()::loginPage);
        r.post("/login", h.accounts()::login);
        r.post("/logout", h.accounts()::logout, SIGNED_IN);
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
