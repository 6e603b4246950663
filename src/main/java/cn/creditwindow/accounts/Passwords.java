package cn.creditwindow.accounts;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategy;
import cn.creditwindow.validation.FieldError;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Password hashing with bcrypt (salted, deliberately slow: {@code cost} is the log2 of the rounds).
 * Thread-safe.
 *
 * <p>A password has {@value #MIN_LENGTH} to {@value #MAX_LENGTH} characters (Unicode code points) of any script.
 * bcrypt itself reads at most 72 bytes, and a 30-character Chinese passphrase is already 90 bytes in UTF-8: a
 * password near or over that length is first hashed with SHA-512 (the library's own long-password strategy), so
 * every character counts and nothing is cut off. Shorter ones are hashed as plain bcrypt; hashes stored before this
 * rule, of passwords of at most 72 bytes, still verify.
 */
public final class Passwords {
    static final int MIN_LENGTH = 8;
    /** The longest password taken, in characters; a longer one is refused (invalid input), never hashed. */
    public static final int MAX_LENGTH = 128;
    private static final LongPasswordStrategy LONG = LongPasswordStrategies.hashSha512(BCrypt.Version.VERSION_2A);
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
        if (tooLong(password)) {
            throw new IllegalArgumentException("a password has at most " + MAX_LENGTH + " characters");
        }
        return BCrypt.with(BCrypt.Version.VERSION_2A, LONG).hashToString(cost, password.toCharArray());
    }

    /** True if {@code password} hashes to {@code hash}; false for a password over {@link #MAX_LENGTH}. */
    public boolean verify(String password, String hash) {
        if (tooLong(password)) {
            return false;
        }
        return BCrypt.verifyer(BCrypt.Version.VERSION_2A, LONG)
                .verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8)).verified;
    }

    /** True for a password over {@link #MAX_LENGTH} characters (counted without hashing anything). */
    static boolean tooLong(String password) {
        return password.length() > MAX_LENGTH && password.codePointCount(0, password.length()) > MAX_LENGTH;
    }

    /** The field error for a password over the limit, as sign-in and the forms name it. */
    static FieldError tooLongError(String field) {
        return new FieldError(field, "密码不能超过 " + MAX_LENGTH + " 个字符",
                "a password may have at most " + MAX_LENGTH + " characters");
    }

    /** Spends the time of one verification, so that unknown user names take as long as wrong passwords. */
    void verifyNobody(String password) {
        verify(password, dummyHash);
    }

    /** What is wrong with a new password, if anything. */
    static Optional<FieldError> check(String field, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of(new FieldError(field, "密码至少 " + MIN_LENGTH + " 个字符",
                    "a password needs at least " + MIN_LENGTH + " characters"));
        }
        if (tooLong(password)) {
            return Optional.of(tooLongError(field));
        }
        return Optional.empty();
    }
}
