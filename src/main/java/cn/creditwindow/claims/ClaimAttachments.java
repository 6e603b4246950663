package cn.creditwindow.claims;

import cn.creditwindow.accounts.Principal;
import cn.creditwindow.store.Blobs;
import cn.creditwindow.store.Database;
import cn.creditwindow.store.Row;
import cn.creditwindow.store.Tx;
import cn.creditwindow.validation.Text;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.validation.NotFoundException;
import cn.creditwindow.validation.TooLargeException;
import cn.creditwindow.validation.UnsupportedTypeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A claim's attachments (索赔附件, manual 4.1): at most {@value #MAX_FILE_BYTES} bytes (4 MiB) a file and
 * {@value #MAX_CLAIM_BYTES} bytes (40 MiB) a claim; PDF, images, Office documents and ZIP archives only, decided by
 * the content ({@link AttachmentType}). The claimant enterprise's people upload and delete them while the claim is a
 * draft or returned; they and the insurer's staff who may see the claim list and download them; everyone else gets
 * not found, as for the claim itself ({@link Claims#visible}).
 *
 * <p>An upload is streamed to a temporary file on the node ({@link AttachmentStore}), never held in memory, and
 * reading stops one byte past the file limit. The claim's running total is raised, the content copied from the
 * temporary file into the database ({@link Blobs}, chunk by chunk) and the row inserted in one transaction, so racing
 * uploads cannot pass the claim's limit together (the database's CHECK on the total is the final guard), any node can
 * serve the file, and a failure or crash at any point leaves no chunk without its row (#17); a refusal leaves no row,
 * no content and no temporary file, and changes nothing else of the claim.
 */
public final class ClaimAttachments {
    /** The most one attachment may hold: 4 MiB (manual 4.1: 单个附件的容量上限为 4M). */
    public static final long MAX_FILE_BYTES = 4L * 1024 * 1024;
    /** The most a claim's attachments may hold together: 40 MiB (全部附件的容量上限为 40M). */
    public static final long MAX_CLAIM_BYTES = 40L * 1024 * 1024;
    /** The longest remark or summary, in characters. */
    static final int MAX_NOTE = 200;

    private static final String SELECT = "SELECT a.*, u.display_name AS uploaded_by_name FROM claim_attachments a"
            + " JOIN users u ON u.id = a.uploaded_by";

    private static final Logger log = LoggerFactory.getLogger(ClaimAttachments.class);

    private final Database db;
    private final AttachmentStore store;
    private final Blobs blobs;
    private final Clock clock;

    /**
     * @param store the node's folder uploads are received in (and the attachments of before #17 were kept in)
     * @param blobs where the attachments' content is kept
     */
    public ClaimAttachments(Database db, AttachmentStore store, Blobs blobs, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.store = Objects.requireNonNull(store, "store");
        this.blobs = Objects.requireNonNull(blobs, "blobs");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * What comes with an uploaded file.
     *
     * @param fileName      the name the client gives, or null (then 附件 with the type's extension)
     * @param remark        备注, optional
     * @param summary       摘要, optional
     * @param declaredBytes the size the client announces (Content-Length, a part's size), or -1 when unknown; a
     *                      size over the limit is refused before anything is read
     */
    public record Upload(String fileName, String remark, String summary, long declaredBytes) {
    }

    /** A claim's attachments with their total and the limits. */
    public record Listing(List<Attachment> items, long totalBytes, long maxFileBytes, long maxClaimBytes) {
        /** A size for people: 1.5 MB, 320 KB, 12 B. */
        public String size(long bytes) {
            return human(bytes);
        }
    }

    /** An attachment to send: its record and its content, read from the database as it is sent (the caller closes it). */
    public record Download(Attachment attachment, InputStream content) {
    }

    // ---- reading ----

    /** The claim's attachments, oldest first; not found when the claim is not the principal's to see. */
    public Listing list(Principal p, long claimId) {
        return db.read(tx -> {
            Claims.visible(tx, p, claimId);
            List<Attachment> items = tx.list(SELECT + " WHERE a.claim_id = ? ORDER BY a.id", ClaimAttachments::row,
                    claimId);
            return new Listing(items, total(tx, claimId), MAX_FILE_BYTES, MAX_CLAIM_BYTES);
        });
    }

    /**
     * One attachment and its content; not found when the claim is not the principal's to see or has no such attachment.
     */
    public Download download(Principal p, long claimId, long attachmentId) {
        Attachment a = db.read(tx -> {
            Claims.visible(tx, p, claimId);
            return find(tx, claimId, attachmentId);
        });
        long blobId = db.read(tx -> blobOf(tx, attachmentId)).orElseThrow(() -> new NotFoundException(
                "the content of attachment " + attachmentId + " of claim " + claimId + " was never imported from the"
                        + " old attachments folder", "附件 " + attachmentId + " 的文件不存在"));
        return new Download(a, blobs.open(blobId));
    }

    // ---- changing ----

    /**
     * Attaches a file to a claim, reading {@code content} as a stream. Refused, with nothing kept: not found (not the
     * principal's claim), a conflict (submitted), invalid input (empty file, remark or summary too long: all named at
     * once), too large (over 4 MiB, or the
     * claim's attachments would pass 40 MiB), an unsupported type (not an allowed kind, or the extension does not
     * match the content). The claim's state and rights are checked before the content is read.
     */
    public Attachment upload(Principal p, long claimId, Upload u, InputStream content) {
        Claims.requireEnterpriseUser(p);
        Objects.requireNonNull(u, "u");
        db.read(tx -> Claims.editable(tx, p, claimId));
        List<FieldError> errors = new ArrayList<>();
        String remark = note("remark", u.remark(), "备注", "the remark", errors);
        String summary = note("summary", u.summary(), "摘要", "the summary", errors);
        if (u.declaredBytes() > MAX_FILE_BYTES) {
            throw fileTooLarge(u.declaredBytes());
        }
        AttachmentStore.Received r = store.receive(content, MAX_FILE_BYTES);
        if (r.tooLarge()) {
            throw fileTooLarge(-1);
        }
        Path temp = r.temp();
        try {
            if (r.size() == 0) {
                errors.add(new FieldError("file", "文件为空，请选择要上传的文件", "the file is empty: choose a file to upload"));
            }
            if (!errors.isEmpty()) { // the remark's, the summary's and the file's at once
                throw new InvalidInputException(errors);
            }
            String cleaned = AttachmentNames.clean(u.fileName());
            AttachmentType.Detection d = AttachmentType.detect(r.head(), AttachmentType.extensionOf(cleaned), temp);
            if (!d.ok()) {
                throw new UnsupportedTypeException(d.en(), d.zh());
            }
            String name = AttachmentNames.display(cleaned, d.type());
            return db.inTransaction(tx -> {
                tx.lock("claims", claimId); // the claim owns its total and its state (store package: concurrency)
                Claims.editable(tx, p, claimId);
                int raised = tx.update("UPDATE claims SET attachment_bytes = attachment_bytes + ? WHERE id = ?"
                        + " AND attachment_bytes + ? <= ?", r.size(), claimId, r.size(), MAX_CLAIM_BYTES);
                if (raised == 0) {
                    throw claimFull(total(tx, claimId), r.size());
                }
                // from the node's disk, in this transaction: on SQLite it holds the write lock for as long as this
                // copy takes (a few milliseconds for 4 MiB, see the README), never for the client's upload
                Blobs.Blob stored = put(tx, temp);
                long id = tx.insert("INSERT INTO claim_attachments (claim_id, file_name, type, content_type, size_bytes,"
                        + " sha256, remark, summary, uploaded_by, uploaded_at, blob_id)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        claimId, name, d.type(), d.type().contentType(), stored.sizeBytes(), stored.sha256(), remark,
                        summary, p.userId(), clock.instant(), stored.id());
                return find(tx, claimId, id);
            });
        } finally {
            store.discard(temp);
        }
    }

    private Blobs.Blob put(Tx tx, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return blobs.put(tx, in);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }

    /** Removes an attachment of a draft or returned claim; its file is deleted once that has committed. */
    public void delete(Principal p, long claimId, long attachmentId) {
        Claims.requireEnterpriseUser(p);
        db.inTransaction(tx -> {
            tx.lock("claims", claimId);
            Claims.editable(tx, p, claimId);
            Attachment a = find(tx, claimId, attachmentId);
            Optional<Long> blobId = blobOf(tx, attachmentId);
            tx.update("DELETE FROM claim_attachments WHERE id = ?", attachmentId);
            tx.update("UPDATE claims SET attachment_bytes = attachment_bytes - ? WHERE id = ?", a.sizeBytes(), claimId);
            if (blobId.isPresent()) {
                blobs.delete(tx, blobId.get());
            } else { // a file of before #17 that was never imported
                tx.afterCommit(() -> store.discard(store.oldFile(claimId, attachmentId)));
            }
            return null;
        });
    }

    /**
     * Moves the attachments of before #17 from the node's folder ({@code <claim id>/<attachment id>}) into the
     * database, each in a transaction of its own, and deletes each file once it is in; run at start-up. A file whose
     * SHA-256 is not its row's, or that is missing, is left as it is and logged (its download answers not found). Safe
     * with several nodes starting at once: an attachment another node imported meanwhile is skipped (its row is
     * updated only while it has no content), and the copy made here is rolled back.
     *
     * @return how many files were imported
     */
    public int importOldFiles() {
        List<Attachment> pending = db.read(tx -> tx.list(SELECT + " WHERE a.blob_id IS NULL ORDER BY a.id",
                ClaimAttachments::row));
        int imported = 0;
        for (Attachment a : pending) {
            Path file = store.oldFile(a.claimId(), a.id());
            if (!Files.isRegularFile(file)) {
                log.warn("attachment {} of claim {}: no file {} to import; its download answers not found", a.id(),
                        a.claimId(), file);
                continue;
            }
            boolean done = db.inTransaction(tx -> {
                Blobs.Blob b = put(tx, file);
                if (!b.sha256().equals(a.sha256()) || b.sizeBytes() != a.sizeBytes()) {
                    log.error("attachment {} of claim {}: the file {} is not the one uploaded (SHA-256 {}, {} bytes;"
                            + " recorded {}, {} bytes); left where it is", a.id(), a.claimId(), file, b.sha256(),
                            b.sizeBytes(), a.sha256(), a.sizeBytes());
                    blobs.delete(tx, b.id());
                    return false;
                }
                if (tx.update("UPDATE claim_attachments SET blob_id = ? WHERE id = ? AND blob_id IS NULL", b.id(),
                        a.id()) == 0) {
                    blobs.delete(tx, b.id()); // another node imported it first
                    return false;
                }
                return true;
            });
            if (done) {
                store.discard(file);
                imported++;
            }
        }
        return imported;
    }

    // ---- shared ----

    private static Attachment find(Tx tx, long claimId, long attachmentId) {
        return tx.one(SELECT + " WHERE a.claim_id = ? AND a.id = ?", ClaimAttachments::row, claimId, attachmentId)
                .orElseThrow(() -> new NotFoundException("attachment " + attachmentId + " of claim " + claimId
                        + " not found", "附件 " + attachmentId + " 不存在"));
    }

    /** The blob holding an attachment's content; empty for a file of before #17 not imported. */
    private static Optional<Long> blobOf(Tx tx, long attachmentId) {
        return tx.one("SELECT blob_id FROM claim_attachments WHERE id = ?", r -> Optional.ofNullable(
                r.nullableLong("blob_id")), attachmentId).flatMap(b -> b);
    }

    private static long total(Tx tx, long claimId) {
        return tx.number("SELECT attachment_bytes FROM claims WHERE id = ?", claimId);
    }

    private static String note(String field, String value, String zh, String en, List<FieldError> errors) {
        String v = Text.blankToNull(value);
        if (v != null && v.codePointCount(0, v.length()) > MAX_NOTE) {
            errors.add(new FieldError(field, zh + "不超过 " + MAX_NOTE + " 字", en + " is at most " + MAX_NOTE + " characters"));
        }
        return v;
    }

    private static TooLargeException fileTooLarge(long declared) {
        String bytes = String.format(java.util.Locale.ROOT, "%,d", declared);
        String size = declared > 0 ? "（该文件 " + bytes + " 字节）" : "";
        String sizeEn = declared > 0 ? " (this one is " + bytes + " bytes)" : "";
        return new TooLargeException("the file is too large: an attachment is at most 4 MB (4,194,304 bytes)"
                + sizeEn + "; scan at a lower resolution (300×300 dpi is enough) or split it",
                "文件过大：单个附件不能超过 4 MB（4,194,304 字节）" + size + "，请降低扫描分辨率（推荐 300×300 dpi）或分拆上传");
    }

    private static TooLargeException claimFull(long used, long size) {
        long left = Math.max(0, MAX_CLAIM_BYTES - used);
        return new TooLargeException("the claim's attachments would pass 40 MB in all: " + human(used)
                + " are uploaded, " + human(left) + " left, this file is " + human(size),
                "全部附件不能超过 40 MB：已上传 " + human(used) + "，还可上传 " + human(left) + "，该文件 " + human(size));
    }

    /** A size for people, in binary units as the limits are: 4 MB is 4,194,304 bytes. */
    static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return trim(bytes / 1024.0) + " KB";
        }
        return trim(bytes / (1024.0 * 1024)) + " MB";
    }

    private static String trim(double v) {
        String s = String.format(java.util.Locale.ROOT, "%.1f", v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    private static Attachment row(Row r) throws SQLException {
        return new Attachment(r.longValue("id"), r.longValue("claim_id"), r.string("file_name"),
                r.enumValue("type", AttachmentType.class), r.string("content_type"), r.longValue("size_bytes"),
                r.string("sha256"), r.string("remark"), r.string("summary"), r.longValue("uploaded_by"),
                r.string("uploaded_by_name"), r.instant("uploaded_at"));
    }
}
