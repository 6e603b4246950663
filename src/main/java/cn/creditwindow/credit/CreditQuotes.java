package cn.creditwindow.credit;

import static cn.creditwindow.validation.Text.blankToNull;

import cn.creditwindow.accounts.Accounts;
import cn.creditwindow.accounts.Enterprise;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Role;
import cn.creditwindow.accounts.Tenancy;
import cn.creditwindow.buyers.Buyer;
import cn.creditwindow.buyers.Buyers;
import cn.creditwindow.credit.CreditOrders.OrderRequest;
import cn.creditwindow.reference.Countries;
import cn.creditwindow.reference.Country;
import cn.creditwindow.schemes.Scheme;
import cn.creditwindow.store.Database;
import cn.creditwindow.store.Tx;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.Input;
import cn.creditwindow.validation.ConflictException;
import cn.creditwindow.validation.NotAllowedException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an order would cost: the order request checked (the report type and its fields, the enterprise it is for and
 * the buyer as the principal may name them), the "other reports" kept to small exporters, and the charge: free when
 * the enterprise's quota ({@link CreditQuotas}) has a report left, else the price with the urgent surcharge, or
 * refused when the scheme gives no reports beyond the free ones. {@link CreditOrders} asks the same inside the
 * order's transaction, reserving the free report there.
 */
public final class CreditQuotes {
    /** Annual exports (USD cents) at or above which the "other reports" are not offered (SPEC §3: 20M USD). */
    static final long SMALL_EXPORTER_LIMIT_CENTS = 2_000_000_000L;
    private static final Pattern HS_CODE = Pattern.compile("\\d{2}(\\d{2}){0,4}");

    private final Database db;
    private final ReportTypes types;
    private final Countries countries;
    private final CreditQuotas quotas;

    public CreditQuotes(Database db, ReportTypes types, Countries countries, CreditQuotas quotas) {
        this.db = Objects.requireNonNull(db, "db");
        this.types = Objects.requireNonNull(types, "types");
        this.countries = Objects.requireNonNull(countries, "countries");
        this.quotas = Objects.requireNonNull(quotas, "quotas");
    }

    /**
     * What the order would cost now: invalid input naming every bad field (a buyer or an enterprise the principal may
     * not name among them), a conflict when the report is not for this enterprise.
     */
    public Quote quote(Principal p, Input<OrderRequest> request) {
        requireOrderer(p);
        return db.read(tx -> {
            Checked c = checked(tx, p, request, false);
            return price(tx, c, false).quote();
        });
    }

    /** The checked fields of a request: the report, the enterprise it is for and its buyer as the principal sees them. */
    record Checked(ReportType type, Enterprise enterprise, Buyer buyer, Country country, String hsCode,
                   String product, boolean urgent, long expectedFen) {
    }

    /** A quote and, when reserving, the free slot taken. */
    record Reserved(Quote quote, Integer slot, Long quotaId) {
    }

    static void requireOrderer(Principal p) {
        if (!p.role().isEnterpriseUser() && p.role() != Role.ACCOUNT_MANAGER) {
            throw new NotAllowedException("only the enterprise's people and its account manager order reports",
                    "只有企业用户和客户经理可以订购资信报告");
        }
    }

    /**
     * The request checked in the caller's transaction: invalid input naming every bad field ({@code expectedCharge}
     * among them when {@code confirming}), then a conflict when the report is for small exporters and this enterprise
     * is not one.
     */
    Checked checked(Tx tx, Principal p, Input<OrderRequest> request, boolean confirming) {
        Checked c = request.check((r, errors) -> check(tx, p, r, confirming, errors));
        requireSmallExporter(tx, c);
        return c;
    }

    /** The charge of a checked request now, in the caller's transaction; {@code reserve} takes the free report. */
    Reserved price(Tx tx, Checked c, boolean reserve) {
        return quote(tx, c.type(), c.urgent(), quotas.quota(tx, c.enterprise().id()), reserve);
    }

