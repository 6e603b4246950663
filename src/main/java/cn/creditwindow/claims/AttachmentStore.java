package cn.creditwindow.claims;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's local folder for attachments on their way in: an upload is first copied into {@code <root>/incoming/},
 * counting and hashing as it goes and reading never more than the limit and one byte, so that a file can be checked
 * (its size, its type from the content) before anything is written to the database, and so that copying it into the
 * database ({@link cn.creditwindow.store.Blobs}) takes one short transaction from local disk, never a client's
 * upload. The temporary file is deleted as soon as the upload ends, kept or refused.
 *
 * <p>Before #17 the attachments themselves lived here, as {@code <root>/<claim id>/<attachment id>}, where only the
 * node that wrote them could serve them; {@link ClaimAttachments#importOldFiles} moves such files into the database
 * at start-up ({@link #oldFile}). Thread-safe (every upload has its own temporary file).
 */
public final class AttachmentStore {
    private static final Logger log = LoggerFactory.getLogger(AttachmentStore.class);
    /** The copy buffer; also the most a read may ask of the client's stream. */
    static final int BUFFER = 8192;

    private final Path root;
    private final Path incoming;

    /**
     * Makes the folder {@code <root>/incoming} if missing, and deletes the temporary files in it that are more than a
     * day old: what a node killed during an upload left (a live upload's file is minutes old at most).
     *
     * @param root the attachments folder, e.g. {@code attachments/} beside the database file
     */
    public AttachmentStore(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath();
        this.incoming = this.root.resolve("incoming");
        try {
            Files.createDirectories(incoming);
        } catch (IOException e) {
            throw new UncheckedIOException("creating the attachments folder " + incoming, e);
        }
        sweep(Instant.now().minus(Duration.ofDays(1))); // the system's clock, as the files' times are
    }

    private void sweep(Instant before) {
        try (Stream<Path> files = Files.list(incoming)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".part")).toList()) {
                if (Files.getLastModifiedTime(f).toInstant().isBefore(before)) {
                    discard(f);
                }
            }
        } catch (IOException e) {
            log.warn("could not look for old uploads in {}: {}", incoming, e.toString());
        }
    }

    /** The attachments folder beside a database file: {@code <its folder>/attachments}. */
    public static Path besideDatabase(Path dbFile) {
        Path parent = dbFile.toAbsolutePath().getParent();
        return (parent == null ? Path.of(".") : parent).resolve("attachments");
    }

    /**
     * A received upload.
     *
     * @param temp the copy in {@code incoming/}, or null when the upload was too large (nothing is kept then)
     * @param size the bytes received; {@code limit + 1} when too large (reading stopped there)
     * @param sha256 the content's SHA-256 in lower-case hex, or null when too large
     * @param head the first bytes, up to {@link AttachmentType#HEAD_BYTES}
     */
    record Received(Path temp, long size, String sha256, byte[] head) {
        boolean tooLarge() {
            return temp == null;
        }
    }

    /** The client's stream failed while an upload was being read (the client went away, the connection broke). */
    static final class UploadInterruptedException extends RuntimeException {
        UploadInterruptedException(IOException cause) {
            super("the upload was interrupted: " + cause.getMessage(), cause);
        }
    }

    /**
     * Copies {@code in} into a new temporary file, stopping as soon as more than {@code limit} bytes have come: then
     * the temporary file is deleted at once and the result says {@link Received#tooLarge()}. Reads at most
     * {@code limit + 1} bytes from {@code in}, never the rest of it.
     *
     * @throws UploadInterruptedException when reading {@code in} fails (the temporary file is deleted)
     * @throws UncheckedIOException when writing the copy fails (the temporary file is deleted)
     */
    Received receive(InputStream in, long limit) {
        Path temp;
        try {
            temp = Files.createTempFile(incoming, "upload-", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException("creating a temporary file in " + incoming, e);
        }
        boolean keep = false;
        try {
            MessageDigest sha = sha256();
            byte[] buffer = new byte[BUFFER];
            byte[] head = new byte[AttachmentType.HEAD_BYTES];
            int headLength = 0;
            long total = 0;
            try (OutputStream out = Files.newOutputStream(temp)) {
                while (total <= limit) {
                    int n = read(in, buffer, (int) Math.min(buffer.length, limit + 1 - total));
                    if (n < 0) {
                        break;
                    }
                    if (headLength < head.length) {
                        int take = Math.min(n, head.length - headLength);
                        System.arraycopy(buffer, 0, head, headLength, take);
                        headLength += take;
                    }
                    total += n;
                    if (total > limit) {
                        break;
                    }
                    out.write(buffer, 0, n);
                    sha.update(buffer, 0, n);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("writing the upload to " + temp, e);
            }
            if (total > limit) {
                return new Received(null, total, null, Arrays.copyOf(head, headLength));
            }
            keep = true;
            return new Received(temp, total, HexFormat.of().formatHex(sha.digest()), Arrays.copyOf(head, headLength));
        } finally {
            if (!keep) {
                discard(temp);
            }
        }
    }

    private static int read(InputStream in, byte[] buffer, int length) {
        try {
            return in.read(buffer, 0, length);
        } catch (IOException e) {
            throw new UploadInterruptedException(e);
        }
    }

    /** Where an attachment uploaded before #17 was kept: {@code <root>/<claim id>/<attachment id>}. */
    Path oldFile(long claimId, long attachmentId) {
        return root.resolve(Long.toString(claimId)).resolve(Long.toString(attachmentId));
    }

    /** Deletes a file if it is there; a failure is logged (this runs where nothing may throw, e.g. after a commit). */
    void discard(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("could not delete {}: {}", file, e.toString());
        }
    }

    /** The temporary folder uploads are received in (for tests: it is empty between uploads). */
    Path incoming() {
        return incoming;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
