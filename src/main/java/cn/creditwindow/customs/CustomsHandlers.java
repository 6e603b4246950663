package cn.creditwindow.customs;

import cn.creditwindow.accounts.Caller;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.paging.PageRequest;
import cn.creditwindow.store.Database;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.web.JsonBodies;
import cn.creditwindow.web.Uploads;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The customs API: the staff's CSV import, the systems' push, the declaration check, the consignor's declarations
 * and the shipment data report. Routes carry the role guards; {@link Customs} checks the tenant.
 */
public record CustomsHandlers(Customs customs, ShipmentReport report, Database db, JsonBodies bodies) {
    static final int MAX_CSV_BYTES = 8 * 1024 * 1024;

    /** {@code POST /api/customs/import?kind=declarations|bills-of-lading|certificates}: CSV, all rows or none. */
    public void importCsv(Context ctx) {
        Principal p = Caller.require(ctx);
        Upload u = upload(ctx, ctx.queryParam("kind"));
        ctx.status(201).json(customs.importCsv(p, u.kind(), u.content()));
    }

    /** {@code POST /api/customs/push}: a {@link CustomsBatch} as JSON, from a {@code customs:push} token. */
    public void push(Context ctx) {
        Principal p = Caller.require(ctx);
        ctx.status(201).json(customs.importBatch(p, bodies.read(ctx, CustomsBatch.class)));
    }

    /** {@code POST /api/customs/declarations/check}. */
    public void check(Context ctx) {
        ctx.json(customs.check(Caller.require(ctx), bodies.input(ctx, Customs.CheckRequest.class)));
    }

    /** {@code GET /api/customs/declarations?enterpriseId=&from=&to=&page=&size=}: one page, newest export first. */
    public void list(Context ctx) {
        Principal p = Caller.require(ctx);
        List<FieldError> errors = new ArrayList<>();
        Long enterprise = null;
        String raw = ctx.queryParam("enterpriseId");
        if (raw != null && !raw.isBlank()) {
            try {
                enterprise = Long.parseLong(raw.strip());
            } catch (NumberFormatException e) {
                errors.add(new FieldError("enterpriseId", "企业编号应为整数", "enterpriseId must be a whole number"));
            }
        }
        LocalDate from = date(ctx, "from", errors);
        LocalDate to = date(ctx, "to", errors);
        PageRequest page = PageRequest.parse(ctx.queryParam("page"), ctx.queryParam("size"), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        ctx.json(customs.list(p, enterprise, from, to, page));
    }

    /** {@code GET /api/customs/declarations/{number}}: 404 for others' as for unknown numbers. */
    public void declaration(Context ctx) {
        ctx.json(customs.find(Caller.require(ctx), ctx.pathParam("number")));
    }

    /** {@code POST /api/customs/shipment-report}: the PDF. */
    public void shipmentReport(Context ctx) {
        Principal p = Caller.require(ctx);
        byte[] pdf = db.read(tx -> report.shipmentReport(tx, p, bodies.input(ctx, ShipmentReport.Request.class)));
        ctx.contentType("application/pdf").header("Content-Disposition", "inline; filename=\"shipment-report.pdf\"")
                .result(pdf);
    }

    private static LocalDate date(Context ctx, String name, List<FieldError> errors) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        LocalDate d = CustomsImport.parseDate(raw);
        if (d == null) {
            errors.add(new FieldError(name, "日期应为 yyyy-MM-dd", name + " must be a date yyyy-MM-dd"));
        }
        return d;
    }

    /** What an import sends: the kind of data and the file. */
    record Upload(CustomsCsv.Kind kind, byte[] content) {
    }

    /**
     * The kind ({@code kindSlug}) and the file of an import (the body, or a multipart form's {@code file}); an
     * unknown kind and a missing, empty or too large file are named together (400).
     */
    static Upload upload(Context ctx, String kindSlug) {
        List<FieldError> errors = new ArrayList<>();
        CustomsCsv.Kind kind = CustomsCsv.Kind.find(kindSlug).orElse(null);
        if (kind == null) {
            errors.add(CustomsCsv.Kind.unknown());
        }
        int before = errors.size();
        Uploads.SentFile f = Uploads.file(ctx, MAX_CSV_BYTES, errors);
        if (errors.size() == before && f.isEmpty()) {
            errors.add(ctx.isMultipartFormData()
                    ? new FieldError("file", "请选择要导入的 CSV 文件", "choose the CSV file to import")
                    : new FieldError("file", "请求体为空：请以 text/csv 提交", "the body is empty: send the file as text/csv"));
        }
        byte[] content = f.content();
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Upload(kind, content);
    }
}
