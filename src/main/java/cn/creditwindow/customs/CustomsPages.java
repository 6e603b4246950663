package cn.creditwindow.customs;

import cn.creditwindow.accounts.Caller;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.paging.PageRequest;
import cn.creditwindow.paging.Paged;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.web.Pager;
import cn.creditwindow.web.Pages;
import cn.creditwindow.web.QueryString;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The customs pages, reached from the claims section: {@code /customs/declarations}, the export declarations the
 * viewer may see (an enterprise its own, as consignor; staff those of whom they serve), and {@code /customs/import},
 * where the insurer's staff upload the customs CSV files (declarations, bills of lading, certificates of origin) that
 * claims are checked against. Forms post with {@code _csrf}; success redirects (303); bad input shows the error page
 * naming every bad line and column.
 */
public record CustomsPages(Customs customs, Pages pages) {
    /** The declarations list: the conditions as given, the declarations, whether consignors are shown (staff). */
    public record DeclarationsView(String from, String to, Paged<Declaration> items, Pager pager, boolean staff) {
    }

    /** {@code GET /customs/declarations?from=&to=&page=&size=}: newest export first. */
    public void declarations(Context ctx) {
        Principal p = Caller.require(ctx);
        List<FieldError> errors = new ArrayList<>();
        LocalDate from = date(ctx, "from", errors);
        LocalDate to = date(ctx, "to", errors);
        String size = ctx.queryParam("size");
        PageRequest page = PageRequest.parse(ctx.queryParam("page"), size, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Paged<Declaration> list = customs.list(p, null, from, to, page);
        Pager pager = Pager.of(list, n -> QueryString.of().add("from", text(ctx, "from")).add("to", text(ctx, "to"))
                .add("size", size).add("page", n).appendTo("/customs/declarations"));
        pages.render(ctx, "customs/declarations.jte", new DeclarationsView(text(ctx, "from"), text(ctx, "to"), list,
                pager, !p.role().isEnterpriseUser()));
    }

    /** The import page: the kinds with their columns, and what the last import did (from the redirect). */
    public record ImportView(List<CustomsCsv.Kind> kinds, String doneKind, int added, int updated) {
    }

    /** {@code GET /customs/import}. */
    public void importPage(Context ctx) {
        Caller.require(ctx);
        String done = ctx.queryParam("kind");
        CustomsCsv.Kind kind = done == null ? null : java.util.Arrays.stream(CustomsCsv.Kind.values())
                .filter(k -> k.slug().equals(done)).findFirst().orElse(null);
        pages.render(ctx, "customs/import.jte", new ImportView(List.of(CustomsCsv.Kind.values()),
                kind == null ? null : kind.slug(), count(ctx.queryParam("added")), count(ctx.queryParam("updated"))));
    }

    /** {@code POST /customs/import}: multipart fields {@code kind} and {@code file}; all rows or none. */
    public void importCsv(Context ctx) {
        Principal p = Caller.require(ctx);
        CustomsHandlers.Upload u = CustomsHandlers.upload(ctx, ctx.formParam("kind"));
        CustomsCsv.Kind kind = u.kind();
        Customs.ImportResult r = customs.importCsv(p, kind, u.content());
        int added = switch (kind) {
            case DECLARATIONS -> r.declarationsAdded();
            case BILLS_OF_LADING -> r.billsOfLadingAdded();
            case CERTIFICATES -> r.certificatesAdded();
        };
        int updated = switch (kind) {
            case DECLARATIONS -> r.declarationsUpdated();
            case BILLS_OF_LADING -> r.billsOfLadingUpdated();
            case CERTIFICATES -> r.certificatesUpdated();
        };
        ctx.redirect("/customs/import?kind=" + kind.slug() + "&added=" + added + "&updated=" + updated,
                HttpStatus.SEE_OTHER);
    }

    private static String text(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null ? "" : v.strip();
    }

    private static LocalDate date(Context ctx, String name, List<FieldError> errors) {
        String raw = text(ctx, name);
        if (raw.isEmpty()) {
            return null;
        }
        LocalDate d = CustomsImport.parseDate(raw);
        if (d == null) {
            errors.add(new FieldError(name, "日期应为 yyyy-MM-dd", name + " must be a date yyyy-MM-dd"));
        }
        return d;
    }

    private static int count(String s) {
        return s != null && s.matches("\\d{1,6}") ? Integer.parseInt(s) : 0;
    }
}
