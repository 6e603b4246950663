package cn.creditwindow.credit;

import com.fasterxml.jackson.annotation.JsonProperty;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Role;
import cn.creditwindow.store.Database;
import cn.creditwindow.store.Tx;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.Input;
import cn.creditwindow.validation.NotFoundException;
import cn.creditwindow.validation.NotAllowedException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The price of each report type in CNY: the administrator's, kept in {@code credit_prices}, or the data file's
 * default. Prices are whole fen, from 0 to {@value #MAX_YUAN} yuan.
 */
public final class CreditPrices {
    /** The highest price or surcharge accepted, in yuan: anything above is a typing mistake. */
    static final long MAX_YUAN = 100_000;

    private final Database db;
    private final ReportTypes types;
    private final Clock clock;

    public CreditPrices(Database db, ReportTypes types, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.types = Objects.requireNonNull(types, "types");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A type's current price; {@code setBy} is null for the data file's default. */
    public record Price(String type, long priceFen, long urgentSurchargeFen, String currency, Long setBy,
                        Instant setAt) {
        @JsonProperty
        public String price() {
            return Fen.show(priceFen);
        }

        @JsonProperty
        public String urgentSurcharge() {
            return Fen.show(urgentSurchargeFen);
        }
    }

    /** What an administrator sends: yuan amounts with at most two decimals. */
    public record PriceChange(BigDecimal price, BigDecimal urgentSurcharge) {
    }

    public List<Price> all() {
        return db.read(tx -> types.all().stream().map(t -> price(tx, t)).toList());
    }

    /** The current price of a type, inside a transaction (an order's charge is computed with it). */
    static Price price(Tx tx, ReportType t) {
        return tx.one("SELECT * FROM credit_prices WHERE report_type = ?", r -> new Price(t.id(), r.longValue("price_fen"),
                        r.longValue("urgent_surcharge_fen"), Fen.CURRENCY, r.longValue("updated_by"),
                        r.instant("updated_at")), t.id())
                .orElse(new Price(t.id(), t.defaultPriceFen(), t.defaultSurchargeFen(), Fen.CURRENCY, null, null));
    }

    /**
     * Sets a type's price (administrators only): not found for an unknown type, then invalid input with every bad
     * field at once.
     */
    public Price set(Principal admin, String typeId, Input<PriceChange> change) {
        if (admin.role() != Role.ADMIN) {
            throw new NotAllowedException("only administrators set prices", "只有系统管理员可以设置价格");
        }
        ReportType t = types.byId(typeId).orElseThrow(() -> new NotFoundException("report type '" + typeId
                + "' not found", "报告类型“" + typeId + "”不存在"));
        long[] fen = change.check((c, errors) -> {
            long price = amount("price", c.price(), errors);
            long surcharge = amount("urgentSurcharge", c.urgentSurcharge() == null ? BigDecimal.ZERO
                    : c.urgentSurcharge(), errors);
            if (!t.urgentAllowed() && surcharge != 0) {
                errors.add(new FieldError("urgentSurcharge", t.nameZh() + "不提供加急服务，加急费应为 0",
                        t.nameEn() + " cannot be ordered urgently; the urgent surcharge must be 0"));
            }
            return new long[] {price, surcharge};
        });
        long price = fen[0];
        long surcharge = fen[1];
        Instant now = clock.instant();
        return db.inTransaction(tx -> {
            tx.update("INSERT INTO credit_prices (report_type, price_fen, urgent_surcharge_fen, updated_by, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (report_type) DO UPDATE SET price_fen = excluded.price_fen,"
                    + " urgent_surcharge_fen = excluded.urgent_surcharge_fen, updated_by = excluded.updated_by,"
                    + " updated_at = excluded.updated_at", t.id(), price, surcharge, admin.userId(), now);
            return price(tx, t);
        });
    }

    private static long amount(String field, BigDecimal yuan, List<FieldError> errors) {
        if (yuan == null) {
            errors.add(new FieldError(field, "请填写金额（元）", "the amount (CNY) is required"));
            return 0;
        }
        if (yuan.signum() < 0) {
            errors.add(new FieldError(field, "金额不能为负：" + yuan.toPlainString(), "the amount must not be negative: "
                    + yuan.toPlainString()));
            return 0;
        }
        if (yuan.compareTo(BigDecimal.valueOf(MAX_YUAN)) > 0) {
            errors.add(new FieldError(field, "金额不能超过 " + MAX_YUAN + " 元：" + yuan.toPlainString(),
                    "the amount must be at most " + MAX_YUAN + " CNY: " + yuan.toPlainString()));
            return 0;
        }
        try {
            return Fen.of(field, yuan);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "金额最多两位小数（到分）：" + yuan.toPlainString(),
                    "the amount has at most two decimals (whole fen): " + yuan.toPlainString()));
            return 0;
        }
    }
}
