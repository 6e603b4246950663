package cn.creditwindow.accounts;

import static cn.creditwindow.validation.Text.blankToNull;

import cn.creditwindow.paging.PageRequest;
import cn.creditwindow.paging.Paged;
import cn.creditwindow.store.ConstraintViolationException;
import cn.creditwindow.store.Database;
import cn.creditwindow.store.Row;
import cn.creditwindow.store.Tx;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.Input;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.validation.NotFoundException;
import cn.creditwindow.validation.ConflictException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Enterprises, users and account managers' portfolios: creating them (validated, in one transaction
 * each) and finding them. Signing in is {@link SignIn}; sessions are {@link Sessions}.
 */
public final class Accounts {
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{2,63}");
    private static final Pattern DIVISION = Pattern.compile("\\d{2}|\\d{4}|\\d{6}");

    private final Database db;
    private final Passwords passwords;
    private final Clock clock;

    public Accounts(Database db, Passwords passwords, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.passwords = Objects.requireNonNull(passwords, "passwords");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What a new enterprise needs; {@code divisionCode} may be null to take it from the USCC. */
    public record NewEnterprise(String uscc, String nameZh, String nameEn, String divisionCode) {
    }

    /** What a new user needs; {@code enterpriseId} is required for, and only for, enterprise people. */
    public record NewUser(String username, String password, String displayName, Role role, Long enterpriseId,
                          String mobile, String email) {
    }

    /** Registers an enterprise; a conflict if its USCC is already registered. */
    public Enterprise createEnterprise(NewEnterprise e) {
        List<FieldError> errors = new ArrayList<>();
        String uscc = Uscc.normalise(e.uscc());
        Uscc.check("uscc", uscc).ifPresent(errors::add);
        String name = e.nameZh() == null ? "" : e.nameZh().strip();
        if (name.isEmpty() || name.length() > 100) {
            errors.add(new FieldError("nameZh", "请填写企业名称（不超过 100 字）", "the enterprise name is required (at most 100 characters)"));
        }
        String division = e.divisionCode();
        if (division != null && !division.matches("\\d{6}")) {
            errors.add(new FieldError("divisionCode", "行政区划代码应为 6 位数字", "the division code has 6 digits"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String code = division != null ? division : Uscc.divisionCode(uscc);
        String nameEn = e.nameEn() == null || e.nameEn().isBlank() ? null : e.nameEn().strip();
        try {
            long id = db.inTransaction(tx -> tx.insert("INSERT INTO enterprises (uscc, name_zh, name_en, division_code,"
                    + " created_at) VALUES (?, ?, ?, ?, ?)", uscc, name, nameEn, code, clock.instant()));
            return enterprise(id).orElseThrow();
        } catch (ConstraintViolationException ex) {
            if (ex.kind() == ConstraintViolationException.Kind.UNIQUE) {
                throw new ConflictException("an enterprise with USCC " + uscc + " is already registered",
                        "统一社会信用代码为 " + uscc + " 的企业已注册");
            }
            throw ex;
        }
    }

    // ---- enrolment: registering an enterprise inside another operation's transaction ----

    /**
     * Registers an enterprise inside {@code tx} (an eligible-list import registers the unknown enterprises of
     * its rows in its own transaction), with {@link #createEnterprise}'s checks; returns the new id. The caller
     * looks the USCC up first: a duplicate breaks {@code ux_enterprises_uscc} and rolls back the caller.
     */
    public static long createEnterprise(Tx tx, NewEnterprise e, java.time.Instant now) {
        String uscc = Uscc.normalise(e.uscc());
        List<FieldError> errors = new ArrayList<>();
        Uscc.check("uscc", uscc).ifPresent(errors::add);
        String name = e.nameZh() == null ? "" : e.nameZh().strip();
        if (name.isEmpty() || name.length() > 100) {
            errors.add(new FieldError("nameZh", "请填写企业名称（不超过 100 字）", "the enterprise name is required (at most 100 characters)"));
        }
        if (e.divisionCode() != null && !e.divisionCode().matches("\\d{6}")) {
            errors.add(new FieldError("divisionCode", "行政区划代码应为 6 位数字", "the division code has 6 digits"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String code = e.divisionCode() != null ? e.divisionCode() : Uscc.divisionCode(uscc);
        String nameEn = e.nameEn() == null || e.nameEn().isBlank() ? null : e.nameEn().strip();
        return tx.insert("INSERT INTO enterprises (uscc, name_zh, name_en, division_code, created_at)"
                + " VALUES (?, ?, ?, ?, ?)", uscc, name, nameEn, code, now);
    }

    /** The enterprise with this USCC inside a transaction. */
    public static Optional<Enterprise> enterpriseByUscc(Tx tx, String uscc) {
        return tx.one("SELECT * FROM enterprises WHERE uscc = ?", Accounts::enterprise, Uscc.normalise(uscc));
    }

    // ---- end of enrolment's additions ----

    /**
     * Creates a user; invalid input per bad field, a conflict if the user name is taken or the enterprise has a legal
     * representative.
     */
    public User createUser(NewUser u) {
        List<FieldError> errors = new ArrayList<>();
        if (u.username() == null || !USERNAME.matcher(u.username()).matches()) {
            errors.add(new FieldError("username", "用户名为 3–64 位字母、数字或 . _ @ -",
                    "a user name has 3-64 letters, digits or . _ @ -"));
        }
        Passwords.check("password", u.password()).ifPresent(errors::add);
        if (u.displayName() == null || u.displayName().isBlank() || u.displayName().length() > 50) {
            errors.add(new FieldError("displayName", "请填写姓名（不超过 50 字）", "the name is required (at most 50 characters)"));
        }
        if (u.role() == null || u.role() == Role.SYSTEM) {
            errors.add(new FieldError("role", "角色应为 LEGAL_REPRESENTATIVE、OPERATOR、ACCOUNT_MANAGER、REVIEWER 或 ADMIN",
                    "role must be LEGAL_REPRESENTATIVE, OPERATOR, ACCOUNT_MANAGER, REVIEWER or ADMIN"));
        } else if (u.role().isEnterpriseUser() != (u.enterpriseId() != null)) {
            errors.add(u.role().isEnterpriseUser()
                    ? new FieldError("enterpriseId", "企业用户须指定所属企业", "an enterprise user needs its enterprise")
                    : new FieldError("enterpriseId", "保险公司人员不属于企业", "insurer staff belong to no enterprise"));
        }
        if (u.mobile() != null && !u.mobile().isBlank()) {
            Contacts.checkMobile("mobile", u.mobile().strip()).ifPresent(errors::add);
        }
        if (u.email() != null && !u.email().isBlank()) {
            Contacts.checkEmail("email", u.email().strip()).ifPresent(errors::add);
        }
        if (u.enterpriseId() != null && errors.stream().noneMatch(e -> e.field().equals("enterpriseId"))
                && enterprise(u.enterpriseId()).isEmpty()) { // named with the rest, not once they are fixed
            errors.add(new FieldError("enterpriseId", "企业 " + u.enterpriseId() + " 不存在",
                    "enterprise " + u.enterpriseId() + " does not exist"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String hash = passwords.hash(u.password());
        try {
            long id = db.inTransaction(tx -> tx.insert("INSERT INTO users (username, password_hash, display_name, role,"
                            + " enterprise_id, mobile, email, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    u.username(), hash, u.displayName().strip(), u.role(), u.enterpriseId(), blankToNull(u.mobile()),
                    blankToNull(u.email()), clock.instant()));
            return user(id).orElseThrow();
        } catch (ConstraintViolationException ex) {
            if (ex.names("users.username") || ex.names("ux_users_username")) {
                throw new ConflictException("user name " + u.username() + " is taken",
                        "用户名 " + u.username() + " 已被使用");
            }
            if (ex.names("users.enterprise_id") || ex.names("ux_users_legal_representative")) {
                throw new ConflictException("enterprise " + u.enterpriseId() + " already has a legal representative",
                        "该企业已有法人账户");
            }
            throw ex;
        }
    }

    /** What is added to a manager's portfolio: districts (division code prefixes) and enterprises by id. */
    public record Portfolio(List<String> districts, List<Long> enterpriseIds) {
    }

    /**
     * Adds districts (division code prefixes of 2, 4 or 6 digits) and named enterprises to a manager's portfolio:
     * Not found for no such user, then invalid input naming every bad field (a user who is no account manager, a bad
     * code, an enterprise that does not exist).
     */
    public void addToPortfolio(long managerId, Input<Portfolio> portfolio) {
        User manager = user(managerId).orElseThrow(() -> new NotFoundException("user " + managerId + " not found",
                "用户 " + managerId + " 不存在"));
        db.inTransaction(tx -> {
            Portfolio p = portfolio.check((x, errors) -> {
                if (manager.role() != Role.ACCOUNT_MANAGER) {
                    errors.add(new FieldError("managerId", "只有客户经理有客户组合", "only account managers have a portfolio"));
                }
                List<String> codes = x.districts() == null ? List.of() : x.districts();
                for (String code : codes) {
                    if (code == null || !DIVISION.matcher(code).matches()) {
                        errors.add(new FieldError("districts", "行政区划代码应为 2、4 或 6 位数字：" + code,
                                "a division code has 2, 4 or 6 digits: " + code));
                    }
                }
                List<Long> ids = x.enterpriseIds() == null ? List.of() : x.enterpriseIds();
                List<Long> unknown = ids.stream().filter(id -> id == null || enterprise(tx, id).isEmpty()).toList();
                if (!unknown.isEmpty()) {
                    errors.add(new FieldError("enterpriseIds", "客户组合中有不存在的企业：" + unknown,
                            "the portfolio names enterprises that do not exist: " + unknown));
                }
                return new Portfolio(codes, ids);
            });
            for (String code : p.districts()) {
                tx.update("INSERT INTO manager_districts (manager_id, division_code) VALUES (?, ?)"
                        + " ON CONFLICT DO NOTHING", managerId, code);
            }
            for (Long id : p.enterpriseIds()) {
                tx.update("INSERT INTO manager_enterprises (manager_id, enterprise_id) VALUES (?, ?)"
                        + " ON CONFLICT DO NOTHING", managerId, id);
            }
            return null;
        });
    }

    /** One page of the enterprises the principal may see (its own, a portfolio, or all), by id. */
    public Paged<Enterprise> enterprises(Principal p, PageRequest page) {
        Tenancy.Filter f = Tenancy.filter(p, "e.id");
        return db.read(tx -> page.select(tx, "SELECT e.* FROM enterprises e WHERE " + f.sql(), "e.id",
                Accounts::enterprise, f.args()));
    }

    public Optional<Enterprise> enterprise(long id) {
        return db.read(tx -> tx.one("SELECT * FROM enterprises WHERE id = ?", Accounts::enterprise, id));
    }

    public Optional<Enterprise> enterpriseByUscc(String uscc) {
        return db.read(tx -> tx.one("SELECT * FROM enterprises WHERE uscc = ?", Accounts::enterprise, Uscc.normalise(uscc)));
    }

    /** The enterprise with this id inside a transaction, for domain code that writes beside it. */
    public static Optional<Enterprise> enterprise(Tx tx, long id) {
        return tx.one("SELECT * FROM enterprises WHERE id = ?", Accounts::enterprise, id);
    }

    public Optional<User> user(long id) {
        return db.read(tx -> tx.one("SELECT * FROM users WHERE id = ?", Accounts::user, id));
    }

    public Optional<User> userByName(String username) {
        return db.read(tx -> tx.one("SELECT * FROM users WHERE username = ?", Accounts::user, username));
    }

    /** The people of an enterprise, legal representative first. */
    public List<User> usersOf(long enterpriseId) {
        return db.read(tx -> tx.list("SELECT * FROM users WHERE enterprise_id = ? ORDER BY role, id", Accounts::user,
                enterpriseId));
    }

    /** The account managers whose portfolio holds this enterprise (by district or by name). */
    public List<User> managersOf(long enterpriseId) {
        return db.read(tx -> tx.list("SELECT u.* FROM users u WHERE u.role = 'ACCOUNT_MANAGER' AND ("
                + " EXISTS (SELECT 1 FROM manager_enterprises m WHERE m.manager_id = u.id AND m.enterprise_id = ?)"
                + " OR EXISTS (SELECT 1 FROM manager_districts d JOIN enterprises e ON e.id = ?"
                + " WHERE d.manager_id = u.id AND e.division_code LIKE d.division_code || '%')) ORDER BY u.id",
                Accounts::user, enterpriseId, enterpriseId));
    }

    static Enterprise enterprise(Row r) throws SQLException {
        return new Enterprise(r.longValue("id"), r.string("uscc"), r.string("name_zh"), r.string("name_en"),
                r.string("division_code"), r.instant("created_at"));
    }

    static User user(Row r) throws SQLException {
        return new User(r.longValue("id"), r.string("username"), r.string("display_name"), r.enumValue("role", Role.class),
                r.nullableLong("enterprise_id"), r.string("mobile"), r.string("email"), r.instant("created_at"));
    }
}
