package cn.creditwindow.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * Binary content kept in the database, so that any app node can serve what another stored (#17): claim attachments.
 * A blob is written once ({@link #put}) and read as a stream ({@link #open}) until it is deleted ({@link #delete}).
 *
 * <p>The content is cut into chunks of {@value #CHUNK_BYTES} bytes, one row of {@code blob_chunks} each (a BLOB on
 * SQLite, a BYTEA on PostgreSQL), written one by one as the input is read and read back one by one as the output is
 * consumed: a request needs one chunk of heap (and the driver's copy of it), never the whole file. Chosen over
 * PostgreSQL's large objects, which would be one code path for one database only, need {@code lo_unlink} beside every
 * delete (an orphaned large object is not freed by a rolled-back row) and are left out of a plain {@code pg_dump} of
 * the tables.
 *
 * <p>Nothing is orphaned: the chunks are written inside the caller's transaction, with the row that refers to the
 * blob, so a transaction that throws half-way or never commits (the node killed, the connection dropped) leaves no
 * chunk behind. Keep that transaction short on SQLite, where it holds the one write lock for as long as it writes:
 * put content that is already on local disk (a temporary file), never a client's slow upload stream.
 *
 * <p>Thread-safe; a stream from {@link #open} is not (one reader).
 */
public final class Blobs {
    /** The bytes of a chunk row: 256 KiB (a 4 MiB attachment is 16 rows). */
    public static final int CHUNK_BYTES = 256 * 1024;

    private final Database db;
    private final Clock clock;

    public Blobs(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A stored blob.
     *
     * @param sha256 the content's SHA-256, lower-case hex
     */
    public record Blob(long id, long sizeBytes, String sha256) {
    }

    /**
     * Stores everything {@code in} gives as a new blob, in the caller's transaction (the caller closes {@code in}).
     *
     * @throws UncheckedIOException when reading {@code in} fails (throw it on, so the transaction rolls back)
     */
    public Blob put(Tx tx, InputStream in) {
        Objects.requireNonNull(in, "in");
        long id = tx.insert("INSERT INTO blobs (size_bytes, sha256, created_at) VALUES (0, ?, ?)", "0".repeat(64),
                clock.instant());
        MessageDigest sha = sha256();
        byte[] buffer = new byte[CHUNK_BYTES];
        long size = 0;
        for (int n = 0; ; n++) {
            int length = fill(in, buffer, id);
            if (length == 0) {
                break; // an empty blob has no chunk
            }
            sha.update(buffer, 0, length);
            size += length;
            tx.update("INSERT INTO blob_chunks (blob_id, n, content) VALUES (?, ?, ?)", id, n,
                    length == buffer.length ? buffer : Arrays.copyOf(buffer, length));
            if (length < buffer.length) {
                break;
            }
        }
        String hex = HexFormat.of().formatHex(sha.digest());
        tx.update("UPDATE blobs SET size_bytes = ?, sha256 = ? WHERE id = ?", size, hex, id);
        return new Blob(id, size, hex);
    }

    /** Reads until {@code buffer} is full or {@code in} ends: the bytes read. */
    private static int fill(InputStream in, byte[] buffer, long id) {
        try {
            return in.readNBytes(buffer, 0, buffer.length);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the content of blob " + id + ": " + e.getMessage(), e);
        }
    }

    /** The blob {@code id}'s size and hash, if there is one. */
    public Optional<Blob> find(long id) {
        return db.read(tx -> tx.one("SELECT id, size_bytes, sha256 FROM blobs WHERE id = ?",
                r -> new Blob(r.longValue("id"), r.longValue("size_bytes"), r.string("sha256")), id));
    }

    /**
     * The blob's content as a stream (the caller closes it). Each chunk is read when the previous one has been
     * consumed, on a connection of its own taken from the pool for that one query, so a slow download holds no
     * connection and no transaction. A blob deleted while it is being read ends the stream with an IOException.
     *
     * @throws IllegalArgumentException when there is no blob {@code id}
     */
    public InputStream open(long id) {
        Blob b = find(id).orElseThrow(() -> new IllegalArgumentException("there is no blob " + id));
        return new ChunkStream(b);
    }

    /** Deletes a blob and its chunks in the caller's transaction (nothing when there is no such blob). */
    public void delete(Tx tx, long id) {
        tx.update("DELETE FROM blob_chunks WHERE blob_id = ?", id);
        tx.update("DELETE FROM blobs WHERE id = ?", id);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Reads a blob chunk by chunk. */
    private final class ChunkStream extends InputStream {
        private final Blob blob;
        private byte[] chunk = new byte[0];
        private int position;
        private int next;
        private long delivered;

        ChunkStream(Blob blob) {
            this.blob = blob;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            if (position == chunk.length && !nextChunk()) {
                return -1;
            }
            int n = Math.min(len, chunk.length - position);
            System.arraycopy(chunk, position, b, off, n);
            position += n;
            return n;
        }

        @Override
        public int available() {
            return chunk.length - position;
        }

        private boolean nextChunk() throws IOException {
            if (delivered >= blob.sizeBytes()) {
                return false;
            }
            byte[] read;
            try {
                read = db.read(tx -> tx.one("SELECT content FROM blob_chunks WHERE blob_id = ? AND n = ?",
                        r -> r.bytes("content"), blob.id(), next)).orElse(null);
            } catch (StoreException e) {
                throw new IOException("reading chunk " + next + " of blob " + blob.id(), e);
            }
            if (read == null || read.length == 0) {
                throw new IOException("blob " + blob.id() + " has no chunk " + next + " (deleted while being read?)");
            }
            chunk = read;
            position = 0;
            next++;
            delivered += read.length;
            return true;
        }
    }
}
