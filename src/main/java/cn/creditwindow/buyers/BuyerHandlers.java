package cn.creditwindow.buyers;

import cn.creditwindow.web.Params;
import cn.creditwindow.accounts.Caller;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.web.JsonBodies;
import cn.creditwindow.web.Uploads;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The buyer directory's API: search ({@code GET /api/buyers}), one buyer ({@code GET /api/buyers/{id}}), adding
 * a missing buyer ({@code POST /api/buyers}) and the insurer's CSV import ({@code POST /api/buyers/import}).
 * Routes carry the role guards; who may see which buyer is {@link Buyers#visibleFilter}'s business.
 */
public record BuyerHandlers(Buyers buyers, JsonBodies bodies) {
    /** The largest directory file accepted in one request. */
    static final int MAX_CSV_BYTES = 8 * 1024 * 1024;

    /** {@code GET /api/buyers?q=&country=&page=}. */
    public void search(Context ctx) {
        Principal p = Caller.require(ctx);
        ctx.json(buyers.search(p, new Buyers.Query(ctx.queryParam("q"), ctx.queryParam("country"), ctx.queryParam("page"),
                ctx.queryParam("size"))));
    }

    /** {@code GET /api/buyers/{id}}: the buyer, and the look-alike it was flagged with if the principal may see it. */
    public void buyer(Context ctx) {
        Principal p = Caller.require(ctx);
        ctx.json(withDuplicate(p, buyers.find(p, Params.pathId(ctx, "id"))));
    }

    /** {@code POST /api/buyers}: {@code {nameEn, nameZh, country, address, registrationNo}}; 201 with the code. */
    public void add(Context ctx) {
        Principal p = Caller.require(ctx);
        Buyer b = buyers.add(p, bodies.read(ctx, Buyers.NewBuyer.class));
        ctx.status(201).header("Location", "/api/buyers/" + b.id()).json(withDuplicate(p, b));
    }

    /** {@code POST /api/buyers/import}: the directory as {@code text/csv} (or a multipart form's {@code file}). */
    public void importCsv(Context ctx) {
        Principal p = Caller.require(ctx);
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

    /** The directory's CSV, from the page's file input or the request body; 400 when missing or too large. */
    static byte[] upload(Context ctx) {
        List<FieldError> errors = new ArrayList<>();
        Uploads.SentFile f = Uploads.file(ctx, MAX_CSV_BYTES, errors);
        if (errors.isEmpty() && f.isEmpty()) {
            errors.add(ctx.isMultipartFormData()
                    ? new FieldError("file", "请选择要导入的 CSV 文件", "choose the CSV file to import")
                    : new FieldError("file", "请求体为空：请以 text/csv 提交买方名录",
                    "the body is empty: send the directory as text/csv"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return f.content();
    }
}
