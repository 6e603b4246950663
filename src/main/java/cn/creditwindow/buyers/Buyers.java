package cn.creditwindow.buyers;

import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Role;
import cn.creditwindow.accounts.Tenancy;
import cn.creditwindow.reference.Countries;
import cn.creditwindow.reference.Country;
import cn.creditwindow.store.ConstraintViolationException;
import cn.creditwindow.store.Database;
import cn.creditwindow.store.Row;
import cn.creditwindow.store.Tx;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.validation.NotFoundException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The buyer directory's table: adding buyers (with a new code, and a flag when one looks like an existing
 * buyer) and finding them as a principal may see them. The insurer's entries are visible to everyone signed
 * in; a buyer an enterprise added, to that enterprise and to those who may see its records ({@link Tenancy}).
 */
public final class Buyers {
    private final Database db;
    private final Countries countries;
    private final Clock clock;

    public Buyers(Database db, Countries countries, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.countries = Objects.requireNonNull(countries, "countries");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What a new buyer needs: an English name and a country (code or name); the rest is optional. */
    public record NewBuyer(String nameEn, String nameZh, String country, String address, String registrationNo) {
    }

    /**
     * Adds a buyer: as the insurer's entry when added by insurer staff, else as the enterprise's. A buyer that
     * looks like an existing one (same country and folded name, or same registration number) is still added,
     * flagged with {@link Buyer#possibleDuplicateOf()}.
     */
    public Buyer add(Principal who, NewBuyer b) {
        Country country = validate(b);
        Long enterpriseId = who.role().isEnterpriseUser() ? who.enterpriseId() : null;
        String key = BuyerNames.key(b.nameEn());
        for (int attempt = 0; ; attempt++) {
            try {
                return db.inTransaction(tx -> insert(tx, who, enterpriseId, country, key, b));
            } catch (ConstraintViolationException e) {
                // Two buyers of one country added at once may take the same next code: try the next one.
                if (!e.names("buyers.code") && !e.names("ux_buyers_code") || attempt >= 5) {
                    throw e;
                }
            }
        }
    }

    private Buyer insert(Tx tx, Principal who, Long enterpriseId, Country country, String key, NewBuyer b) {
        String registration = blankToNull(b.registrationNo());
        Optional<Long> duplicate = tx.one("SELECT id FROM buyers WHERE country_code = ? AND (name_key = ?"
                        + " OR (registration_no IS NOT NULL AND registration_no = ?)) ORDER BY id",
                r -> r.longValue("id"), country.alpha2(), key, registration);
        long next = tx.number("SELECT COUNT(*) FROM buyers WHERE country_code = ?", country.alpha2()) + 1;
        String code = country.alpha2() + String.format("%07d", next);
        long id = tx.insert("INSERT INTO buyers (code, name_en, name_zh, name_key, country_code, address,"
                        + " registration_no, source, added_by_enterprise_id, added_by_user_id, possible_duplicate_of,"
                        + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                code, b.nameEn().strip(), blankToNull(b.nameZh()), key, country.alpha2(), blankToNull(b.address()),
                registration, enterpriseId == null ? "INSURER" : "ENTERPRISE", enterpriseId,
                who.role() == Role.SYSTEM ? null : who.userId(), duplicate.orElse(null),
                clock.instant());
        return byId(tx, id).orElseThrow();
    }

    private Country validate(NewBuyer b) {
        List<FieldError> errors = new ArrayList<>();
        String name = b.nameEn() == null ? "" : b.nameEn().strip();
        if (name.isEmpty() || name.length() > 200 || BuyerNames.words(name).isEmpty()) {
            errors.add(new FieldError("nameEn", "请填写买方英文名称（不超过 200 字符）",
                    "the buyer's English name is required (at most 200 characters)"));
        } else if (!name.chars().allMatch(c -> c < 0x2E80)) {
            errors.add(new FieldError("nameEn", "英文名称中不应有中文字符，中文名称请填在 nameZh",
                    "the English name must not contain Chinese characters; put a Chinese name in nameZh"));
        }
        Country country = b.country() == null ? null : countries.find(b.country()).orElse(null);
        if (country == null) {
            errors.add(new FieldError("country", "未知的国家或地区“" + (b.country() == null ? "" : b.country()) + "”",
                    "unknown country '" + (b.country() == null ? "" : b.country()) + "'"));
        } else if (country.alpha2().equals("CN")) {
            errors.add(new FieldError("country", "买方应为境外企业", "the buyer must be outside mainland China"));
        }
        if (b.address() != null && b.address().length() > 300) {
            errors.add(new FieldError("address", "地址不超过 300 字符", "the address has at most 300 characters"));
        }
        if (b.registrationNo() != null && b.registrationNo().length() > 60) {
            errors.add(new FieldError("registrationNo", "注册号不超过 60 字符", "the registration number has at most 60 characters"));
        }
        if (b.nameZh() != null && b.nameZh().length() > 100) {
            errors.add(new FieldError("nameZh", "中文名称不超过 100 字", "the Chinese name has at most 100 characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return country;
    }

    /** The buyer, if the principal may see it; else 404. */
    public Buyer find(Principal who, long id) {
        return db.read(tx -> find(tx, who, id));
    }

    /** {@link #find(Principal, long)} inside a transaction. */
    public static Buyer find(Tx tx, Principal who, long id) {
        VisibleFilter f = visibleFilter(who, "b");
        return tx.one("SELECT b.* FROM buyers b WHERE b.id = ? AND " + f.sql(), Buyers::buyer, prepend(id, f.args()))
                .orElseThrow(() -> new NotFoundException("buyer " + id + " not found", "买方 " + id + " 不存在"));
    }

    /** The buyer with this id, whoever may see it (for code that already checked). */
    public static Optional<Buyer> byId(Tx tx, long id) {
        return tx.one("SELECT * FROM buyers WHERE id = ?", Buyers::buyer, id);
    }

    /** A SQL condition on the buyers table (alias {@code alias}) keeping the buyers the principal may see. */
    public static VisibleFilter visibleFilter(Principal who, String alias) {
        Tenancy.Filter own = Tenancy.filter(who, alias + ".added_by_enterprise_id");
        return new VisibleFilter("(" + alias + ".added_by_enterprise_id IS NULL OR " + own.sql() + ")", own.args());
    }

    /** A condition with its parameters. */
    public record VisibleFilter(String sql, Object... args) {
    }

    static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    static Buyer buyer(Row r) throws SQLException {
        return new Buyer(r.longValue("id"), r.string("code"), r.string("name_en"), r.string("name_zh"),
                r.string("country_code"), r.string("address"), r.string("registration_no"),
                r.nullableLong("added_by_enterprise_id"), r.nullableLong("possible_duplicate_of"), r.instant("created_at"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
