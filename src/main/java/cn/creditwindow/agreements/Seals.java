package cn.creditwindow.agreements;

import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Role;
import cn.creditwindow.accounts.Tenancy;
import cn.creditwindow.paging.PageRequest;
import cn.creditwindow.paging.Paged;
import cn.creditwindow.store.Database;
import cn.creditwindow.store.Tx;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.validation.NotFoundException;
import cn.creditwindow.validation.NotAllowedException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An enterprise's seals (印章管理). Only the legal representative makes them ("制作、修改签章需使用电子口岸法人卡");
 * the enterprise's people, its account managers and the insurer's reviewers may list them.
 */
public final class Seals {
    static final int MAX_HOLDER = 40;

    private final Database db;
    private final Clock clock;
    private final ZoneId zone;

    /** @param zone where "today" is for validity periods (China) */
    public Seals(Database db, Clock clock, ZoneId zone) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** A seal as asked for: every field as typed, checked by {@link #create}. */
    public record NewSeal(String kind, String holder, String validFrom, String validUntil) {
    }

    /**
     * Makes a seal for the legal representative's enterprise. Refuses (not allowed) anyone else and (invalid input,
     * every bad field at once) an unknown kind, a blank or long holder, a date that is not {@code yyyy-MM-dd}, a
     * period that ends before it starts or has already ended.
     */
    public Seal create(Principal p, NewSeal s) {
        requireLegalRepresentative(p, "make a seal", "制作印章");
        List<FieldError> errors = new ArrayList<>();
        SealKind kind = kind(s.kind(), errors);
        String holder = s.holder() == null ? "" : s.holder().strip();
        if (holder.isEmpty()) {
            errors.add(new FieldError("holder", "请填写印章使用人（操作员姓名）", "enter the name of the person the seal is for"));
        } else if (holder.length() > MAX_HOLDER) {
            errors.add(new FieldError("holder", "印章使用人不能超过 " + MAX_HOLDER + " 个字",
                    "the holder's name must be at most " + MAX_HOLDER + " characters"));
        }
        LocalDate from = date("validFrom", s.validFrom(), "有效期起始日期", "the first valid day", errors);
        LocalDate until = date("validUntil", s.validUntil(), "有效期截止日期", "the last valid day", errors);
        if (from != null && until != null && until.isBefore(from)) {
            errors.add(new FieldError("validUntil", "有效期截止日期不能早于起始日期 " + from,
                    "the last valid day must not be before the first (" + from + ")"));
        } else if (until != null && until.isBefore(today())) {
            errors.add(new FieldError("validUntil", "有效期截止日期 " + until + " 已过，请重新选择",
                    "the last valid day " + until + " has passed"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return db.inTransaction(tx -> {
            long id = tx.insert("INSERT INTO seals (enterprise_id, kind, holder, valid_from, valid_until, created_by,"
                    + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", p.enterpriseId(), kind, holder, from, until,
                    p.userId(), clock.instant());
            return find(tx, id).orElseThrow();
        });
    }

    /**
     * One page of the seals the principal may see, newest first; {@code enterpriseId} narrows them to one enterprise
     * (not found if not the principal's to see).
     */
    public Paged<Seal> list(Principal p, Long enterpriseId, PageRequest page) {
        return db.read(tx -> {
            Tenancy.Filter f = Tenancy.filter(p, "s.enterprise_id");
            List<Object> args = new ArrayList<>(List.of(f.args()));
            String sql = "SELECT s.* FROM seals s WHERE " + f.sql();
            if (enterpriseId != null) {
                if (!Tenancy.canSee(tx, p, enterpriseId)) {
                    throw new NotFoundException("enterprise " + enterpriseId + " not found", "企业 " + enterpriseId + " 不存在");
                }
                sql += " AND s.enterprise_id = ?";
                args.add(enterpriseId);
            }
            return page.select(tx, sql, "s.id DESC", Seal::of, args.toArray());
        });
    }

    /**
     * Every seal of the principal's own enterprise, newest first: the signing page's choice. Not paged: an enterprise
     * registers its seals one by one, a handful in a lifetime; empty for the insurer's people.
     */
    public List<Seal> own(Principal p) {
        if (!p.role().isEnterpriseUser()) {
            return List.of();
        }
        return db.read(tx -> tx.list("SELECT s.* FROM seals s WHERE s.enterprise_id = ? ORDER BY s.id DESC", Seal::of,
                p.enterpriseId()));
    }

    /** Today in the users' zone: the day validity is judged on. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    static Optional<Seal> find(Tx tx, long id) {
        return tx.one("SELECT * FROM seals WHERE id = ?", Seal::of, id);
    }

    /** Not allowed unless the principal is the enterprise's legal representative; {@code what} names the act. */
    static void requireLegalRepresentative(Principal p, String what, String whatZh) {
        if (!p.is(Role.LEGAL_REPRESENTATIVE)) {
            throw new NotAllowedException("only the enterprise's legal representative may " + what
                    + " (signed in as " + p.role().en() + ")",
                    "只有企业法人才能" + whatZh + "（当前登录身份：" + p.role().zh() + "），请使用法人账号登录");
        }
    }

    private static SealKind kind(String raw, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            errors.add(new FieldError("kind", "请选择印章类型", "choose the kind of seal"));
            return null;
        }
        for (SealKind k : SealKind.values()) {
            if (k.name().equalsIgnoreCase(raw.strip()) || k.zh().equals(raw.strip())) {
                return k;
            }
        }
        errors.add(new FieldError("kind", "未知的印章类型“" + raw + "”（可选：公司、财务、合同、法人）",
                "unknown kind of seal '" + raw + "' (COMPANY, FINANCE, CONTRACT, LEGAL_PERSON)"));
        return null;
    }

    static LocalDate date(String field, String raw, String labelZh, String labelEn, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            errors.add(new FieldError(field, "请填写" + labelZh, "enter " + labelEn));
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, labelZh + "“" + raw + "”不是有效日期（格式：2026-01-31）",
                    labelEn + " '" + raw + "' is not a date (yyyy-MM-dd, e.g. 2026-01-31)"));
            return null;
        }
    }
}
