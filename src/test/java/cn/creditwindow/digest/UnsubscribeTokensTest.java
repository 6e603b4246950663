package cn.creditwindow.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.creditwindow.digest.UnsubscribeTokens.Purpose;
import cn.creditwindow.store.Database;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signed tokens of unsubscribe links: what they name, and every way a made-up or changed one is refused. */
class UnsubscribeTokensTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T02:00:00Z"), ZoneOffset.UTC);
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
    void theKeyIsMadeOnceInTheDatabaseAndReadAfterwards() { // #17: not a file only one node has
        try (Database db = Database.openFile(dir.resolve("t.db"))) {
            UnsubscribeTokens first = UnsubscribeTokens.keyIn(db, dir.resolve("t.db.unsubscribe-key"),
                    new SecureRandom(), CLOCK);
            UnsubscribeTokens again = UnsubscribeTokens.keyIn(db, dir.resolve("t.db.unsubscribe-key"),
                    new SecureRandom(), CLOCK);
            assertThat(again.verify(first.sign(Purpose.SUBSCRIBER, 5)).id()).isEqualTo(5);
            long keys = db.read(tx -> tx.number("SELECT COUNT(*) FROM service_keys"));
            assertThat(keys).isEqualTo(1);
            assertThat(Files.exists(dir.resolve("t.db.unsubscribe-key"))).isFalse();
        }
    }

    @Test
    void nodesStartingAtOnceAllKeepTheSameKey() throws Exception { // #17
        try (Database db = Database.openFile(dir.resolve("t.db"))) {
            int nodes = 6;
            ExecutorService pool = Executors.newFixedThreadPool(nodes);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<UnsubscribeTokens>> started = new ArrayList<>();
            try {
                for (int i = 0; i < nodes; i++) {
                    started.add(pool.submit(() -> {
                        go.await();
                        return UnsubscribeTokens.keyIn(db, dir.resolve("none"), new SecureRandom(), CLOCK);
                    }));
                }
                go.countDown();
                String link = started.get(0).get().sign(Purpose.SUBSCRIPTION, 9);
                for (Future<UnsubscribeTokens> node : started) {
                    assertThat(node.get().verify(link).id()).isEqualTo(9);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void theKeyFileOfAnEarlierVersionIsTakenSoItsLinksKeepWorking() throws Exception { // #17
        Path file = dir.resolve("t.db.unsubscribe-key");
        Files.writeString(file, Base64.getEncoder().encodeToString(KEY) + "\n");
        try (Database db = Database.openFile(dir.resolve("t.db"))) {
            UnsubscribeTokens moved = UnsubscribeTokens.keyIn(db, file, new SecureRandom(), CLOCK);
            assertThat(moved.verify(tokens.sign(Purpose.SUBSCRIBER, 3)).id()).isEqualTo(3);
            Files.delete(file); // no longer needed
            UnsubscribeTokens later = UnsubscribeTokens.keyIn(db, file, new SecureRandom(), CLOCK);
            assertThat(later.verify(tokens.sign(Purpose.SUBSCRIBER, 3)).id()).isEqualTo(3);
        }
    }

    @Test
    void aBrokenKeyFileIsNamed() throws Exception {
        Path file = dir.resolve("broken.key");
        Files.writeString(file, "not base64 at all!");
        try (Database db = Database.openFile(dir.resolve("t.db"))) {
            assertThatThrownBy(() -> UnsubscribeTokens.keyIn(db, file, new SecureRandom(), CLOCK))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(file.toString())
                    .hasMessageContaining("is not a base64 key of 16 or more bytes");
        }
    }
}
