package cn.creditwindow.schemes;

import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.validation.NotFoundException;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The sponsored-policy schemes over the API (public information, like the notices they come from),
 * and a quote: what a scheme means for an enterprise with given last-year exports.
 */
public final class SchemeHandlers {
    private static final BigDecimal MAX_EXPORTS = new BigDecimal("1000000000000");

    private final Schemes schemes;

    public SchemeHandlers(Schemes schemes) {
        this.schemes = Objects.requireNonNull(schemes, "schemes");
    }

    /** {@code GET /api/schemes}. */
    public void list(Context ctx) {
        ctx.json(Map.of("items", schemes.all()));
    }

    /** {@code GET /api/schemes/{id}}. */
    public void scheme(Context ctx) {
        ctx.json(find(ctx.pathParam("id")));
    }

    /** {@code GET /api/schemes/{id}/quote?exports=…}: eligibility, premium and its split, and the limits. */
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
        q.put("policyYear", s.policyYear());
        q.put("collectBy", s.collectBy());
        ctx.json(q);
    }

    private Scheme find(String id) {
        return schemes.byId(id).orElseThrow(() -> new NotFoundException("no scheme " + id, "没有方案 " + id));
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
