package cn.creditwindow.digest;

import cn.creditwindow.validation.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
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
     * The key kept in {@code file}, created with {@link #KEY_BYTES} random bytes (readable by the owner only) the
     * first time; a second process starting at the same moment reads the one the first wrote.
     */
    public static UnsubscribeTokens keyFile(Path file, SecureRandom random) {
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[KEY_BYTES];
                random.nextBytes(key);
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                try {
                    Files.write(file, Base64.getEncoder().encode(key), StandardOpenOption.CREATE_NEW);
                    try {
                        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                    } catch (UnsupportedOperationException e) {
                        // not a POSIX file system: the folder's own permissions protect it
                    }
                } catch (FileAlreadyExistsException e) {
                    // another process made it first: use theirs
                }
            }
            byte[] key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            return new UnsubscribeTokens(key);
        } catch (IOException e) {
            throw new UncheckedIOException("reading or creating the unsubscribe key " + file, e);
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
