package cn.creditwindow.managers;

import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Role;
import cn.creditwindow.accounts.Tenancy;
import cn.creditwindow.store.Database;
import cn.creditwindow.store.Tx;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.Input;
import cn.creditwindow.validation.NotFoundException;
import cn.creditwindow.validation.NotAllowedException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Resolves an enterprise's account managers from the managers' portfolios (the same portfolios that decide what a
 * manager may see, {@link Tenancy}), and keeps the managers' office phones. The most specific match wins: a manager
 * who names the enterprise, else those whose district is the longest prefix of its division code (440306 before
 * 4403 before 44); several managers at that level are all shown, as the insurer's notices list two or three per
 * district.
 */
public final class AccountManagers {
    /** Specificity of a manager who names the enterprise itself: above any division code (at most 6 digits). */
    private static final int NAMED = 7;
    /** A mainland landline: area code (3–4 digits from 0), 7–8 digits, an optional extension. */
    private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}(?:-\\d{1,6})?");

    private final Database db;
    private final ServiceLines lines;
    private final Clock clock;

    public AccountManagers(Database db, ServiceLines lines, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.lines = Objects.requireNonNull(lines, "lines");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public ServiceLines lines() {
        return lines;
    }

    /** The managers serving the enterprise (most specific portfolio match), ordered by id; empty when none. */
    public static List<ManagerContact> resolve(Tx tx, long enterpriseId) {
        String columns = "SELECT u.id, u.display_name, u.mobile, u.email, mc.office_phone, ";
        String contacts = " LEFT JOIN manager_contacts mc ON mc.manager_id = u.id";
        record Match(ManagerContact contact, int specificity) {
        }
        List<Match> matches = tx.list(columns + NAMED + " AS specificity FROM users u"
                + " JOIN manager_enterprises m ON m.manager_id = u.id" + contacts
                + " WHERE u.role = 'ACCOUNT_MANAGER' AND m.enterprise_id = ?"
                + " UNION ALL " + columns + "length(d.division_code) AS specificity FROM users u"
                + " JOIN manager_districts d ON d.manager_id = u.id JOIN enterprises e ON e.id = ?" + contacts
                + " WHERE u.role = 'ACCOUNT_MANAGER' AND e.division_code LIKE d.division_code || '%'",
                r -> new Match(new ManagerContact(r.longValue("id"), r.string("display_name"), r.string("office_phone"),
                        r.string("mobile"), r.string("email")), r.intValue("specificity")), enterpriseId, enterpriseId);
        int best = matches.stream().mapToInt(Match::specificity).max().orElse(0);
        Map<Long, ManagerContact> chosen = new LinkedHashMap<>();
        matches.stream().filter(m -> m.specificity() == best).map(Match::contact)
                .sorted(java.util.Comparator.comparingLong(ManagerContact::id))
                .forEach(c -> chosen.putIfAbsent(c.id(), c));
        return new ArrayList<>(chosen.values());
    }

    /** The card of an enterprise the principal may see (not found otherwise). */
    public ManagerCard card(Principal p, long enterpriseId) {
        return db.read(tx -> {
            if (!Tenancy.canSee(tx, p, enterpriseId)) {
                throw new NotFoundException("enterprise " + enterpriseId + " not found", "企业 " + enterpriseId + " 不存在");
            }
            return card(tx, enterpriseId);
        });
    }

    /** The card inside a transaction, for pages that read beside it. */
    public ManagerCard card(Tx tx, long enterpriseId) {
        return new ManagerCard(resolve(tx, enterpriseId), lines.claimsHotline(), lines.enquiryHotline());
    }

    /** The card of the principal's own enterprise (enterprise people only). */
    public ManagerCard mine(Principal p) {
        if (!p.role().isEnterpriseUser()) {
            throw new NotAllowedException("only an enterprise's people have account managers",
                    "只有企业用户有对应的客户经理");
        }
        return card(p, p.enterpriseId());
    }

    /**
     * Sets an account manager's office phone (administrators): not found for a user who is no account manager, then
     * invalid input for a number that is missing or not a landline.
     */
    public ManagerContact setOfficePhone(long managerId, Input<String> officePhone) {
        return db.inTransaction(tx -> {
            String role = tx.one("SELECT role FROM users WHERE id = ?", r -> r.string("role"), managerId).orElse(null);
            if (!Role.ACCOUNT_MANAGER.name().equals(role)) {
                throw new NotFoundException("account manager " + managerId + " not found", "客户经理 " + managerId + " 不存在");
            }
            String phone = officePhone.check((raw, errors) -> {
                String v = raw == null ? "" : raw.strip();
                if (v.isEmpty()) {
                    errors.add(new FieldError("officePhone", "请填写办公电话", "the office phone is required"));
                } else if (!LANDLINE.matcher(v).matches()) {
                    errors.add(new FieldError("officePhone", "办公电话格式不正确，例如 0755-12345678 或 0755-12345678-801",
                            "not a landline number, e.g. 0755-12345678 or 0755-12345678-801"));
                }
                return v;
            });
            tx.update("INSERT INTO manager_contacts (manager_id, office_phone, updated_at) VALUES (?, ?, ?)"
                    + " ON CONFLICT (manager_id) DO UPDATE SET office_phone = excluded.office_phone,"
                    + " updated_at = excluded.updated_at", managerId, phone, clock.instant());
            return tx.one("SELECT u.id, u.display_name, u.mobile, u.email, mc.office_phone FROM users u"
                    + " JOIN manager_contacts mc ON mc.manager_id = u.id WHERE u.id = ?",
                    r -> new ManagerContact(r.longValue("id"), r.string("display_name"), r.string("office_phone"),
                            r.string("mobile"), r.string("email")), managerId).orElseThrow();
        });
    }
}