    /**
     * The checked request, or null after adding an error per bad field to {@code errors}: the enterprise and the buyer
     * it names are fields of the form, and one the principal may not name is "not found" in the field (the same
     * words whether it does not exist or is another's), not a 404.
     */
    private Checked check(Tx tx, Principal p, OrderRequest r, boolean confirming, List<FieldError> errors) {
        int before = errors.size();
        ReportType type = types.byId(r.type()).orElse(null);
        if (type == null) {
            errors.add(new FieldError("type", "未知的报告类型“" + nz(r.type()) + "”，可选：" + ids(),
                    "unknown report type '" + nz(r.type()) + "'; the types are " + ids()));
        }
        Enterprise enterprise = enterprise(tx, p, r.enterpriseId(), errors);
        Country country = null;
        Buyer buyer = null;
        String hs = blankToNull(r.hsCode());
        String product = blankToNull(r.product());
        boolean urgent = Boolean.TRUE.equals(r.urgent());
        if (type != null) {
            if (type.needsBuyer() && r.buyerId() == null) {
                errors.add(new FieldError("buyerId", "请从买方目录中选择买方", "choose a buyer from the directory (buyerId)"));
            }
            if (!type.needsBuyer() && r.buyerId() != null) {
                errors.add(new FieldError("buyerId", type.nameZh() + "不针对单个买方", type.nameEn() + " is not about one buyer"));
            }
            if (type.needsBuyer() && r.buyerId() != null) {
                // the insurer's entries, and the enterprise's own: another enterprise's is as if it did not exist
                buyer = Buyers.visible(tx, p, r.buyerId()).filter(b -> b.addedByEnterpriseId() == null
                        || enterprise == null || b.addedByEnterpriseId() == enterprise.id()).orElse(null);
                if (buyer == null) {
                    errors.add(Buyers.noSuchBuyer("buyerId", r.buyerId()));
                }
            }
            if (type.needsCountry() || r.country() != null && !r.country().isBlank()) {
                country = blankToNull(r.country()) == null ? null : countries.find(r.country().strip()).orElse(null);
                if (country == null) {
                    errors.add(new FieldError("country", blankToNull(r.country()) == null ? "请选择国家或地区"
                            : "未知的国家或地区“" + r.country() + "”", blankToNull(r.country()) == null
                            ? "the country is required" : "unknown country '" + r.country() + "'"));
                } else if (country.alpha2().equals("CN")) {
                    errors.add(new FieldError("country", "请选择境外国家或地区", "choose a country outside mainland China"));
                }
            }
            if (type.needsHsCode() && hs == null) {
                errors.add(new FieldError("hsCode", "请填写产品的 HS 编码（2 至 10 位数字）",
                        "the product's HS code is required (2 to 10 digits)"));
            }
            if (urgent && !type.urgentAllowed()) {
                errors.add(new FieldError("urgent", type.nameZh() + "不提供加急服务", type.nameEn() + " cannot be ordered urgently"));
            }
        }
        if (hs != null && !HS_CODE.matcher(hs).matches()) {
            errors.add(new FieldError("hsCode", "HS 编码为 2、4、6、8 或 10 位数字", "an HS code has 2, 4, 6, 8 or 10 digits"));
        }
        if (product != null && product.length() > 200) {
            errors.add(new FieldError("product", "产品描述不超过 200 字", "the product has at most 200 characters"));
        }
        long expected = 0;
        if (confirming) {
            BigDecimal e = r.expectedCharge();
            if (e == null) {
                errors.add(new FieldError("expectedCharge", "请先查看费用，并随订单提交所确认的费用",
                        "ask for a quote first and send the charge you confirmed (expectedCharge)"));
            } else {
                try {
                    expected = Fen.of("expectedCharge", e);
                } catch (IllegalArgumentException x) {
                    errors.add(new FieldError("expectedCharge", "确认的费用应为不小于 0 的金额，最多两位小数",
                            "the confirmed charge is an amount of 0 or more with at most two decimals"));
                }
            }
        }
        if (errors.size() > before) {
            return null;
        }
        return new Checked(type, enterprise, buyer, country, hs, product, urgent, expected);
    }

    /**
     * The enterprise an order is for: the principal's own (an enterprise's people may name it or not), or for an
     * account manager the one named, if in the portfolio; null after adding an error on {@code enterpriseId}.
     */
    private static Enterprise enterprise(Tx tx, Principal p, Long enterpriseId, List<FieldError> errors) {
        if (p.role() == Role.ACCOUNT_MANAGER && enterpriseId == null) {
            errors.add(new FieldError("enterpriseId", "客户经理请选择代为订购的企业",
                    "an account manager names the enterprise to order for (enterpriseId)"));
            return null;
        }
        long id = p.role().isEnterpriseUser() ? p.enterpriseId() : enterpriseId;
        Optional<Enterprise> e = p.role().isEnterpriseUser() && enterpriseId != null && enterpriseId != id
                || !Tenancy.canSee(tx, p, id) ? Optional.empty() : Accounts.enterprise(tx, id);
        if (e.isEmpty()) {
            errors.add(new FieldError("enterpriseId", "没有编号为 " + enterpriseId + " 的企业可供选择",
                    "no such enterprise to order for: " + enterpriseId));
            return null;
        }
        return e.get();
    }

