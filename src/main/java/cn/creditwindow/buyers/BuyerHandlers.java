package cn.creditwindow.buyers;

import cn.creditwindow.accounts.AccountHandlers;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.web.Authentication;
import cn.creditwindow.web.JsonBodies;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The buyer directory's API: search ({@code GET /api/buyers}), one buyer ({@code GET /api/buyers/{id}}), adding
 * a missing buyer ({@code POST /api/buyers}) and the insurer's CSV import ({@code POST /api/buyers/import}).
 * Routes carry the role guards; who may see which buyer is {@link Buyers#visibleFilter}'s business.
 */
public final class BuyerHandlers {
    /** The largest directory file accepted in one request. */
    static final int MAX_CSV_BYTES = 8 * 1024 * 1024;

    private final Buyers buyers;
    private final JsonBodies bodies;

    public BuyerHandlers(Buyers buyers, JsonBodies bodies) {
        this.buyers = Objects.requireNonNull(buyers, "buyers");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
    }

    /** {@code GET /api/buyers?q=&country=&page=}. */
    public void search(Context ctx) {
        Principal p = Authentication.require(ctx);
        ctx.json(buyers.search(p, new Buyers.Query(ctx.queryParam("q"), ctx.queryParam("country"), ctx.queryParam("page"),
                ctx.queryParam("size"))));
    }

    /** {@code GET /api/buyers/{id}}: the buyer, and the look-alike it was flagged with if the principal may see it. */
    public void buyer(Context ctx) {
        Principal p = Authentication.require(ctx);
        ctx.json(withDuplicate(p, buyers.find(p, AccountHandlers.pathId(ctx, "id"))));
    }

    /** {@code POST /api/buyers}: {@code {nameEn, nameZh, country, address, registrationNo}}; 201 with the code. */
    public void add(Context ctx) {
        Principal p = Authentication.require(ctx);
        Buyer b = buyers.add(p, bodies.read(ctx, Buyers.NewBuyer.class));
        ctx.status(201).header("Location", "/api/buyers/" + b.id()).json(withDuplicate(p, b));
    }

    /** {@code POST /api/buyers/import}: the directory as {@code text/csv} (or a multipart form's {@code file}). */
    public void importCsv(Context ctx) {
        Principal p = Authentication.require(ctx);
        ctx.status(201).json(buyers.importCsv(p, upload(ctx)));
    }

    /** The buyer and {@code possibleDuplicate} ({@code {id, code, nameEn}}, or null when none or not visible). */
    Map<String, Object> withDuplicate(Principal p, Buyer b) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("buyer", b);
        out.put("possibleDuplicate", buyers.duplicateOf(p, b).map(d -> Map.of("id", d.id(), "code", d.code(),
                "nameEn", d.nameEn())).orElse(null));
        return out;
    }

    static byte[] upload(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType();
        byte[] content;
        if (type.startsWith("multipart/form-data")) {
            UploadedFile f = ctx.uploadedFile("file");
            if (f == null || f.size() == 0) {
                throw new InvalidInputException("file", "请选择要导入的 CSV 文件", "choose the CSV file to import");
            }
            if (f.size() > MAX_CSV_BYTES) {
                throw new InvalidInputException(tooLarge());
            }
            try (InputStream in = f.content()) {
                content = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("reading the uploaded buyer directory " + f.filename(), e);
            }
        } else {
            content = ctx.bodyAsBytes();
            if (content.length > MAX_CSV_BYTES) {
                throw new InvalidInputException(tooLarge());
            }
        }
        if (content.length == 0) {
            throw new InvalidInputException("file", "请求体为空：请以 text/csv 提交买方名录",
                    "the body is empty: send the directory as text/csv");
        }
        return content;
    }

    private static java.util.List<FieldError> tooLarge() {
        return java.util.List.of(new FieldError("file", "文件过大：最大 " + MAX_CSV_BYTES / (1024 * 1024) + " MB",
                "the file is too large: at most " + MAX_CSV_BYTES / (1024 * 1024) + " MB"));
    }
}
