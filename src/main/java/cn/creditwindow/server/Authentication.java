package cn.creditwindow.server;

import cn.creditwindow.accounts.ApiTokens;
import cn.creditwindow.accounts.Caller;
import cn.creditwindow.accounts.Guard;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.SessionCookies;
import cn.creditwindow.accounts.Sessions;
import cn.creditwindow.validation.NotAllowedException;
import cn.creditwindow.validation.NotSignedInException;
import cn.creditwindow.web.Viewer;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.security.RouteRole;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Finds out who is asking, on every request, and enforces the route's {@link Guard}s.
 *
 * <ul>
 *   <li>{@code Authorization: Bearer <token>}: an API token of the insurer's systems (a wrong one is 401).
 *   <li>Otherwise the session cookie {@value #SESSION_COOKIE} (HttpOnly, SameSite=Lax).
 *   <li>A state-changing request (POST, PUT, PATCH, DELETE) made with a session must carry the session's
 *       anti-forgery token, as the form field {@value #CSRF_FIELD} or the header {@value #CSRF_HEADER};
 *       without it the request is refused with 403 before any handler runs. Requests with an API token
 *       need none (a browser never sends one by itself).
 *   <li>A state-changing request that carries the session cookie, and every sign-in ({@value #API_SIGN_IN},
 *       {@value #PAGE_SIGN_IN}), must come from the window's own pages by its {@code Origin} (else
 *       {@code Referer}) header, checked by {@link SameOrigin}; a foreign one is refused with 403 before any
 *       handler runs. API-token clients are not affected.
 * </ul>
 */
public final class Authentication {
    public static final String SESSION_COOKIE = SessionCookies.NAME;
    public static final String CSRF_FIELD = "_csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** The sign-in endpoints, which have no session yet to protect them. */
    static final String API_SIGN_IN = "/api/session";
    static final String PAGE_SIGN_IN = "/login";
    private static final Set<HandlerType> SAFE = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

    private final Sessions sessions;
    private final ApiTokens tokens;
    private final SessionCookies cookies;
    private final SameOrigin sameOrigin;

    /**
     * @param cookies       the session cookie
     * @param publicUrl     the window's address as users reach it (behind a proxy), or null: then the host a
     *                      request was sent to is the window's own origin
     */
    public Authentication(Sessions sessions, ApiTokens tokens, SessionCookies cookies, String publicUrl) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.cookies = cookies;
        this.sameOrigin = new SameOrigin(publicUrl);
    }

    void install(JavalinConfig config) {
        config.routes.before(this::identify);
        config.routes.beforeMatched(this::enforce);
    }

    /** Who a page is shown to, as the layout needs it. */
    public static Optional<Viewer> viewer(Context ctx) {
        return Caller.find(ctx).map(p -> new Viewer(p.displayName(),
                p.role().name(), p.role().zh(), p.role().en(), p.role().isEnterpriseUser(), p.csrfToken()));
    }

    private void identify(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization == null && !SAFE.contains(ctx.method()) && (ctx.cookie(SESSION_COOKIE) != null
                || ctx.path().equals(API_SIGN_IN) || ctx.path().equals(PAGE_SIGN_IN))) {
            String foreign = sameOrigin.foreign(ctx.header("Origin"), ctx.header("Referer"), ctx.header("Host"));
            if (foreign != null) {
                throw new NotAllowedException("cross-site request refused: it comes from " + foreign
                        + ", not from this window's pages", "跨站请求已拒绝：请求来自 " + foreign + "，不是本站页面");
            }
        }
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw new NotSignedInException("use Authorization: Bearer <API token>",
                        "请使用 Authorization: Bearer <API 令牌>");
            }
            Principal p = tokens.resolve(authorization.substring(7).strip()).orElseThrow(() ->
                    new NotSignedInException("unknown or revoked API token", "API 令牌无效或已撤销"));
            Caller.identify(ctx, p);
            return;
        }
        String token = cookies.token(ctx);
        if (token == null) {
            return;
        }
        Optional<Principal> p = sessions.resolve(token);
        if (p.isEmpty()) {
            cookies.clear(ctx);
            return;
        }
        Caller.identify(ctx, p.get());
        if (!SAFE.contains(ctx.method()) && !Sessions.csrfMatches(p.get(), presentedCsrf(ctx))) {
            throw new NotAllowedException("missing or wrong anti-forgery token: reload the page and try again",
                    "安全校验失败（缺少或错误的防伪令牌），请刷新页面后重试");
        }
    }

    private static String presentedCsrf(Context ctx) {
        String header = ctx.header(CSRF_HEADER);
        if (header != null) {
            return header;
        }
        String type = ctx.contentType() == null ? "" : ctx.contentType();
        return type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")
                ? ctx.formParam(CSRF_FIELD) : null;
    }

    private void enforce(Context ctx) {
        Set<RouteRole> guards = ctx.routeRoles();
        if (guards.isEmpty()) {
            return;
        }
        Principal p = Caller.find(ctx).orElse(null);
        if (p == null) {
            if (!Routes.isApi(ctx.path()) && SAFE.contains(ctx.method())) {
                String next = URLEncoder.encode(ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString()),
                        StandardCharsets.UTF_8);
                ctx.redirect("/login?next=" + next, HttpStatus.SEE_OTHER);
                ctx.skipRemainingHandlers();
                return;
            }
            throw new NotSignedInException("sign in first", "请先登录");
        }
        for (RouteRole g : guards) {
            if (g instanceof Guard guard && guard.admits(p)) {
                return;
            }
        }
        throw new NotAllowedException("a " + p.role().en() + " may not do this", p.role().zh() + "无权进行此操作");
    }
}