    /** The "other reports" need exports under 20M USD, known from the insured amount of a sponsored policy. */
    private static void requireSmallExporter(Tx tx, Checked c) {
        ReportType type = c.type();
        if (!type.smallExportersOnly()) {
            return;
        }
        Optional<Long> exports = tx.one("SELECT insured_cents FROM policies WHERE enterprise_id = ? AND state <> 'WITHDRAWN'"
                + " ORDER BY id DESC LIMIT 1", r -> r.longValue("insured_cents"), c.enterprise().id());
        if (exports.isEmpty()) {
            throw new ConflictException(type.nameEn() + " is for enterprises exporting under 20 million USD a"
                    + " year, and this enterprise's exports are not known (no sponsored policy states them)",
                    type.nameZh() + "面向年出口额 2000 万美元以下的企业，本企业的出口额未知（无统保保单记载）");
        }
        if (exports.get() >= SMALL_EXPORTER_LIMIT_CENTS) {
            throw new ConflictException(type.nameEn() + " is for enterprises exporting under 20 million USD a"
                    + " year; this enterprise's last-year exports are " + exports.get() / 100 + " USD",
                    type.nameZh() + "面向年出口额 2000 万美元以下的企业，本企业上年出口额为 " + exports.get() / 100 + " 美元");
        }
    }

    private Reserved quote(Tx tx, ReportType type, boolean urgent, CreditQuotas.Quota quota, boolean reserve) {
        CreditPrices.Price price = CreditPrices.price(tx, type);
        long surcharge = urgent ? price.urgentSurchargeFen() : 0;
        int total = quota == null ? 0 : quota.total();
        int left = quota == null ? 0 : quota.left();
        LocalDate expires = quota == null ? null : quota.yearEnd();
        Integer slot = null;
        Long quotaId = null;
        boolean free = false;
        if (type.usesFreeQuota() && quota != null && left > 0) {
            if (reserve) {
                CreditQuotas.Slot taken = CreditQuotas.reserve(tx, quota);
                quotaId = taken.quotaId();
                slot = taken.number();
                free = slot != null;
                left = taken.left();
            } else {
                free = true;
            }
        }
        if (free) {
            return new Reserved(new Quote(type.id(), Quote.Basis.FREE, surcharge, Fen.CURRENCY, price.priceFen(),
                    price.urgentSurchargeFen(), urgent, total, left, expires,
                    "免费额度内（剩余 " + left + " 份，" + expires + " 到期）" + (urgent ? "，另收加急费 " + Fen.show(surcharge) + " 元" : ""),
                    "free: one of the policy year's free reports (" + left + " left, until " + expires + ")"
                            + (urgent ? "; the urgent surcharge of " + Fen.show(surcharge) + " CNY is charged" : "")), slot,
                    quotaId);
        }
        if (type.usesFreeQuota() && quota != null && total > 0
                && quota.scheme().extraCreditReports() == Scheme.ExtraCreditReports.REFUSED) {
            return new Reserved(new Quote(type.id(), Quote.Basis.REFUSED, 0, Fen.CURRENCY, price.priceFen(),
                    price.urgentSurchargeFen(), urgent, total, 0, expires,
                    "本保单年度的 " + total + " 份免费资信报告已用完，" + quota.scheme().nameZh() + "不提供额外的收费报告",
                    "the " + total + " free reports of this policy year are used, and " + quota.scheme().nameEn()
                            + " gives no further reports"), null, null);
        }
        long charge = price.priceFen() + surcharge;
        String why = !type.usesFreeQuota() ? "" : quota == null ? "无生效的统保保单，" : total == 0 ? "统保方案不含免费报告，"
                : "免费额度已用完，";
        String whyEn = !type.usesFreeQuota() ? "" : quota == null ? "no effective sponsored policy; "
                : total == 0 ? "the scheme gives no free reports; " : "the free reports are used; ";
        return new Reserved(new Quote(type.id(), Quote.Basis.CHARGED, charge, Fen.CURRENCY, price.priceFen(),
                price.urgentSurchargeFen(), urgent, total, left, expires,
                why + "收费 " + Fen.show(charge) + " 元（人民币）" + (urgent ? "，含加急费 " + Fen.show(surcharge) + " 元" : ""),
                whyEn + "charged " + Fen.show(charge) + " CNY" + (urgent ? ", the urgent surcharge of "
                        + Fen.show(surcharge) + " CNY included" : "")), null, null);
    }

    private String ids() {
        return String.join(", ", types.all().stream().map(ReportType::id).toList());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
