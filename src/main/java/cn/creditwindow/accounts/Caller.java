package cn.creditwindow.accounts;

import cn.creditwindow.validation.NotSignedInException;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * Who is asking, as the server's authentication found it for this request: a person signed in with a
 * session, or one of the insurer's systems with an API token. Handlers ask here; only the server's
 * authentication step ({@code server.Authentication}) says who it is.
 */
public final class Caller {
    private static final String ATTRIBUTE = Caller.class.getName();

    private Caller() {
    }

    /** Who is asking, if anyone. */
    public static Optional<Principal> find(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
    }

    /** Who is asking; only for handlers behind a {@link Guard}, where someone always is. */
    public static Principal require(Context ctx) {
        return find(ctx).orElseThrow(() -> new NotSignedInException("sign in first", "请先登录"));
    }

    /** Records who is asking, once identified (by the server's authentication step). */
    public static void identify(Context ctx, Principal p) {
        ctx.attribute(ATTRIBUTE, p);
    }
}
