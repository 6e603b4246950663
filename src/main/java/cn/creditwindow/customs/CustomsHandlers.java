package cn.creditwindow.customs;

import cn.creditwindow.accounts.Principal;
import cn.creditwindow.paging.PageRequest;
import cn.creditwindow.store.Database;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.web.Authentication;
import cn.creditwindow.web.JsonBodies;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The customs API: the staff's CSV import, the systems' push, the declaration check, the consignor's declarations
 * and the shipment data report. Routes carry the role guards; {@link Customs} checks the tenant.
 */
public final class CustomsHandlers {
    static final int MAX_CSV_BYTES = 8 * 1024 * 1024;

    private final Customs customs;
    private final ShipmentReport report;
    private final Database db;
    private final JsonBodies bodies;

    public CustomsHandlers(Customs customs, ShipmentReport report, Database db, JsonBodies bodies) {
        this.customs = Objects.requireNonNull(customs, "customs");
        this.report = Objects.requireNonNull(report, "report");
        this.db = Objects.requireNonNull(db, "db");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
    }

    /** {@code POST /api/customs/import?kind=declarations|bills-of-lading|certificates}: CSV, all rows or none. */
    public void importCsv(Context ctx) {
        Principal p = Authentication.require(ctx);
        CustomsCsv.Kind kind = CustomsCsv.Kind.of(ctx.queryParam("kind"));
        ctx.status(201).json(customs.importCsv(p, kind, upload(ctx)));
    }

    /** {@code POST /api/customs/push}: a {@link CustomsBatch} as JSON, from a {@code customs:push} token. */
    public void push(Context ctx) {
        Principal p = Authentication.require(ctx);
        ctx.status(201).json(customs.importBatch(p, bodies.read(ctx, CustomsBatch.class)));
    }

    /** The body of a check: whose (staff only), declaration numbers, certificate numbers. */
    public record CheckRequest(Long enterpriseId, List<String> numbers, List<String> certificateNumbers) {
    }

    /** {@code POST /api/customs/declarations/check}. */
    public void check(Context ctx) {
        Principal p = Authentication.require(ctx);
        CheckRequest r = bodies.read(ctx, CheckRequest.class);
        ctx.json(db.read(tx -> {
            long enterprise = customs.enterpriseFor(tx, p, r.enterpriseId());
            List<FieldError> errors = new ArrayList<>();
            List<CheckResult> declarations = List.of();
            List<CheckResult> certificates = List.of();
            if ((r.numbers() == null || r.numbers().isEmpty())
                    && (r.certificateNumbers() == null || r.certificateNumbers().isEmpty())) {
                throw new InvalidInputException("numbers", "请填写要检查的报关单号或原产地证书号",
                        "give the declaration or certificate numbers to check");
            }
            try {
                declarations = customs.check(tx, enterprise, r.numbers() == null ? List.of() : r.numbers());
            } catch (InvalidInputException e) {
                errors.addAll(e.errors());
            }
            try {
                certificates = customs.checkCertificates(tx, enterprise,
                        r.certificateNumbers() == null ? List.of() : r.certificateNumbers());
            } catch (InvalidInputException e) {
                errors.addAll(e.errors());
            }
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            return Map.of("declarations", declarations, "certificates", certificates);
        }));
    }

    /** {@code GET /api/customs/declarations?enterpriseId=&from=&to=&page=&size=}: one page, newest export first. */
    public void list(Context ctx) {
        Principal p = Authentication.require(ctx);
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
        ctx.json(customs.find(Authentication.require(ctx), ctx.pathParam("number")));
    }

    /** The body of a report request. */
    public record ReportRequest(Long enterpriseId, List<ShipmentReport.ShipmentSet> sets) {
    }

    /** {@code POST /api/customs/shipment-report}: the PDF. */
    public void shipmentReport(Context ctx) {
        Principal p = Authentication.require(ctx);
        ReportRequest r = bodies.read(ctx, ReportRequest.class);
        byte[] pdf = db.read(tx -> report.shipmentReport(tx, customs.enterpriseFor(tx, p, r.enterpriseId()), r.sets()));
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

    static byte[] upload(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType();
        byte[] content;
        if (type.startsWith("multipart/form-data")) {
            UploadedFile f = ctx.uploadedFile("file");
            if (f == null || f.size() == 0) {
                throw new InvalidInputException("file", "请选择要导入的 CSV 文件", "choose the CSV file to import");
            }
            if (f.size() > MAX_CSV_BYTES) {
                throw tooLarge();
            }
            try (InputStream in = f.content()) {
                content = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("reading the uploaded customs file " + f.filename(), e);
            }
        } else {
            content = ctx.bodyAsBytes();
            if (content.length > MAX_CSV_BYTES) {
                throw tooLarge();
            }
        }
        if (content.length == 0) {
            throw new InvalidInputException("file", "请求体为空：请以 text/csv 提交", "the body is empty: send the file as text/csv");
        }
        return content;
    }

    private static InvalidInputException tooLarge() {
        return new InvalidInputException("file", "文件过大：最大 " + MAX_CSV_BYTES / (1024 * 1024) + " MB",
                "the file is too large: at most " + MAX_CSV_BYTES / (1024 * 1024) + " MB");
    }
}
