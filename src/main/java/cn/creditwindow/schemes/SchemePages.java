package cn.creditwindow.schemes;

import cn.creditwindow.accounts.Caller;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.web.Pages;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The administrator's page of the schemes, {@code /enrolment/schemes} (统保方案, beside the eligible lists that name
 * them): every scheme with its validity, its policy years (today's marked) and who added it, and the form that adds
 * a scheme as data (pasted JSON or a file). A refused scheme shows the page again with the field named (400) and the
 * text kept; an added one redirects (303) to the page saying so.
 */
public record SchemePages(SchemeCatalogue schemes, Pages pages, Clock clock, ZoneId zone) {
    /**
     * What the page shows.
     *
     * @param added the id of the scheme just added (the redirect's {@code ?added=}), else null
     * @param json  the text of a refused scheme, to correct; else empty
     */
    public record View(LocalDate today, List<SchemeCatalogue.Listed> schemes, List<FieldError> errors, String added,
                       String json) {
    }

    /** {@code GET /enrolment/schemes}. */
    public void show(Context ctx) {
        Caller.require(ctx);
        String added = ctx.queryParam("added");
        boolean known = added != null && schemes.current().byId(added).isPresent();
        render(ctx, List.of(), known ? added : null, "");
    }

    /** {@code POST /enrolment/schemes}: a form with {@code json} (pasted), or multipart with {@code file}. */
    public void add(Context ctx) {
        Principal p = Caller.require(ctx);
        byte[] json = null;
        try {
            json = sent(ctx);
            Scheme s = schemes.add(p, json);
            ctx.redirect("/enrolment/schemes?added=" + s.id(), HttpStatus.SEE_OTHER);
        } catch (InvalidInputException e) {
            ctx.status(400);
            render(ctx, e.errors(), null, json == null || json.length > SchemeCatalogue.MAX_BYTES ? ""
                    : new String(json, StandardCharsets.UTF_8));
        }
    }

    /** The uploaded file when one was chosen, else the pasted text; null when neither. */
    private static byte[] sent(Context ctx) {
        if (ctx.isMultipartFormData()) {
            UploadedFile f = ctx.uploadedFile("file");
            if (f != null && f.size() > 0) {
                if (f.size() > SchemeCatalogue.MAX_BYTES) {
                    throw new InvalidInputException("scheme", "文件过大（" + f.size() + " 字节），上限 "
                            + SchemeCatalogue.MAX_BYTES + " 字节", "the file is " + f.size() + " bytes; at most "
                            + SchemeCatalogue.MAX_BYTES + " are accepted");
                }
                try (InputStream in = f.content()) {
                    return in.readAllBytes();
                } catch (IOException e) {
                    throw new UncheckedIOException("reading the uploaded scheme", e);
                }
            }
        }
        String pasted = ctx.formParam("json");
        return pasted == null ? null : pasted.getBytes(StandardCharsets.UTF_8);
    }

    private void render(Context ctx, List<FieldError> errors, String added, String json) {
        pages.render(ctx, "schemes/list.jte", new View(LocalDate.ofInstant(clock.instant(), zone), schemes.list(),
                errors, added, json));
    }
}
