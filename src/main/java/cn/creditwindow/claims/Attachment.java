package cn.creditwindow.claims;

import java.time.Instant;

/**
 * A file attached to a claim (索赔附件): trade documents or proofs of loss.
 *
 * @param fileName     the sanitised name, shown and offered as the download's name
 * @param type         the kind found from the file's first bytes
 * @param contentType  the media type it is served with (the type's, never the client's)
 * @param sizeBytes    its size, 1 to 4 MiB
 * @param sha256       its SHA-256, lower-case hex
 * @param remark       备注, or null
 * @param summary      摘要, or null
 */
public record Attachment(long id, long claimId, String fileName, AttachmentType type, String contentType,
                         long sizeBytes, String sha256, String remark, String summary, long uploadedBy,
                         String uploadedByName, Instant uploadedAt) {
}
