package cn.creditwindow.accounts;

import at.favre.lib.crypto.bcrypt.BCrypt;
import cn.creditwindow.validation.FieldError;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Password hashing with bcrypt (salted, deliberately slow: {@code cost} is the log2 of the rounds).
 * Thread-safe.
 */
public final class Passwords {
    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 72; // bcrypt reads at most 72 bytes
    private final int cost;
    private final String dummyHash;

    /** @param cost bcrypt cost, 4..31 (10–12 in production; 4 keeps tests fast) */
    public Passwords(int cost) {
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException("bcrypt cost must be 4..31, was " + cost);
        }
        this.cost = cost;
        this.dummyHash = hash("not a password of anyone");
    }

    public String hash(String password) {
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    public boolean verify(String password, String hash) {
        return BCrypt.verifyer().verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8))
                .verified;
    }

    /** Spends the time of one verification, so that unknown user names take as long as wrong passwords. */
    void verifyNobody(String password) {
        verify(password, dummyHash);
    }

    /** What is wrong with a new password, if anything. */
    static Optional<FieldError> check(String field, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of(new FieldError(field, "密码至少 " + MIN_LENGTH + " 位",
                    "a password needs at least " + MIN_LENGTH + " characters"));
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_LENGTH) {
            return Optional.of(new FieldError(field, "密码过长（最多 " + MAX_LENGTH + " 字节）",
                    "a password may have at most " + MAX_LENGTH + " bytes"));
        }
        return Optional.empty();
    }
}
