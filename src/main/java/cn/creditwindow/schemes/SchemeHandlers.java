package cn.creditwindow.schemes;

import cn.creditwindow.accounts.Caller;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.validation.NotFoundException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sponsored-policy schemes over the API (public information, like the notices they come from), each with its
 * validity and policy years; a quote: what a scheme means for an enterprise with given last-year exports in the
 * policy year of today; and the administrator's {@code POST /api/admin/schemes}, which adds a scheme as data.
 */
public record SchemeHandlers(SchemeCatalogue schemes, ObjectMapper json, Clock clock, ZoneId zone) {
    private static final BigDecimal MAX_EXPORTS = new BigDecimal("1000000000000");

    /**
     * {@code GET /api/schemes}: {@code {items: [scheme]}}, each scheme as its data with {@code policyYears} (every
     * year: range, collectBy, exportsYear), {@code currentYear} (the year in force today, or the next to start; null
     * once all are over) and {@code addedBy}/{@code addedAt} (null for a bundled scheme).
     */
    public void list(Context ctx) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        ctx.json(Map.of("items", schemes.list().stream().map(l -> view(l, today)).toList()));
    }

    /** {@code GET /api/schemes/{id}}: the scheme as in the list. */
    public void scheme(Context ctx) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        String id = ctx.pathParam("id");
        ctx.json(view(schemes.list().stream().filter(l -> l.scheme().id().equals(id)).findFirst()
                .orElseThrow(() -> notFound(id)), today));
    }

    /**
     * {@code POST /api/admin/schemes}: the body is one scheme object in the format of an entry of a scheme file
     * ({@code schemes/README.md}); 201 with the scheme as the list shows it, 400 naming the field (nothing saved).
     */
    public void add(Context ctx) {
        Principal p = Caller.require(ctx);
        Scheme added = schemes.add(p, ctx.bodyAsBytes());
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        ctx.status(201).json(view(schemes.list().stream().filter(l -> l.scheme().id().equals(added.id()))
                .findFirst().orElseThrow(), today));
    }

    private ObjectNode view(SchemeCatalogue.Listed l, LocalDate today) {
        ObjectNode node = json.valueToTree(l.scheme());
        node.set("policyYears", json.valueToTree(l.policyYears()));
        node.set("currentYear", json.valueToTree(l.scheme().policyYearOn(today).orElse(null)));
        node.put("addedBy", l.added() == null ? null : l.added().addedBy());
        node.put("addedAt", l.added() == null ? null : l.added().addedAt().toString());
        return node;
    }

    /**
     * {@code GET /api/schemes/{id}/quote?exports=…}: eligibility, premium and its split, the limits, and the policy
     * year a policy would be for today (null once the scheme's years are over).
     */
    public void quote(Context ctx) {
        Scheme s = find(ctx.pathParam("id"));
        BigDecimal exports = exports(ctx.queryParam("exports"));
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("scheme", s.id());
        q.put("exports", exports);
        boolean eligible = s.isEligible(exports);
        q.put("eligible", eligible);
        if (eligible) {
            Premium premium = s.premium(exports);
            q.put("premium", premium);
            q.put("aggregateLimit", s.aggregateLimit(premium).orElse(null));
        }
        q.put("indemnityRatio", s.indemnityRatio());
        q.put("perBuyerLimit", s.perBuyerLimit());
        PolicyYear year = s.policyYearOn(LocalDate.ofInstant(clock.instant(), zone)).orElse(null);
        q.put("policyYear", year == null ? null : year.range());
        q.put("collectBy", year == null ? null : year.collectBy());
        q.put("exportsYear", year == null ? null : year.exportsYear());
        ctx.json(q);
    }

    private Scheme find(String id) {
        return schemes.current().byId(id).orElseThrow(() -> notFound(id));
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("no scheme " + id, "没有方案 " + id);
    }

    static BigDecimal exports(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException("exports", "请填写上年出口额（美元）", "exports (last year's, in USD) is required");
        }
        try {
            BigDecimal v = new BigDecimal(raw.strip().replace(",", ""));
            if (v.signum() < 0 || v.compareTo(MAX_EXPORTS) > 0 || v.scale() > 2) {
                throw new NumberFormatException();
            }
            return v.setScale(2);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InvalidInputException("exports", "上年出口额应为不小于 0 的美元金额（最多两位小数），实为“" + raw + "”",
                    "exports must be a non-negative USD amount with at most 2 decimals, was '" + raw + "'");
        }
    }
}
