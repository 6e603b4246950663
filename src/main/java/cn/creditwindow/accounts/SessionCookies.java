package cn.creditwindow.accounts;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;

/**
 * The browser's side of a session: the cookie {@value #NAME} holding its token (HttpOnly, SameSite=Lax, Secure when
 * the window is reached over https). Signing in sets it, signing out clears it; the server's authentication reads it.
 */
public final class SessionCookies {
    public static final String NAME = "cw_session";

    private final boolean secure;

    /** @param secure mark cookies Secure (when the service is reached over https) */
    public SessionCookies(boolean secure) {
        this.secure = secure;
    }

    /** The session token the request carries, or null. */
    public String token(Context ctx) {
        return ctx.cookie(NAME);
    }

    /** Starts a session in the browser: the cookie holding its token. */
    public void set(Context ctx, String token) {
        ctx.cookie(new Cookie(NAME, token, "/", -1, secure, true, null, SameSite.LAX));
    }

    public void clear(Context ctx) {
        ctx.cookie(new Cookie(NAME, "", "/", 0, secure, true, null, SameSite.LAX));
    }

    /** Whether cookies are marked Secure. */
    public boolean secure() {
        return secure;
    }
}
