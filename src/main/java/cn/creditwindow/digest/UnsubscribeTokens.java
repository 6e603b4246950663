package cn.creditwindow.digest;

import cn.creditwindow.store.Database;
import cn.creditwindow.validation.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The tokens of a digest's unsubscribe links: what to unsubscribe (one subscription, or every subscription of a
 * subscriber) and its id, signed with HMAC-SHA256 under the service's key, so a link cannot be made up or changed —
 * a forged or altered token is a 400. They carry no expiry: an old digest's link keeps working.
 *
 * <p>Format: {@code <purpose letter><id>.<base64url MAC>}, e.g. {@code s42.Jq3…}. Thread-safe.
 */
public final class UnsubscribeTokens {
    /** Bytes of a generated key. */
    static final int KEY_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";
    /** The key's row in {@code service_keys}. */
    private static final String KEY_NAME = "unsubscribe";

    /** What a token unsubscribes. */
    public enum Purpose {
        /** One subscription (the link beside it in the digest). */
        SUBSCRIPTION('s'),
        /** Every subscription of one subscriber (the e-mail's List-Unsubscribe). */
        SUBSCRIBER('a');

        private final char letter;

        Purpose(char letter) {
            this.letter = letter;
        }
    }

    /** A token whose signature checked out. */
    public record Verified(Purpose purpose, long id) {
    }

    private final SecretKeySpec key;

    public UnsubscribeTokens(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length < 16) {
            throw new IllegalArgumentException("an unsubscribe key needs at least 16 bytes, had " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /**
     * The key kept in the database (table {@code service_keys}), shared by every app node (#17): made the first time
     * with {@link #KEY_BYTES} random bytes, or taken from {@code oldKeyFile} when a file of before #17 is there (so
     * that the links of digests already sent keep working). Two nodes starting at once both offer a key, only the
     * first insert counts ({@code ON CONFLICT DO NOTHING}, the row's primary key deciding), and both read the one kept.
     *
     * @param oldKeyFile where the key was kept before #17 ({@code <db>.unsubscribe-key}); read only while the database
     *                   holds no key, then no longer needed
     */
    public static UnsubscribeTokens keyIn(Database db, Path oldKeyFile, SecureRandom random, Clock clock) {
        String offered;
        if (Files.exists(oldKeyFile)) {
            offered = readKeyFile(oldKeyFile);
        } else {
            byte[] key = new byte[KEY_BYTES];
            random.nextBytes(key);
            offered = Base64.getEncoder().encodeToString(key);
        }
        String kept = db.inTransaction(tx -> {
            tx.update("INSERT INTO service_keys (name, value, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING",
                    KEY_NAME, offered, clock.instant());
            return tx.one("SELECT value FROM service_keys WHERE name = ?", r -> r.string("value"), KEY_NAME)
                    .orElseThrow();
        });
        return new UnsubscribeTokens(Base64.getDecoder().decode(kept));
    }

    private static String readKeyFile(Path file) {
        try {
            String key = Files.readString(file, StandardCharsets.US_ASCII).strip();
            new UnsubscribeTokens(Base64.getDecoder().decode(key)); // fail here, naming the file
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the unsubscribe key " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the unsubscribe key " + file + " is not a base64 key of 16 or more"
                    + " bytes: " + e.getMessage(), e);
        }
    }

    /** A signed token for unsubscribing {@code id}. */
    public String sign(Purpose purpose, long id) {
        String payload = purpose.letter + Long.toString(id);
        return payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(payload));
    }

    /**
     * Checks a token.
     *
     * @throws InvalidInputException (invalid input, field {@code token}) when it is missing, malformed, or its
     *                               signature does not match
     */
    public Verified verify(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            throw invalid();
        }
        int dot = token.indexOf('.');
        if (dot < 2) {
            throw invalid();
        }
        String payload = token.substring(0, dot);
        byte[] presented;
        try {
            presented = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (!MessageDigest.isEqual(presented, mac(payload))) {
            throw invalid();
        }
        Purpose purpose = null;
        for (Purpose p : Purpose.values()) {
            if (p.letter == payload.charAt(0)) {
                purpose = p;
            }
        }
        try {
            long id = Long.parseLong(payload.substring(1));
            if (purpose == null || id <= 0) {
                throw invalid();
            }
            return new Verified(purpose, id);
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(("unsubscribe:" + payload).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
        }
    }

    private static InvalidInputException invalid() {
        return new InvalidInputException("token", "退订链接无效或已被改动，请使用月报邮件中的原始链接",
                "the unsubscribe link is invalid or was altered: use the link exactly as in the digest e-mail");
    }
}
