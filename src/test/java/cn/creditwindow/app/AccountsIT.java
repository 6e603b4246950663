package cn.creditwindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Signing in and out over HTTP, cookies, anti-forgery tokens, lockout, the administrator's API and tenancy. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountsIT {
    private TestServer server;
    private DemoWorld world;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        server = TestServer.start(dir, null, null);
        world = DemoWorld.create(server.app());
    }

    @AfterAll
    void stop() throws IOException {
        server.close();
    }

    private long enterpriseId(int i) {
        return world.enterprises().get(i).id();
    }

    @Test
    void signingInSetsAnHttpOnlySameSiteCookieAndSigningOutNeedsTheCsrfToken() {
        TestServer.Response r = ApiClient.anonymous(server).post("/api/session",
                Map.of("username", "sz-legal", "password", DemoWorld.PASSWORD));
        assertThat(r.status()).isEqualTo(201);
        String cookie = r.raw().headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("cw_session=").contains("HttpOnly", "SameSite=Lax", "Path=/");
        assertThat(r.json().at("/user/role").asText()).isEqualTo("LEGAL_REPRESENTATIVE");

        ApiClient legal = ApiClient.demo(server, "sz-legal");
        assertThat(legal.get("/api/session").json().at("/user/username").asText()).isEqualTo("sz-legal");
        TestServer.Response forged = legal.withoutCsrf().delete("/api/session");
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.json().get("messageZh").asText()).contains("防伪令牌");
        assertThat(legal.get("/api/session").status()).isEqualTo(200);
        assertThat(legal.delete("/api/session").status()).isEqualTo(204);
        assertThat(legal.get("/api/session").status()).isEqualTo(401);
        assertThat(ApiClient.anonymous(server).get("/api/session").json().get("messageZh").asText()).contains("请先登录");
    }

    @Test
    void wrongPasswordsAreRefusedThenTheAccountIsLocked() {
        ApiClient anonymous = ApiClient.anonymous(server);
        for (int i = 0; i < 4; i++) {
            TestServer.Response r = anonymous.post("/api/session", Map.of("username", "ly-operator", "password", "nope-nope"));
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.json().get("messageZh").asText()).isEqualTo("用户名或密码错误");
        }
        TestServer.Response locked = anonymous.post("/api/session", Map.of("username", "ly-operator", "password", "nope"));
        assertThat(locked.status()).isEqualTo(429);
        assertThat(anonymous.post("/api/session", Map.of("username", "ly-operator", "password", DemoWorld.PASSWORD))
                .status()).isEqualTo(429);
        assertThat(anonymous.post("/api/session", Map.of("username", "nobody-here", "password", "x")).status())
                .isEqualTo(401);
        TestServer.Response malformed = anonymous.post("/api/session", "{\"username\": 1, ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(anonymous.post("/api/session", Map.of("user", "sz-legal")).json().at("/errors/0/field").asText())
                .isEqualTo("user");
    }

    // #13: a password over bcrypt's 72 bytes answered 500 with a stack trace in the log
    @Test
    void longPasswordsOfAnyScriptAreSetChangedAndSignInAndOverTheLimitIsA400() throws Exception {
        ApiClient admin = ApiClient.demo(server, "admin");
        String first = "长".repeat(100) + "-passphrase"; // 111 characters, 311 bytes
        TestServer.Response created = admin.post("/api/admin/users", Map.of("username", "long-pass", "password", first,
                "displayName", "长密码", "role", "REVIEWER"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        ApiClient anonymous = ApiClient.anonymous(server);
        TestServer.Response wrong = anonymous.post("/api/session", Map.of("username", "long-pass", "password", "a".repeat(73)));
        assertThat(wrong.status()).isEqualTo(401);
        TestServer.Response over = anonymous.post("/api/session", Map.of("username", "long-pass", "password", "密".repeat(129)));
        assertThat(over.status()).isEqualTo(400);
        assertThat(over.json().at("/errors/0/field").asText()).isEqualTo("password");
        assertThat(over.json().at("/errors/0/zh").asText()).contains("128");
        ApiClient here = ApiClient.signIn(server, "long-pass", first);
        ApiClient elsewhere = ApiClient.signIn(server, "long-pass", first);

        String second = "我们公司的出口信用保险保单密码是一句很长的中文短语共三十个字"; // 30 characters, 90 bytes
        TestServer.Response bad = here.put("/api/account/password", Map.of("currentPassword", "not-it-at-all",
                "newPassword", "短"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors")).extracting(e -> e.get("field").asText())
                .containsExactlyInAnyOrder("newPassword", "currentPassword");
        assertThat(here.withoutCsrf().put("/api/account/password", Map.of("currentPassword", first, "newPassword", second))
                .status()).isEqualTo(403);
        assertThat(here.put("/api/account/password", Map.of("currentPassword", first, "newPassword", second)).status())
                .isEqualTo(204);
        assertThat(here.get("/api/session").status()).isEqualTo(200);
        assertThat(elsewhere.get("/api/session").status()).as("the other session ends").isEqualTo(401);
        assertThat(anonymous.post("/api/session", Map.of("username", "long-pass", "password", first)).status())
                .isEqualTo(401);
        ApiClient again = ApiClient.signIn(server, "long-pass", second);

        // the page: the form, the repeated password, and the change
        assertThat(again.get("/account/password").body()).contains("id=\"password-form\"");
        TestServer.Response mismatch = again.form("/account/password", "currentPassword=" + TestServer.enc(second)
                + "&newPassword=" + TestServer.enc("新的密码新的密码") + "&repeatPassword=" + TestServer.enc("新的密码不一样的"));
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.body()).contains("两次输入的新密码不一致").contains("data-field=\"repeatPassword\"");
        String third = "第三个密码".repeat(25) + "完"; // 126 characters
        TestServer.Response changed = again.form("/account/password", "currentPassword=" + TestServer.enc(second)
                + "&newPassword=" + TestServer.enc(third) + "&repeatPassword=" + TestServer.enc(third));
        assertThat(changed.status()).isEqualTo(303);
        assertThat(changed.raw().headers().firstValue("Location")).hasValue("/account/password?changed=1");
        assertThat(ApiClient.signIn(server, "long-pass", third).get("/api/session").status()).isEqualTo(200);

        // the sign-in page with 100 characters: the form again with "wrong", over the limit: the limit named
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(server.base() + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        String loginCookie = form.headers().firstValue("Set-Cookie").orElseThrow();
        String cookie = loginCookie.substring(0, loginCookie.indexOf(';'));
        String token = field(form.body(), "_login");
        HttpResponse<String> hundred = http.send(formPost("/login", cookie, Map.of("_login", token, "username",
                "long-pass", "password", "x".repeat(100))), HttpResponse.BodyHandlers.ofString());
        assertThat(hundred.statusCode()).isEqualTo(401);
        assertThat(hundred.body()).contains("用户名或密码错误");
        HttpResponse<String> huge = http.send(formPost("/login", cookie, Map.of("_login", token, "username",
                "long-pass", "password", "x".repeat(5000))), HttpResponse.BodyHandlers.ofString());
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(huge.body()).contains("密码不能超过 128 个字符");
    }

    // #13: a state change with the right anti-forgery token from Origin https://evil.example was accepted, and so
    // was signing in from a foreign origin (login CSRF)
    @Test
    void stateChangesAndSignInFromAnotherSiteAreRefusedApiTokensAreNot() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String own = server.base();
        String credentials = "{\"username\":\"sz-operator\",\"password\":\"" + DemoWorld.PASSWORD + "\"}";
        java.util.function.BiFunction<String, String, HttpRequest> signIn = (header, value) -> {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(own + "/api/session"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(credentials));
            return (header == null ? b : b.header(header, value)).build();
        };
        HttpResponse<String> evil = http.send(signIn.apply("Origin", "https://evil.example"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(evil.statusCode()).isEqualTo(403);
        assertThat(evil.body()).contains("https://evil.example").contains("跨站请求");
        assertThat(evil.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("cw_session=") && !c.contains("=;"));
        assertThat(http.send(signIn.apply("Referer", "https://evil.example/login-csrf.html"),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
        assertThat(http.send(signIn.apply("Origin", "null"), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(403);
        assertThat(http.send(signIn.apply("Origin", own), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(201);
        assertThat(http.send(signIn.apply(null, null), HttpResponse.BodyHandlers.ofString()).statusCode())
                .as("a client that sends neither header (curl) still signs in").isEqualTo(201);

        // the sign-in page posted from elsewhere, even with its form token
        HttpClient noRedirects = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> form = noRedirects.send(HttpRequest.newBuilder(URI.create(own + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        String loginCookie = form.headers().firstValue("Set-Cookie").orElseThrow();
        HttpRequest pagePost = HttpRequest.newBuilder(URI.create(own + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", loginCookie.substring(0, loginCookie.indexOf(';')))
                .header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("_login=" + field(form.body(), "_login")
                        + "&username=sz-operator&password=" + TestServer.enc(DemoWorld.PASSWORD))).build();
        HttpResponse<String> refused = noRedirects.send(pagePost, HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("跨站请求");

        // a session's state change with the right anti-forgery token, from elsewhere
        ApiClient legal = ApiClient.demo(server, "sz-legal");
        Map<String, Object> body = Map.of("uscc", "91310115591693856A", "nameZh", "x");
        ApiClient admin = ApiClient.demo(server, "admin");
        assertThat(admin.withHeader("Origin", "https://evil.example").post("/api/admin/enterprises", body).status())
                .isEqualTo(403);
        assertThat(admin.withHeader("Referer", "https://evil.example/x").post("/api/admin/enterprises", body).status())
                .isEqualTo(403);
        assertThat(admin.withHeader("Origin", own).post("/api/admin/enterprises", Map.of()).status())
                .as("the window's own origin reaches the handler").isEqualTo(400);
        assertThat(legal.withHeader("Origin", "https://evil.example").get("/api/session").status())
                .as("reading is not a state change").isEqualTo(200);

        // an API token is not a browser's: its requests are not checked
        byte[] rss = ("<rss version=\"2.0\"><channel><title>t</title><item><guid>origin-1</guid><title>来源检查测试</title>"
                + "<pubDate>Mon, 16 Nov 2026 08:00:00 +0800</pubDate></item></channel></rss>").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> pushed = http.send(HttpRequest.newBuilder(URI.create(own + "/api/feeds?module=trade-news"))
                .header("Content-Type", "application/rss+xml").header("Authorization", TestServer.PUSH)
                .header("Origin", "https://evil.example").POST(HttpRequest.BodyPublishers.ofByteArray(rss)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(pushed.statusCode()).isEqualTo(200);
    }

    @Test
    void theSignInPageSignsInAndOutAndOnlyRedirectsWithinTheSite() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(server.base() + "/login?next=/search")).build(),
                HttpResponse.BodyHandlers.ofString());
        String loginCookie = form.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(loginCookie).contains("HttpOnly", "SameSite=Strict");
        String loginToken = field(form.body(), "_login");
        String cookie = loginCookie.substring(0, loginCookie.indexOf(';'));

        HttpResponse<String> forged = http.send(formPost("/login", null, Map.of("username", "hn-legal",
                "password", DemoWorld.PASSWORD, "next", "/search")), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);

        HttpResponse<String> wrong = http.send(formPost("/login", cookie, Map.of("_login", loginToken,
                "username", "hn-legal", "password", "wrong-password", "next", "/search")), HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("用户名或密码错误").contains("value=\"hn-legal\"");

        HttpResponse<String> ok = http.send(formPost("/login", cookie, Map.of("_login", loginToken,
                "username", "hn-legal", "password", DemoWorld.PASSWORD, "next", "//evil.example/x")),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(303);
        assertThat(ok.headers().firstValue("Location")).hasValue("/");
        String session = ok.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("cw_session="))
                .findFirst().orElseThrow();
        String sessionCookie = session.substring(0, session.indexOf(';'));
        HttpResponse<String> home = http.send(HttpRequest.newBuilder(URI.create(server.base() + "/"))
                .header("Cookie", sessionCookie).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(home.body()).contains("示例法人2").contains("action=\"/logout\"");
        String csrf = field(home.body(), "_csrf");

        assertThat(http.send(formPost("/logout", sessionCookie, Map.of()), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(403);
        HttpResponse<String> out = http.send(formPost("/logout", sessionCookie, Map.of("_csrf", csrf)),
                HttpResponse.BodyHandlers.ofString());
        assertThat(out.statusCode()).isEqualTo(303);
        HttpResponse<String> after = http.send(HttpRequest.newBuilder(URI.create(server.base() + "/"))
                .header("Cookie", sessionCookie).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(after.body()).doesNotContain("示例法人2").contains("id=\"login-link\"");
    }

    @Test
    void administratorsCreateEnterprisesAndUsersOthersMayNot() {
        ApiClient admin = ApiClient.demo(server, "admin");
        TestServer.Response bad = admin.post("/api/admin/enterprises", Map.of("uscc", "91310110666007217A", "nameZh", ""));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors")).extracting(e -> e.get("field").asText()).containsExactly("uscc", "nameZh");
        assertThat(bad.json().at("/errors/0/zh").asText()).contains("校验位错误");
        assertThat(bad.json().at("/errors/0/en").asText()).contains("check character");

        TestServer.Response created = admin.post("/api/admin/enterprises",
                Map.of("uscc", "91310110666007217T", "nameZh", "上海示例贸易有限公司"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("divisionCode").asText()).isEqualTo("310110");
        assertThat(admin.post("/api/admin/enterprises", Map.of("uscc", "91310110666007217T", "nameZh", "again")).status())
                .isEqualTo(409);
        long id = created.json().get("id").asLong();
        TestServer.Response user = admin.post("/api/admin/users", Map.of("username", "sh-legal", "password", "long-enough-1",
                "displayName", "上海法人", "role", "LEGAL_REPRESENTATIVE", "enterpriseId", id, "email", "sh_legal-1@example.com"));
        assertThat(user.status()).as(user.body()).isEqualTo(201);
        assertThat(ApiClient.signIn(server, "sh-legal", "long-enough-1").get("/api/enterprises").json().get("items"))
                .extracting(e -> e.get("uscc").asText()).containsExactly("91310110666007217T");

        ApiClient legal = ApiClient.demo(server, "sz-legal");
        assertThat(legal.post("/api/admin/enterprises", Map.of("uscc", "91310115591693856A", "nameZh", "x")).status())
                .isEqualTo(403);
        assertThat(ApiClient.anonymous(server).post("/api/admin/users", Map.of()).status()).isEqualTo(401);
        assertThat(admin.withoutCsrf().post("/api/admin/enterprises", Map.of("uscc", "91310115591693856A", "nameZh", "x"))
                .status()).isEqualTo(403);
        assertThat(ApiClient.demo(server, "reviewer").get("/api/enterprises").json().get("items").size())
                .isGreaterThanOrEqualTo(4);
    }

    @Test
    void everyoneSeesOnlyTheEnterprisesTheyServe() {
        long shenzhen = enterpriseId(0);
        long henan = enterpriseId(1);
        ApiClient legal = ApiClient.demo(server, "sz-legal");
        assertThat(legal.get("/api/enterprises/" + shenzhen).json().at("/enterprise/uscc").asText())
                .isEqualTo("914403065X7D8E2A1J");
        assertThat(legal.get("/api/enterprises/" + shenzhen).json().at("/accountManagers/0/displayName").asText())
                .isEqualTo("示例客户经理");
        assertThat(legal.get("/api/enterprises/" + henan).status()).isEqualTo(404);
        assertThat(legal.get("/api/enterprises/999999").status()).isEqualTo(404);
        assertThat(legal.get("/api/enterprises/abc").status()).isEqualTo(404);
        ApiClient manager = ApiClient.demo(server, "manager");
        assertThat(manager.get("/api/enterprises/" + shenzhen).status()).isEqualTo(200);
        assertThat(manager.get("/api/enterprises/" + henan).status()).isEqualTo(404);
        assertThat(manager.get("/api/enterprises").json().get("items")).extracting(e -> e.get("id").asLong())
                .containsExactly(shenzhen);
        assertThat(ApiClient.demo(server, "reviewer").get("/api/enterprises/" + henan).status()).isEqualTo(200);
        // #13: the enterprises are paged; each sees its own, the reviewer every one
        assertThat(PagedLists.readAll(legal, "/api/enterprises", 1)).containsExactly(String.valueOf(shenzhen));
        assertThat(PagedLists.readAll(ApiClient.demo(server, "reviewer"), "/api/enterprises", 2))
                .hasSize((int) PagedLists.count(server, "SELECT COUNT(*) FROM enterprises"));
    }

    @Test
    void feedPushNeedsAnApiTokenWithItsScopeNotASession() {
        byte[] rss = ("<rss version=\"2.0\"><channel><title>t</title><item><guid>acc-1</guid><title>会话推送测试</title>"
                + "<pubDate>Mon, 16 Nov 2026 08:00:00 +0800</pubDate></item></channel></rss>").getBytes(StandardCharsets.UTF_8);
        ApiClient admin = ApiClient.demo(server, "admin");
        assertThat(admin.post("/api/feeds?module=trade-news", rss, "application/rss+xml").status()).isEqualTo(403);
        assertThat(server.post("/api/feeds?module=trade-news", rss, "application/rss+xml", "Bearer not-a-token")
                .status()).isEqualTo(401);
        assertThat(server.post("/api/feeds?module=trade-news", rss, "application/rss+xml", "Basic YTpi").status())
                .isEqualTo(401);
        TestServer.Response token = admin.post("/api/admin/api-tokens", Map.of("name", "insurer-cms", "scopes",
                List.of("feeds:push")));
        assertThat(token.status()).isEqualTo(201);
        String secret = token.json().get("token").asText();
        assertThat(server.post("/api/feeds?module=trade-news", rss, "application/rss+xml", "Bearer " + secret).status())
                .isEqualTo(200);
        assertThat(admin.delete("/api/admin/api-tokens/insurer-cms").status()).isEqualTo(204);
        assertThat(server.post("/api/feeds?module=trade-news", rss, "application/rss+xml", "Bearer " + secret).status())
                .isEqualTo(401);
        assertThat(admin.post("/api/admin/api-tokens", Map.of("name", "x", "scopes", List.of("everything"))).status())
                .isEqualTo(400);
    }

    private HttpRequest formPost(String path, String cookie, Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(TestServer.enc(k)).append('=')
                .append(TestServer.enc(v)));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return b.build();
    }

    private static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).as("field " + name + " in the page").isTrue();
        return m.group(1);
    }
}
