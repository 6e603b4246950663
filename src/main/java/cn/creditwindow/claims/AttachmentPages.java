package cn.creditwindow.claims;

import cn.creditwindow.web.Params;
import cn.creditwindow.accounts.Caller;
import cn.creditwindow.accounts.Principal;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The attachments section's forms on a claim's page ({@code claims/attachments.jte}): upload (multipart: Jetty keeps
 * the part in a temporary file on disk, within the multipart limits {@code web.Uploads} sets, and the part is streamed
 * from there into {@link ClaimAttachments}, which applies the 4 MB limit itself) and delete. Success redirects (303)
 * to the claim's attachments; a refusal shows the error page with its status (413, 415, 409…).
 */
public record AttachmentPages(ClaimAttachments attachments) {
    /** {@code POST /claims/{id}/attachments}: multipart fields {@code file}, {@code remark}, {@code summary}. */
    public void upload(Context ctx) {
        Principal p = Caller.require(ctx);
        long claimId = Params.pathId(ctx, "id");
        UploadedFile file = ctx.isMultipartFormData() ? ctx.uploadedFile("file") : null;
        boolean chosen = file != null && file.filename() != null && !file.filename().isBlank();
        // no file chosen: an empty one, which the domain refuses (400) after the claim (404) and its state (409)
        ClaimAttachments.Upload u = new ClaimAttachments.Upload(chosen ? file.filename() : null,
                ctx.formParam("remark"), ctx.formParam("summary"), chosen ? file.size() : 0);
        try (InputStream in = chosen ? file.content() : InputStream.nullInputStream()) {
            attachments.upload(p, claimId, u, in);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the uploaded attachment " + u.fileName(), e);
        }
        ctx.redirect("/claims/" + claimId + "#attachments", HttpStatus.SEE_OTHER);
    }

    /** {@code POST /claims/{id}/attachments/{attachmentId}/delete}. */
    public void delete(Context ctx) {
        long claimId = Params.pathId(ctx, "id");
        attachments.delete(Caller.require(ctx), claimId, Params.pathId(ctx, "attachmentId"));
        ctx.redirect("/claims/" + claimId + "#attachments", HttpStatus.SEE_OTHER);
    }
}
