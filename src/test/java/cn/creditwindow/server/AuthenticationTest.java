package cn.creditwindow.server;

import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.TestClock;
import cn.creditwindow.accounts.Accounts;
import cn.creditwindow.accounts.ApiTokens;
import cn.creditwindow.accounts.Caller;
import cn.creditwindow.accounts.Enterprise;
import cn.creditwindow.accounts.Guard;
import cn.creditwindow.accounts.Passwords;
import cn.creditwindow.accounts.Role;
import cn.creditwindow.accounts.SessionCookies;
import cn.creditwindow.accounts.Sessions;
import cn.creditwindow.accounts.User;
import cn.creditwindow.config.Config;
import cn.creditwindow.store.Database;
import cn.creditwindow.web.Json;
import cn.creditwindow.web.Pages;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who is asking and whether the route's guards let them through, on a small Javalin on a loopback port with the
 * real sessions and API tokens of a database file: bad bearer headers are 401, a session's state change without its
 * anti-forgery token or from another site is 403 before any handler runs, a wrong role is 403, and a page asked for
 * without signing in goes to the sign-in page.
 */
class AuthenticationTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @TempDir
    Path dir;
    private Database db;
    private Javalin server;
    private ApiTokens tokens;
    private Sessions.Opened legal;
    private String feedToken;
    /** How many times a state-changing handler ran: a refused request must not reach it. */
    private int changes;

    @BeforeEach
    void start() {
        db = Database.openFile(dir.resolve("auth.db"));
        TestClock clock = TestClock.at2026();
        Accounts accounts = new Accounts(db, new Passwords(4), clock);
        Sessions sessions = new Sessions(db, clock);
        tokens = new ApiTokens(db, clock);
        Enterprise e = accounts.createEnterprise(new Accounts.NewEnterprise("914403065X7D8E2A1J", "深圳测试公司", null, null));
        User u = accounts.createUser(new Accounts.NewUser("legal", "test-pass-2026", "张法人", Role.LEGAL_REPRESENTATIVE,
                e.id(), null, null));
        legal = sessions.open(u);
        feedToken = tokens.create("feeds-test", Set.of(ApiTokens.FEEDS_PUSH)).token();
        Authentication authentication = new Authentication(sessions, tokens, new SessionCookies(false), null);
        Pages pages = new Pages(Config.CHINA, Authentication::viewer);
        server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(Json.mapper(), false));
            ErrorMapping.install(config, pages);
            authentication.install(config);
            config.routes.get("/api/me", ctx -> ctx.result(Caller.require(ctx).username()), Guard.SIGNED_IN);
            config.routes.post("/api/change", ctx -> {
                changes++;
                ctx.result("changed by " + Caller.require(ctx).username());
            }, Guard.SIGNED_IN);
            config.routes.post("/api/feeds", ctx -> ctx.result("pushed by " + Caller.require(ctx).username()),
                    Guard.FEED_PUSH);
            config.routes.get("/api/admin", ctx -> ctx.result("admin"), Guard.ADMIN);
            config.routes.get("/api/public", ctx -> ctx.result(Caller.find(ctx).map(p -> p.username()).orElse("nobody")));
            config.routes.get("/claims", ctx -> ctx.result("claims page"), Guard.ENTERPRISE);
        }).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.stop();
        db.close();
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return b;
    }

    private String base() {
        return "http://127.0.0.1:" + server.port();
    }

    private HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        return HTTP.send(request(path, headers).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String contentType, String body, String... headers)
            throws IOException, InterruptedException {
        return HTTP.send(request(path, headers).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String cookie() {
        return Authentication.SESSION_COOKIE + "=" + legal.token();
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        return Json.mapper().readTree(r.body());
    }

    @Test
    void aGuardedApiAskedWithoutCredentialsIs401() throws Exception {
        HttpResponse<String> r = get("/api/me");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r).get("error").asText()).isEqualTo("unauthorized");
        assertThat(json(r).get("messageZh").asText()).isEqualTo("请先登录");
        assertThat(get("/api/public").body()).isEqualTo("nobody");
    }

    @Test
    void anAuthorizationHeaderThatIsNoBearerTokenIs401EvenOnPublicRoutes() throws Exception {
        HttpResponse<String> r = get("/api/public", "Authorization", "Basic bGVnYWw6cGFzcw==");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r).get("message").asText()).isEqualTo("use Authorization: Bearer <API token>");
        HttpResponse<String> empty = get("/api/public", "Authorization", "Bearer");
        assertThat(empty.statusCode()).isEqualTo(401);
    }

    @Test
    void anUnknownOrRevokedBearerTokenIs401() throws Exception {
        HttpResponse<String> unknown = get("/api/public", "Authorization", "Bearer not-a-token-of-ours-0000");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(json(unknown).get("message").asText()).isEqualTo("unknown or revoked API token");
        assertThat(post("/api/feeds", "application/json", "{}", "Authorization", "Bearer " + feedToken).statusCode())
                .isEqualTo(200);
        tokens.revoke("feeds-test");
        assertThat(post("/api/feeds", "application/json", "{}", "Authorization", "Bearer " + feedToken).statusCode())
                .isEqualTo(401);
    }

    @Test
    void aBearerTokenIsTheSystemPrincipalAndNeedsNoAntiForgeryToken() throws Exception {
        HttpResponse<String> r = post("/api/feeds", "application/json", "{}", "Authorization", "bearer  " + feedToken);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("pushed by feeds-test");
        // a system token is no signed-in person
        HttpResponse<String> me = get("/api/me", "Authorization", "Bearer " + feedToken);
        assertThat(me.statusCode()).isEqualTo(403);
        assertThat(json(me).get("error").asText()).isEqualTo("forbidden");
    }

    @Test
    void aSessionCookieIdentifiesItsUser() throws Exception {
        HttpResponse<String> r = get("/api/me", "Cookie", cookie());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("legal");
    }

    @Test
    void anUnknownSessionCookieIsClearedAndTheRequestIsAnonymous() throws Exception {
        HttpResponse<String> r = get("/api/public", "Cookie", Authentication.SESSION_COOKIE + "=stale-token");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("nobody");
        assertThat(r.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                .startsWith(Authentication.SESSION_COOKIE + "=;").contains("Expires=Thu, 01 Jan 1970"));
    }

    @Test
    void aSessionsStateChangeWithoutItsAntiForgeryTokenIs403BeforeTheHandler() throws Exception {
        HttpResponse<String> none = post("/api/change", "application/json", "{}", "Cookie", cookie());
        assertThat(none.statusCode()).isEqualTo(403);
        assertThat(json(none).get("message").asText()).startsWith("missing or wrong anti-forgery token");
        HttpResponse<String> wrong = post("/api/change", "application/json", "{}", "Cookie", cookie(),
                Authentication.CSRF_HEADER, "x" + legal.principal().csrfToken());
        assertThat(wrong.statusCode()).isEqualTo(403);
        // the token as a form field counts only in a form; in a JSON body it is not looked for
        HttpResponse<String> inJson = post("/api/change", "application/json",
                "{\"_csrf\":\"" + legal.principal().csrfToken() + "\"}", "Cookie", cookie());
        assertThat(inJson.statusCode()).isEqualTo(403);
        assertThat(changes).isZero();
    }

    @Test
    void theAntiForgeryTokenIsTakenFromTheHeaderOrTheFormField() throws Exception {
        String csrf = legal.principal().csrfToken();
        HttpResponse<String> header = post("/api/change", "application/json", "{}", "Cookie", cookie(),
                Authentication.CSRF_HEADER, csrf);
        assertThat(header.statusCode()).isEqualTo(200);
        assertThat(header.body()).isEqualTo("changed by legal");
        HttpResponse<String> form = post("/api/change", "application/x-www-form-urlencoded",
                Authentication.CSRF_FIELD + "=" + csrf + "&x=1", "Cookie", cookie());
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(changes).isEqualTo(2);
    }

    @Test
    void aStateChangeFromAnotherSiteIsRefusedEvenWithTheRightToken() throws Exception {
        String csrf = legal.principal().csrfToken();
        HttpResponse<String> foreign = post("/api/change", "application/json", "{}", "Cookie", cookie(),
                Authentication.CSRF_HEADER, csrf, "Origin", "https://evil.example");
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(json(foreign).get("message").asText()).contains("cross-site request refused")
                .contains("https://evil.example");
        HttpResponse<String> own = post("/api/change", "application/json", "{}", "Cookie", cookie(),
                Authentication.CSRF_HEADER, csrf, "Origin", base());
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(changes).isEqualTo(1);
        // a sign-in has no session yet, and is held to the same origin check
        assertThat(post(Authentication.API_SIGN_IN, "application/json", "{}", "Origin", "https://evil.example")
                .statusCode()).isEqualTo(403);
    }

    @Test
    void aRoleTheGuardsDoNotAdmitIs403NamingTheRole() throws Exception {
        HttpResponse<String> r = get("/api/admin", "Cookie", cookie());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(json(r).get("message").asText()).isEqualTo("a legal representative may not do this");
        assertThat(json(r).get("messageZh").asText()).isEqualTo("法人无权进行此操作");
    }

    @Test
    void aGuardedPageAskedWithoutSigningInGoesToTheSignInPageAndComesBack() throws Exception {
        HttpResponse<String> r = get("/claims?tab=open&page=2");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/login?next=%2Fclaims%3Ftab%3Dopen%26page%3D2");
        HttpResponse<String> signedIn = get("/claims", "Cookie", cookie());
        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(signedIn.body()).isEqualTo("claims page");
    }
}
