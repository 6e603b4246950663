package cn.creditwindow.accounts;

import cn.creditwindow.store.ConstraintViolationException;
import cn.creditwindow.store.Database;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.validation.ConflictException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * API tokens of the insurer's systems: {@code Authorization: Bearer <token>}. A token has a name and
 * scopes ({@link #SCOPES}); only its SHA-256 is stored, so it is shown once, when created.
 */
public final class ApiTokens {
    /** Pushing feed documents to {@code POST /api/feeds}. */
    public static final String FEEDS_PUSH = "feeds:push";
    /** Pushing customs data (declarations, bills of lading, certificates) to {@code POST /api/customs/push}. */
    public static final String CUSTOMS_PUSH = "customs:push";
    /** Every scope a token may have. */
    public static final Set<String> SCOPES = Set.of(FEEDS_PUSH, CUSTOMS_PUSH);

    private final Database db;
    private final Clock clock;

    public ApiTokens(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A token as created: the secret is here and nowhere else. */
    public record Created(long id, String name, Set<String> scopes, String token) {
    }

    /** Creates a token with a new random secret; a conflict if the name is taken. */
    public Created create(String name, Set<String> scopes) {
        return register(name, scopes, Tokens.random());
    }

    /** Gives the token of this name a new random secret (creating it if needed); the old secret stops working. */
    public Created rotate(String name, Set<String> scopes) {
        return register(name, scopes, Tokens.random());
    }

    /**
     * Registers a secret chosen elsewhere (for example one given to the server in its environment) under a
     * name, replacing the secret a token of that name had.
     */
    public Created register(String name, Set<String> scopes, String token) {
        List<FieldError> errors = new ArrayList<>();
        if (name == null || !name.matches("[A-Za-z0-9._-]{1,64}")) {
            errors.add(new FieldError("name", "令牌名称为 1–64 位字母、数字或 . _ -", "a token name has 1-64 letters, digits or . _ -"));
        }
        if (scopes == null || scopes.isEmpty() || !SCOPES.containsAll(scopes)) {
            errors.add(new FieldError("scopes", "权限范围应取自：" + SCOPES, "scopes must be taken from " + SCOPES));
        }
        if (token == null || token.length() < 16) {
            errors.add(new FieldError("token", "令牌至少 16 个字符", "a token has at least 16 characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String joined = String.join(" ", new LinkedHashSet<>(scopes));
        try {
            long id = db.inTransaction(tx -> {
                tx.update("DELETE FROM api_tokens WHERE name = ?", name);
                return tx.insert("INSERT INTO api_tokens (name, token_hash, scopes, created_at) VALUES (?, ?, ?, ?)",
                        name, Tokens.sha256(token), joined, clock.instant());
            });
            return new Created(id, name, Set.copyOf(scopes), token);
        } catch (ConstraintViolationException e) {
            throw new ConflictException("that token is already registered", "该令牌已登记");
        }
    }

    /** The system principal of a live (not revoked) token. */
    public Optional<Principal> resolve(String token) {
        if (token == null || token.isEmpty() || token.length() > 200) {
            return Optional.empty();
        }
        return db.read(tx -> tx.one("SELECT id, name, scopes FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL",
                r -> new Principal(r.longValue("id"), r.string("name"), r.string("name"), Role.SYSTEM, null,
                        Set.copyOf(Arrays.asList(r.string("scopes").split(" "))), null), Tokens.sha256(token)));
    }

    /** Revokes the token of this name; false if there is none. */
    public boolean revoke(String name) {
        return db.inTransaction(tx -> tx.update("UPDATE api_tokens SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL",
                clock.instant(), name)) > 0;
    }
}
