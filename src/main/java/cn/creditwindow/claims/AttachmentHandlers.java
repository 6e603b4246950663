package cn.creditwindow.claims;

import cn.creditwindow.web.Params;
import cn.creditwindow.accounts.Caller;
import cn.creditwindow.accounts.Principal;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;

/**
 * The claim attachments API under {@code /api/claims/{id}/attachments}: upload (the raw file as the request body,
 * read as a stream: neither Javalin's {@code maxRequestSize}, which only bounds {@code ctx.body()}, nor memory limit
 * it; {@link ClaimAttachments} does), list, download and delete. Roles are checked by the routes' guards and again by
 * {@link ClaimAttachments}; another enterprise's claim answers 404.
 */
public record AttachmentHandlers(ClaimAttachments attachments) {
    /** {@code POST /api/claims/{id}/attachments?name=&remark=&summary=}: the file is the body; 201. */
    public void upload(Context ctx) {
        Principal p = Caller.require(ctx);
        long claimId = Params.pathId(ctx, "id");
        ClaimAttachments.Upload u = new ClaimAttachments.Upload(ctx.queryParam("name"), ctx.queryParam("remark"),
                ctx.queryParam("summary"), ctx.req().getContentLengthLong());
        Attachment a = attachments.upload(p, claimId, u, ctx.bodyInputStream());
        ctx.status(201).header("Location", "/api/claims/" + claimId + "/attachments/" + a.id()).json(a);
    }

    /** {@code GET /api/claims/{id}/attachments}: {@code {items, totalBytes, maxFileBytes, maxClaimBytes}}. */
    public void list(Context ctx) {
        ctx.json(attachments.list(Caller.require(ctx), Params.pathId(ctx, "id")));
    }

    /** {@code GET /api/claims/{id}/attachments/{attachmentId}}: the file, as a download under its name. */
    public void download(Context ctx) {
        ClaimAttachments.Download d = attachments.download(Caller.require(ctx),
                Params.pathId(ctx, "id"), Params.pathId(ctx, "attachmentId"));
        Attachment a = d.attachment();
        ctx.header("Content-Disposition", contentDisposition(a));
        // The type is the one found from the content; browsers must not guess another (e.g. HTML) from the bytes:
        // every answer says nosniff (server.WebServer), and the sandbox keeps a file from running as a page.
        ctx.header("Content-Security-Policy", "sandbox");
        ctx.header("Cache-Control", "private, no-cache");
        ctx.contentType(a.contentType()).result(d.content());
    }

    /** {@code DELETE /api/claims/{id}/attachments/{attachmentId}}: 204. */
    public void delete(Context ctx) {
        attachments.delete(Caller.require(ctx), Params.pathId(ctx, "id"),
                Params.pathId(ctx, "attachmentId"));
        ctx.status(204);
    }

    /**
     * {@code attachment; filename="…"; filename*=UTF-8''…}: the name itself per RFC 6266 / RFC 5987 for browsers
     * (Chinese names), and a plain ASCII name for clients that know only {@code filename}.
     */
    static String contentDisposition(Attachment a) {
        String name = a.fileName();
        boolean ascii = name.chars().allMatch(c -> c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '%');
        String fallback = ascii ? name : "attachment-" + a.id() + "." + a.type().extension();
        return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + rfc5987(name);
    }

    /** Percent-encodes the UTF-8 bytes of {@code s} except RFC 5987's attr-char. */
    static String rfc5987(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
