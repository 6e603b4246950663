package cn.creditwindow.claims;

import cn.creditwindow.accounts.Principal;
import cn.creditwindow.store.Database;
import cn.creditwindow.store.Row;
import cn.creditwindow.store.Tx;
import cn.creditwindow.validation.Text;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.validation.NotFoundException;
import cn.creditwindow.validation.TooLargeException;
import cn.creditwindow.validation.UnsupportedTypeException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A claim's attachments (索赔附件, manual 4.1): at most {@value #MAX_FILE_BYTES} bytes (4 MiB) a file and
 * {@value #MAX_CLAIM_BYTES} bytes (40 MiB) a claim; PDF, images, Office documents and ZIP archives only, decided by
 * the content ({@link AttachmentType}). The claimant enterprise's people upload and delete them while the claim is a
 * draft or returned; they and the insurer's staff who may see the claim list and download them; everyone else gets
 * not found, as for the claim itself ({@link Claims#visible}).
 *
 * <p>An upload is streamed to a temporary file ({@link AttachmentStore}), never held in memory, and reading stops one
 * byte past the file limit. The claim's running total is raised, the row inserted and the file moved into place in
 * one transaction, so racing uploads cannot pass the claim's limit together (the database's CHECK on the total is the
 * final guard); a refusal leaves no row, no file and no temporary file, and changes nothing else of the claim.
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

    private final Database db;
    private final AttachmentStore store;
    private final Clock clock;

    public ClaimAttachments(Database db, AttachmentStore store, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.store = Objects.requireNonNull(store, "store");
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

    /** An attachment to send: its record and its file's content (the caller closes it). */
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
        return new Download(a, store.open(claimId, attachmentId));
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
        Path[] moved = new Path[1];
        boolean committed = false;
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
            Attachment a = db.inTransaction(tx -> {
                tx.lock("claims", claimId); // the claim owns its total and its state (store package: concurrency)
                Claims.editable(tx, p, claimId);
                int raised = tx.update("UPDATE claims SET attachment_bytes = attachment_bytes + ? WHERE id = ?"
                        + " AND attachment_bytes + ? <= ?", r.size(), claimId, r.size(), MAX_CLAIM_BYTES);
                if (raised == 0) {
                    throw claimFull(total(tx, claimId), r.size());
                }
                long id = tx.insert("INSERT INTO claim_attachments (claim_id, file_name, type, content_type, size_bytes,"
                        + " sha256, remark, summary, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        claimId, name, d.type(), d.type().contentType(), r.size(), r.sha256(), remark, summary,
                        p.userId(), clock.instant());
                // Last, so that the file is in place when the row becomes visible; undone below if the commit fails.
                moved[0] = store.place(temp, claimId, id);
                return find(tx, claimId, id);
            });
            committed = true;
            return a;
        } finally {
            store.discard(temp); // nothing left after the move
            if (!committed && moved[0] != null) {
                store.discard(moved[0]);
            }
        }
    }

    /** Removes an attachment of a draft or returned claim; its file is deleted once that has committed. */
    public void delete(Principal p, long claimId, long attachmentId) {
        Claims.requireEnterpriseUser(p);
        db.inTransaction(tx -> {
            tx.lock("claims", claimId);
            Claims.editable(tx, p, claimId);
            Attachment a = find(tx, claimId, attachmentId);
            tx.update("DELETE FROM claim_attachments WHERE id = ?", attachmentId);
            tx.update("UPDATE claims SET attachment_bytes = attachment_bytes - ? WHERE id = ?", a.sizeBytes(), claimId);
            tx.afterCommit(() -> store.discard(store.file(claimId, attachmentId)));
            return null;
        });
    }

    // ---- shared ----

    private static Attachment find(Tx tx, long claimId, long attachmentId) {
        return tx.one(SELECT + " WHERE a.claim_id = ? AND a.id = ?", ClaimAttachments::row, claimId, attachmentId)
                .orElseThrow(() -> new NotFoundException("attachment " + attachmentId + " of claim " + claimId
                        + " not found", "附件 " + attachmentId + " 不存在"));
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
