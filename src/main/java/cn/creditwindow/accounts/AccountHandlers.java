package cn.creditwindow.accounts;

import cn.creditwindow.web.Params;
import cn.creditwindow.web.Statuses;
import cn.creditwindow.validation.Refusal;
import cn.creditwindow.paging.PageRequest;
import cn.creditwindow.store.Database;
import cn.creditwindow.validation.NotFoundException;
import cn.creditwindow.validation.NotAllowedException;
import cn.creditwindow.web.Pager;
import cn.creditwindow.web.JsonBodies;
import cn.creditwindow.web.Pages;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.InvalidInputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Signing in and out (a page and {@code /api/session}), and the administrator's API for enterprises,
 * users, portfolios and API tokens; enterprises as their people and managers see them.
 */
public record AccountHandlers(Accounts accounts, SignIn signIn, Sessions sessions, ApiTokens tokens, Database db,
                              SessionCookies cookies, JsonBodies bodies, Pages pages) {
    /** Anti-forgery for the sign-in form, which has no session yet: a cookie the form must repeat. */
    static final String LOGIN_COOKIE = "cw_login";

    // ---- the API: sessions ----

    record Credentials(String username, String password) {
    }

    /** What the API says about who is signed in. */
    record SessionView(UserView user, String csrfToken, Instant expiresAt) {
    }

    record UserView(long id, String username, String displayName, Role role, Long enterpriseId) {
        static UserView of(Principal p) {
            return new UserView(p.userId(), p.username(), p.displayName(), p.role(), p.enterpriseId());
        }
    }

    /** {@code POST /api/session}: signs in; the session cookie is set and the anti-forgery token returned. */
    public void createSession(Context ctx) {
        Credentials c = bodies.read(ctx, Credentials.class);
        List<FieldError> missing = new ArrayList<>();
        if (c.username() == null || c.username().isBlank()) {
            missing.add(new FieldError("username", "请填写用户名", "the user name is required"));
        }
        if (c.password() == null || c.password().isEmpty()) {
            missing.add(new FieldError("password", "请填写密码", "the password is required"));
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException(missing);
        }
        User user = signIn.authenticate(c.username(), c.password());
        Sessions.Opened opened = sessions.open(user);
        cookies.set(ctx, opened.token());
        ctx.status(201).json(new SessionView(UserView.of(opened.principal()), opened.principal().csrfToken(),
                opened.expiresAt()));
    }

    /** {@code GET /api/session}: who is signed in (401 if nobody). */
    public void session(Context ctx) {
        Principal p = Caller.require(ctx);
        ctx.json(new SessionView(UserView.of(p), p.csrfToken(), null));
    }

    /** {@code DELETE /api/session}: signs out. */
    public void deleteSession(Context ctx) {
        sessions.close(cookies.token(ctx));
        cookies.clear(ctx);
        ctx.status(204);
    }

    // ---- the pages: sign in, sign out ----

    /** The sign-in form (with where to go next and, after a failure, the message). */
    public record LoginView(String next, String username, String loginToken, String error) {
    }

    /** {@code GET /login}. */
    public void loginPage(Context ctx) {
        String token = Tokens.random();
        ctx.cookie(new Cookie(LOGIN_COOKIE, token, "/login", 3600, cookies.secure(), true, null, SameSite.STRICT));
        pages.render(ctx, "accounts/login.jte", new LoginView(safeNext(ctx.queryParam("next")), "", token, null));
    }

    /** {@code POST /login}: signs in and goes on to {@code next} (a path of this site), or shows the form again. */
    public void login(Context ctx) {
        String next = safeNext(ctx.formParam("next"));
        String username = ctx.formParam("username");
        if (!Tokens.same(ctx.cookie(LOGIN_COOKIE), ctx.formParam("_login"))) {
            throw new NotAllowedException("the sign-in form has expired: reload the page and try again",
                    "登录页面已过期，请刷新后重试");
        }
        try {
            User user = signIn.authenticate(username, ctx.formParam("password"));
            Sessions.Opened opened = sessions.open(user);
            cookies.set(ctx, opened.token());
            ctx.redirect(next, HttpStatus.SEE_OTHER);
        } catch (Refusal e) {
            ctx.status(Statuses.of(e));
            String message = pages.lang(ctx).pick(e.zh(), e.getMessage());
            pages.render(ctx, "accounts/login.jte", new LoginView(next, username == null ? "" : username,
                    ctx.cookie(LOGIN_COOKIE), message));
        } catch (InvalidInputException e) {
            ctx.status(400);
            String message = String.join("；", e.errors().stream()
                    .map(f -> pages.lang(ctx).pick(f.zh(), f.en())).toList());
            pages.render(ctx, "accounts/login.jte", new LoginView(next, username == null ? "" : username,
                    ctx.cookie(LOGIN_COOKIE), message));
        }
    }

    /** {@code POST /logout}. */
    public void logout(Context ctx) {
        sessions.close(cookies.token(ctx));
        cookies.clear(ctx);
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    /** Only paths of this site: an open redirect to elsewhere would help phishing. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.contains("\r") || next.contains("\n") || next.startsWith("/login")) {
            return "/";
        }
        return next;
    }

    // ---- one's own password ----

    record PasswordChange(String currentPassword, String newPassword) {
    }

    /**
     * {@code PUT /api/account/password}: changes the signed-in person's password; their other sessions end, this
     * one stays. 204, or 400 naming {@code currentPassword} / {@code newPassword}.
     */
    public void changePassword(Context ctx) {
        Principal p = Caller.require(ctx);
        PasswordChange c = bodies.read(ctx, PasswordChange.class);
        signIn.changePassword(p.userId(), c.currentPassword(), c.newPassword(), List.of());
        sessions.closeOthers(p.userId(), cookies.token(ctx));
        ctx.status(204);
    }

    /** The password form, after a change ({@code changed}) or a refusal ({@code errors}). */
    public record PasswordView(boolean changed, List<FieldError> errors) {
        public FieldError errorOf(String field) {
            return errors.stream().filter(e -> e.field().equals(field)).findFirst().orElse(null);
        }
    }

    /** {@code GET /account/password}. */
    public void passwordPage(Context ctx) {
        pages.render(ctx, "accounts/password.jte", new PasswordView("1".equals(ctx.queryParam("changed")), List.of()));
    }

    /** {@code POST /account/password}: the form's change; on success back to the form, which says so. */
    public void changePasswordForm(Context ctx) {
        Principal p = Caller.require(ctx);
        String next = ctx.formParam("newPassword");
        String repeated = ctx.formParam("repeatPassword");
        List<FieldError> formErrors = next != null && !next.equals(repeated)
                ? List.of(new FieldError("repeatPassword", "两次输入的新密码不一致", "the two new passwords differ"))
                : List.of();
        try {
            signIn.changePassword(p.userId(), ctx.formParam("currentPassword"), next, formErrors);
        } catch (InvalidInputException e) {
            ctx.status(400);
            pages.render(ctx, "accounts/password.jte", new PasswordView(false, e.errors()));
            return;
        }
        sessions.closeOthers(p.userId(), cookies.token(ctx));
        ctx.redirect("/account/password?changed=1", HttpStatus.SEE_OTHER);
    }

    // ---- enterprises as their people and managers see them ----

    /** {@code GET /api/enterprises?page=&size=}: one page of the enterprises the principal may see, by id. */
    public void enterprises(Context ctx) {
        Principal p = Caller.require(ctx);
        ctx.json(accounts.enterprises(p, Pager.request(ctx)));
    }

    /** {@code GET /api/enterprises/{id}}: one enterprise, its people and its account managers. */
    public void enterprise(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        Enterprise e = accounts.enterprise(id).filter(x -> Tenancy.canSee(db, p, x.id()))
                .orElseThrow(() -> new NotFoundException("enterprise " + id + " not found", "企业 " + id + " 不存在"));
        List<Map<String, Object>> managers = accounts.managersOf(id).stream()
                .map(m -> Map.<String, Object>of("id", m.id(), "displayName", m.displayName(),
                        "mobile", m.mobile() == null ? "" : m.mobile(), "email", m.email() == null ? "" : m.email()))
                .toList();
        List<UserView> people = accounts.usersOf(id).stream()
                .map(u -> new UserView(u.id(), u.username(), u.displayName(), u.role(), u.enterpriseId())).toList();
        ctx.json(Map.of("enterprise", e, "organisationCode", e.organisationCode(), "users", people,
                "accountManagers", managers));
    }

    // ---- the administrator's API ----

    /** {@code POST /api/admin/enterprises}. */
    public void createEnterprise(Context ctx) {
        Accounts.NewEnterprise e = bodies.read(ctx, Accounts.NewEnterprise.class);
        ctx.status(201).json(accounts.createEnterprise(e));
    }

    /** {@code POST /api/admin/users}. */
    public void createUser(Context ctx) {
        Accounts.NewUser u = bodies.read(ctx, Accounts.NewUser.class);
        User user = accounts.createUser(u);
        ctx.status(201).json(new UserView(user.id(), user.username(), user.displayName(), user.role(), user.enterpriseId()));
    }

    /** {@code POST /api/admin/managers/{id}/portfolio}. */
    public void addToPortfolio(Context ctx) {
        long id = Params.pathId(ctx, "id");
        accounts.addToPortfolio(id, bodies.input(ctx, Accounts.Portfolio.class));
        ctx.status(204);
    }

    record NewToken(String name, Set<String> scopes) {
    }

    /** {@code POST /api/admin/api-tokens}: the secret is in this answer only. */
    public void createToken(Context ctx) {
        NewToken t = bodies.read(ctx, NewToken.class);
        ctx.status(201).json(tokens.create(t.name(), t.scopes()));
    }

    /** {@code DELETE /api/admin/api-tokens/{name}}. */
    public void revokeToken(Context ctx) {
        String name = ctx.pathParam("name");
        if (!tokens.revoke(name)) {
            throw new NotFoundException("no live API token named " + name, "没有名为 " + name + " 的有效令牌");
        }
        ctx.status(204);
    }


}
