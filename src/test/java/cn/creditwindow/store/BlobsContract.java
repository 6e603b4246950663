package cn.creditwindow.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link Blobs} does the same on each database (#17): SQLite runs these as {@link BlobsTest}, PostgreSQL as
 * {@link PostgresBlobsIT}. Each test starts from a fresh, migrated database.
 */
abstract class BlobsContract {
    static final int CHUNK = Blobs.CHUNK_BYTES;
    protected Database db;
    protected Blobs blobs;

    /** A fresh database of the kind under test, migrated. */
    protected abstract Database open();

    /** Its JDBC URL, for another process to open it ({@link Database#open}, as {@link TestPostgres#USER}). */
    protected abstract String url();

    @BeforeEach
    void openDatabase() {
        db = open();
        blobs = new Blobs(db, Clock.fixed(Instant.parse("2026-11-20T02:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    @Test
    void contentComesBackByteForByteAcrossChunkBoundaries() throws IOException {
        for (int size : new int[]{0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK + 17}) {
            byte[] content = random(size, size);
            Blobs.Blob b = db.inTransaction(tx -> blobs.put(tx, new ByteArrayInputStream(content)));
            assertThat(b.sizeBytes()).as("size %d", size).isEqualTo(size);
            assertThat(b.sha256()).as("size %d", size).isEqualTo(sha256(content));
            assertThat(blobs.find(b.id())).hasValue(b);
            try (InputStream in = blobs.open(b.id())) {
                assertThat(in.readAllBytes()).as("size %d", size).isEqualTo(content);
            }
            assertThat(chunksOf(b.id())).as("size %d", size).isEqualTo((size + CHUNK - 1) / CHUNK);
        }
    }

    @Test
    void deletingABlobTakesItsChunks() {
        Blobs.Blob b = db.inTransaction(tx -> blobs.put(tx, new ByteArrayInputStream(random(2 * CHUNK + 5, 1))));
        db.inTransaction(tx -> {
            blobs.delete(tx, b.id());
            return null;
        });
        assertThat(blobs.find(b.id())).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM blob_chunks")).isZero();
        assertThatThrownBy(() -> blobs.open(b.id())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no blob " + b.id());
    }

    @Test
    void aStreamThatBreaksHalfWayLeavesNothing() { // #17: a crash mid-upload leaves nothing orphaned
        InputStream breaking = new InputStream() {
            private int given;

            @Override
            public int read() throws IOException {
                if (given++ >= 3 * CHUNK / 2) { // every read from then on: InputStream.read(byte[]) drops the first
                    throw new IOException("connection reset");
                }
                return 7;
            }
        };
        assertThatThrownBy(() -> db.inTransaction(tx -> blobs.put(tx, breaking)))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("connection reset");
        assertThat(count("SELECT COUNT(*) FROM blobs")).isZero();
        assertThat(count("SELECT COUNT(*) FROM blob_chunks")).isZero();
    }

    @Test
    void aWriterKilledMidTransactionLeavesNothingAndHoldsNothing() throws Exception { // #17
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), BlobWriter.class.getName(), url())
                .redirectErrorStream(true).start();
        List<String> said = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals(BlobWriter.HALF_WAY)) {
                said.add(line);
            }
            assertThat(line).as("the writer's output: %s", said).isEqualTo(BlobWriter.HALF_WAY);
            writer.destroyForcibly(); // SIGKILL: no rollback, no close
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            writer.destroyForcibly();
        }
        assertThat(count("SELECT COUNT(*) FROM blobs")).isZero();
        assertThat(count("SELECT COUNT(*) FROM blob_chunks")).isZero();
        // and its lock is gone with it: the next writer goes ahead
        Blobs.Blob b = db.inTransaction(tx -> blobs.put(tx, new ByteArrayInputStream(random(10, 2))));
        assertThat(blobs.find(b.id())).isPresent();
    }

    private long chunksOf(long blobId) {
        return count("SELECT COUNT(*) FROM blob_chunks WHERE blob_id = ?", blobId);
    }

    private long count(String sql, Object... args) {
        return db.read(tx -> tx.number(sql, args));
    }

    static byte[] random(int size, long seed) {
        byte[] out = new byte[size];
        new Random(seed).nextBytes(out);
        return out;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
