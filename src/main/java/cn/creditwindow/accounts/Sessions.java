package cn.creditwindow.accounts;

import cn.creditwindow.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Browser sessions: a random token in an HttpOnly cookie, stored only as its SHA-256, with an
 * anti-forgery token for forms. A session ends after {@link #IDLE} without requests, after
 * {@link #ABSOLUTE} in any case, or when its user signs out.
 */
public final class Sessions {
    static final Duration IDLE = Duration.ofHours(2);
    static final Duration ABSOLUTE = Duration.ofHours(12);
    /** Touching last_seen_at at most this often keeps page views from writing on every request. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final Database db;
    private final Clock clock;

    public Sessions(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A new session: the token for the cookie and the principal (with its anti-forgery token). */
    public record Opened(String token, Principal principal, Instant expiresAt) {
    }

    public Opened open(User user) {
        String token = Tokens.random();
        String csrf = Tokens.random();
        Instant now = clock.instant();
        Instant expires = now.plus(ABSOLUTE);
        db.inTransaction(tx -> tx.update("INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at,"
                + " expires_at) VALUES (?, ?, ?, ?, ?, ?)", Tokens.sha256(token), user.id(), csrf, now, now, expires));
        return new Opened(token, user.principal().withCsrf(csrf), expires);
    }

    private record Found(User user, String csrf, Instant lastSeen, Instant expires) {
    }

    /** The principal of a live session, if the token names one. */
    public Optional<Principal> resolve(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        String hash = Tokens.sha256(token);
        Instant now = clock.instant();
        Optional<Found> found = db.read(tx -> tx.one("SELECT u.*, s.csrf_token, s.last_seen_at, s.expires_at"
                        + " FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?",
                r -> new Found(Accounts.user(r), r.string("csrf_token"), r.instant("last_seen_at"), r.instant("expires_at")),
                hash));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Found f = found.get();
        if (!now.isBefore(f.expires()) || !now.isBefore(f.lastSeen().plus(IDLE))) {
            close(token);
            return Optional.empty();
        }
        if (!now.isBefore(f.lastSeen().plus(TOUCH_EVERY))) {
            db.inTransaction(tx -> tx.update("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?", now, hash));
        }
        return Optional.of(f.user().principal().withCsrf(f.csrf()));
    }

    /** Ends the session of this token (signing out); nothing happens for an unknown token. */
    public void close(String token) {
        if (token != null) {
            db.inTransaction(tx -> tx.update("DELETE FROM sessions WHERE token_hash = ?", Tokens.sha256(token)));
        }
    }

    /**
     * Ends every other session of the user of {@code token} (after a password change, a session opened elsewhere,
     * perhaps by whoever knew the old password, must not live on); the session of {@code token} stays.
     */
    public void closeOthers(long userId, String token) {
        String keep = token == null ? "" : Tokens.sha256(token);
        db.inTransaction(tx -> tx.update("DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?", userId, keep));
    }

    /** True if {@code presented} is the anti-forgery token of this principal's session. */
    public static boolean csrfMatches(Principal principal, String presented) {
        return principal.csrfToken() != null && Tokens.same(principal.csrfToken(), presented);
    }
}
