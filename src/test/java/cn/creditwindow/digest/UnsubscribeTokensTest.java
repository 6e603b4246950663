package cn.creditwindow.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.creditwindow.digest.UnsubscribeTokens.Purpose;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signed tokens of unsubscribe links: what they name, and every way a made-up or changed one is refused. */
class UnsubscribeTokensTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private final UnsubscribeTokens tokens = new UnsubscribeTokens(KEY);

    @TempDir
    Path dir;

    private static void refused(UnsubscribeTokens tokens, String token) {
        assertThatThrownBy(() -> tokens.verify(token)).as(String.valueOf(token))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.errors()).extracting(FieldError::field).containsExactly("token");
                    assertThat(e.errors().get(0).zh()).contains("退订链接无效");
                    assertThat(e.errors().get(0).en()).contains("invalid or was altered");
                });
    }

    @Test
    void aSignedTokenNamesItsPurposeAndId() {
        String one = tokens.sign(Purpose.SUBSCRIPTION, 42);
        assertThat(one).startsWith("s42.").matches("s42\\.[A-Za-z0-9_-]{43}");
        assertThat(tokens.verify(one)).isEqualTo(new UnsubscribeTokens.Verified(Purpose.SUBSCRIPTION, 42));
        String all = tokens.sign(Purpose.SUBSCRIBER, 7);
        assertThat(all).startsWith("a7.");
        assertThat(tokens.verify(all)).isEqualTo(new UnsubscribeTokens.Verified(Purpose.SUBSCRIBER, 7));
        // the same input signs the same way: a digest's links do not expire, an old e-mail's link still works
        assertThat(new UnsubscribeTokens(KEY.clone()).verify(one).id()).isEqualTo(42);
    }

    @Test
    void anAlteredIdOrPurposeIsRefused() {
        String one = tokens.sign(Purpose.SUBSCRIPTION, 42);
        String mac = one.substring(one.indexOf('.'));
        refused(tokens, "s43" + mac);
        refused(tokens, "a42" + mac);
        refused(tokens, "s042" + mac);
        // one character of the signature changed (its first: the last one's low bits are padding)
        char c = mac.charAt(1);
        refused(tokens, "s42." + (c == 'A' ? 'B' : 'A') + mac.substring(2));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        UnsubscribeTokens other = new UnsubscribeTokens("another-key-of-32-bytes-for-test".getBytes(StandardCharsets.US_ASCII));
        refused(tokens, other.sign(Purpose.SUBSCRIPTION, 42));
    }

    @Test
    void malformedTokensAreRefused() {
        for (String bad : new String[] {null, "", "   ", "s42", ".abc", "s.abc", "s42.!!!", "x42.abc", "s-1.abc",
                "s42." + "A".repeat(300)}) {
            refused(tokens, bad);
        }
    }

    @Test
    void aForgedTokenForAnUnknownPurposeOrNoIdIsRefusedEvenWhenSignedRight() {
        // signatures over payloads the signer never makes: still refused by their shape
        refused(tokens, "x42." + tokens.sign(Purpose.SUBSCRIPTION, 42).split("\\.")[1]);
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> new UnsubscribeTokens(new byte[15])).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an unsubscribe key needs at least 16 bytes, had 15");
    }

    @Test
    void theKeyFileIsMadeOnceOwnerOnlyAndReadAfterwards() throws Exception {
        Path file = dir.resolve("keys/unsubscribe.key");
        UnsubscribeTokens first = UnsubscribeTokens.keyFile(file, new SecureRandom());
        assertThat(Files.readString(file).strip()).hasSize(44); // 32 bytes in base64
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        UnsubscribeTokens again = UnsubscribeTokens.keyFile(file, new SecureRandom());
        assertThat(again.verify(first.sign(Purpose.SUBSCRIBER, 5)).id()).isEqualTo(5);
    }

    @Test
    void aBrokenKeyFileIsNamed() throws Exception {
        Path file = dir.resolve("broken.key");
        Files.writeString(file, "not base64 at all!");
        assertThatThrownBy(() -> UnsubscribeTokens.keyFile(file, new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(file.toString())
                .hasMessageContaining("is not a base64 key of 16 or more bytes");
    }
}
