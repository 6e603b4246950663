package cn.creditwindow.web;

import cn.creditwindow.accounts.ApiTokens;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Sessions;
import cn.creditwindow.validation.RequestRefusedException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
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
    public static final String SESSION_COOKIE = "cw_session";
    public static final String CSRF_FIELD = "_csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String PRINCIPAL = Authentication.class.getName() + ".principal";
    /** The sign-in endpoints, which have no session yet to protect them. */
    static final String API_SIGN_IN = "/api/session";
    static final String PAGE_SIGN_IN = "/login";
    private static final Set<HandlerType> SAFE = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

    private final Sessions sessions;
    private final ApiTokens tokens;
    private final boolean secureCookies;
    private final SameOrigin sameOrigin;

    /**
     * @param secureCookies mark cookies Secure (when the service is reached over https)
     * @param publicUrl     the window's address as users reach it (behind a proxy), or null: then the host a
     *                      request was sent to is the window's own origin
     */
    public Authentication(Sessions sessions, ApiTokens tokens, boolean secureCookies, String publicUrl) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.secureCookies = secureCookies;
        this.sameOrigin = new SameOrigin(publicUrl);
    }

    void install(JavalinConfig config) {
        config.routes.before(this::identify);
        config.routes.beforeMatched(this::enforce);
    }

    /** Who is asking, if anyone. */
    public static Optional<Principal> principal(Context ctx) {
        return Optional.ofNullable(ctx.attribute(PRINCIPAL));
    }

    /** Who is asking; only for handlers behind a {@link Guard}, where someone always is. */
    public static Principal require(Context ctx) {
        return principal(ctx).orElseThrow(() -> new RequestRefusedException(401, "sign in first", "请先登录"));
    }

    private void identify(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization == null && !SAFE.contains(ctx.method()) && (ctx.cookie(SESSION_COOKIE) != null
                || ctx.path().equals(API_SIGN_IN) || ctx.path().equals(PAGE_SIGN_IN))) {
            String foreign = sameOrigin.foreign(ctx.header("Origin"), ctx.header("Referer"), ctx.header("Host"));
            if (foreign != null) {
                throw new RequestRefusedException(403, "cross-site request refused: it comes from " + foreign
                        + ", not from this window's pages", "跨站请求已拒绝：请求来自 " + foreign + "，不是本站页面");
            }
        }
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw new RequestRefusedException(401, "use Authorization: Bearer <API token>",
                        "请使用 Authorization: Bearer <API 令牌>");
            }
            Principal p = tokens.resolve(authorization.substring(7).strip()).orElseThrow(() ->
                    new RequestRefusedException(401, "unknown or revoked API token", "API 令牌无效或已撤销"));
            ctx.attribute(PRINCIPAL, p);
            return;
        }
        String token = ctx.cookie(SESSION_COOKIE);
        if (token == null) {
            return;
        }
        Optional<Principal> p = sessions.resolve(token);
        if (p.isEmpty()) {
            clearSessionCookie(ctx);
            return;
        }
        ctx.attribute(PRINCIPAL, p.get());
        if (!SAFE.contains(ctx.method()) && !Sessions.csrfMatches(p.get(), presentedCsrf(ctx))) {
            throw new RequestRefusedException(403, "missing or wrong anti-forgery token: reload the page and try again",
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
        Principal p = principal(ctx).orElse(null);
        if (p == null) {
            if (!Routes.isApi(ctx.path()) && SAFE.contains(ctx.method())) {
                String next = URLEncoder.encode(ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString()),
                        StandardCharsets.UTF_8);
                ctx.redirect("/login?next=" + next, HttpStatus.SEE_OTHER);
                ctx.skipRemainingHandlers();
                return;
            }
            throw new RequestRefusedException(401, "sign in first", "请先登录");
        }
        for (RouteRole g : guards) {
            if (g instanceof Guard guard && guard.admits(p)) {
                return;
            }
        }
        throw new RequestRefusedException(403, "a " + p.role().en() + " may not do this", p.role().zh() + "无权进行此操作");
    }

    /** Starts a session in the browser: the cookie holding its token. */
    public void setSessionCookie(Context ctx, String token) {
        ctx.cookie(new Cookie(SESSION_COOKIE, token, "/", -1, secureCookies, true, null, SameSite.LAX));
    }

    public void clearSessionCookie(Context ctx) {
        ctx.cookie(new Cookie(SESSION_COOKIE, "", "/", 0, secureCookies, true, null, SameSite.LAX));
    }

    /** Whether cookies are marked Secure. */
    public boolean secureCookies() {
        return secureCookies;
    }
}
