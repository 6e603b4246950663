package cn.creditwindow.financing;

import static cn.creditwindow.validation.Text.blankToNull;

import cn.creditwindow.accounts.Contacts;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Role;
import cn.creditwindow.accounts.Tenancy;
import cn.creditwindow.notify.Channel;
import cn.creditwindow.notify.Notice;
import cn.creditwindow.notify.Notifier;
import cn.creditwindow.paging.PageRequest;
import cn.creditwindow.paging.Paged;
import cn.creditwindow.store.ConstraintViolationException;
import cn.creditwindow.store.Database;
import cn.creditwindow.store.Row;
import cn.creditwindow.store.Tx;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.Input;
import cn.creditwindow.validation.NotFoundException;
import cn.creditwindow.validation.ConflictException;
import cn.creditwindow.validation.NotAllowedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Financing applications (融资超市 立即申请): an enterprise's people apply for a product; the insurer's staff (reviewers,
 * administrators) see every application with its bank, export them per bank (CSV, the bank has no login here) and
 * record the bank's decision (APPROVED / DECLINED with a note), which is sent to the applicant's mobile. Whose
 * applications a principal sees is {@link Tenancy}'s rule; others' answer 404.
 */
public final class Financing {
    /** Characters of the purpose and of a decision note. */
    static final int MIN_TEXT = 4;
    static final int MAX_TEXT = 500;

    private final Database db;
    private final Products products;
    private final Notifier notifier;
    private final Clock clock;
    private final ZoneId zone;

    public Financing(Database db, Products products, Notifier notifier, Clock clock, ZoneId zone) {
        this.db = Objects.requireNonNull(db, "db");
        this.products = Objects.requireNonNull(products, "products");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** What the applicant fills in (everything else comes from the product, the enterprise and the session). */
    public record Form(Long amountYuan, Integer termMonths, String purpose, String contactName, String mobile,
                       String email) {
    }

    /** The bank's answer as the staff record it. */
    public record Decision(String decision, String note) {
    }

    public Products products() {
        return products;
    }

    /** The product, or 404. */
    public Product product(String id) {
        return products.byId(id).orElseThrow(() -> new NotFoundException("financing product " + id + " not found",
                "融资产品 " + id + " 不存在"));
    }

    /**
     * Records an application of the principal's enterprise: not found for an unknown product, a conflict when the
     * product needs an effective policy the enterprise does not hold or an application of it is still awaiting the
     * bank, then invalid input naming every bad field.
     */
    public FinancingApplication apply(Principal p, String productId, Input<Form> form) {
        if (!p.role().isEnterpriseUser()) {
            throw new NotAllowedException("only an enterprise's people apply for financing",
                    "只有企业用户可以申请融资");
        }
        Product product = product(productId);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        try {
            return db.inTransaction(tx -> {
                // the enterprise owns its one open application a product (store package: concurrency)
                tx.lock("enterprises", p.enterpriseId());
                Long policyId = effectivePolicy(tx, p.enterpriseId(), today).orElse(null);
                if (product.requiresEffectivePolicy() && policyId == null) {
                    throw new ConflictException(product.nameEn() + " needs an effective export credit"
                            + " insurance policy; the enterprise holds none (enrol first: /enrolment)",
                            product.nameZh() + "需要有效的出口信用保险保单，贵企业目前没有生效的保单（请先办理小微投保）");
                }
                refuseOpen(tx, p.enterpriseId(), product);
                Form f = form.check((x, errors) -> {
                    errors.addAll(check(product, x));
                    return x;
                });
                long id = tx.insert("INSERT INTO financing_applications (enterprise_id, product_id, product_name,"
                                + " bank_name, amount_yuan, term_months, purpose, contact_name, mobile, email, policy_id,"
                                + " state, submitted_by, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        p.enterpriseId(), product.id(), product.nameZh(), product.bankZh(), f.amountYuan(),
                        f.termMonths(), f.purpose().strip(), f.contactName().strip(),
                        Contacts.normaliseMobile(f.mobile()), blankToNull(f.email()),
                        product.requiresEffectivePolicy() ? policyId : null, ApplicationState.SUBMITTED, p.userId(),
                        clock.instant());
                return byId(tx, id);
            });
        } catch (ConstraintViolationException e) {
            if (e.names("ux_financing_applications_open")
                    || e.names("financing_applications.enterprise_id, financing_applications.product_id")) {
                throw openRefusal(product); // the database's guard: a second tab applied at the same moment
            }
            throw e;
        }
    }

    static List<FieldError> check(Product product, Form f) {
        List<FieldError> errors = new ArrayList<>();
        if (f.amountYuan() == null) {
            errors.add(new FieldError("amountYuan", "请填写申请金额（元）", "the amount (yuan) is required"));
        } else if (f.amountYuan() < product.minYuan() || f.amountYuan() > product.maxYuan()) {
            errors.add(new FieldError("amountYuan", "申请金额应在 " + product.minYuan() + " 至 " + product.maxYuan()
                    + " 元之间", "the amount must be from " + product.minYuan() + " to " + product.maxYuan() + " yuan"));
        }
        if (f.termMonths() == null) {
            errors.add(new FieldError("termMonths", "请填写融资期限（月）", "the term (months) is required"));
        } else if (f.termMonths() < product.minTermMonths() || f.termMonths() > product.maxTermMonths()) {
            errors.add(new FieldError("termMonths", "融资期限应在 " + product.minTermMonths() + " 至 "
                    + product.maxTermMonths() + " 个月之间", "the term must be from " + product.minTermMonths()
                    + " to " + product.maxTermMonths() + " months"));
        }
        text(f.purpose(), "purpose", "融资用途", "the purpose", errors);
        if (f.contactName() == null || f.contactName().isBlank()) {
            errors.add(new FieldError("contactName", "请填写联系人", "the contact person is required"));
        } else if (f.contactName().strip().length() > 50) {
            errors.add(new FieldError("contactName", "联系人不超过 50 字", "the contact person has at most 50 characters"));
        }
        Contacts.checkMobile("mobile", f.mobile()).ifPresent(errors::add);
        if (f.email() != null && !f.email().isBlank()) {
            Contacts.checkEmail("email", f.email()).ifPresent(errors::add);
        }
        return errors;
    }

    private static void text(String value, String field, String zh, String en, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "请填写" + zh, en + " is required"));
        } else if (value.strip().length() < MIN_TEXT || value.strip().length() > MAX_TEXT) {
            errors.add(new FieldError(field, zh + "应为 " + MIN_TEXT + "–" + MAX_TEXT + " 个字",
                    en + " must have " + MIN_TEXT + "-" + MAX_TEXT + " characters"));
        }
    }

    private static Optional<Long> effectivePolicy(Tx tx, long enterpriseId, LocalDate today) {
        return tx.one("SELECT id FROM policies WHERE enterprise_id = ? AND state = 'EFFECTIVE'"
                + " AND (cover_end IS NULL OR cover_end >= ?) ORDER BY id DESC LIMIT 1",
                r -> r.longValue("id"), enterpriseId, today.toString());
    }

    private static void refuseOpen(Tx tx, long enterpriseId, Product product) {
        if (tx.number("SELECT COUNT(*) FROM financing_applications WHERE enterprise_id = ? AND product_id = ?"
                + " AND state = 'SUBMITTED'", enterpriseId, product.id()) > 0) {
            throw openRefusal(product);
        }
    }

    private static ConflictException openRefusal(Product product) {
        return new ConflictException("an application for " + product.nameEn()
                + " is still awaiting the bank's answer", "贵企业的" + product.nameZh() + "申请正在等待银行答复，请勿重复申请");
    }

    /**
     * One page of the applications the principal may see, newest first, and how many there are; {@code state} and
     * {@code bank} narrow them.
     */
    public Paged<FinancingApplication> list(Principal p, ApplicationState state, String bank, PageRequest page) {
        Filtered q = filtered(p, state, bank);
        return db.read(tx -> page.select(tx, q.sql(), "a.id DESC", Financing::application, q.args()));
    }

    /** The applications' query narrowed to what the principal may see and to the state and bank, if given. */
    private record Filtered(String sql, Object[] args) {
    }

    private static Filtered filtered(Principal p, ApplicationState state, String bank) {
        Tenancy.Filter f = Tenancy.filter(p, "a.enterprise_id");
        List<Object> args = new ArrayList<>(List.of(f.args()));
        StringBuilder where = new StringBuilder(" WHERE ").append(f.sql());
        if (state != null) {
            where.append(" AND a.state = ?");
            args.add(state);
        }
        if (bank != null && !bank.isBlank()) {
            where.append(" AND a.bank_name = ?");
            args.add(bank.strip());
        }
        return new Filtered(SELECT + where, args.toArray());
    }

    /** How many applications in this state the principal may see. */
    public long count(Principal p, ApplicationState state) {
        Tenancy.Filter f = Tenancy.filter(p, "a.enterprise_id");
        List<Object> args = new ArrayList<>(List.of(f.args()));
        args.add(state);
        return db.read(tx -> tx.number("SELECT COUNT(*) FROM financing_applications a WHERE " + f.sql()
                + " AND a.state = ?", args.toArray()));
    }

    /** One application, or not found when it does not exist or is not the principal's to see. */
    public FinancingApplication get(Principal p, long id) {
        return db.read(tx -> visible(tx, p, id));
    }

    /**
     * Records the bank's decision on a submitted application (insurer staff only): not found for an application the
     * principal may not see, a conflict once decided (whatever the body says), then invalid input for a missing or
     * unknown decision or note. The applicant's contact mobile is told by SMS in the same transaction.
     */
    public FinancingApplication decide(Principal p, long id, Input<Decision> decision) {
        if (!p.is(Role.REVIEWER) && !p.is(Role.ADMIN)) {
            throw new NotAllowedException("only the insurer's staff record a bank's decision",
                    "只有保险公司人员可以登记银行审批结果");
        }
        return db.inTransaction(tx -> {
            FinancingApplication a = visible(tx, p, id);
            if (a.state() != ApplicationState.SUBMITTED) {
                throw decided(a);
            }
            Decided d = decision.check(Financing::decision);
            if (tx.update("UPDATE financing_applications SET state = ?, decided_by = ?, decided_at = ?,"
                    + " decision_note = ? WHERE id = ? AND state = 'SUBMITTED'", d.state(), p.userId(), clock.instant(),
                    d.note(), id) != 1) {
                throw decided(a);
            }
            notifier.send(tx, new Notice(a.enterpriseId(), null, Channel.SMS, a.mobile(), "融资申请结果",
                    "您申请的" + a.productName() + "（" + a.bankName() + "，" + a.amountYuan() + " 元）：" + d.state().zh()
                            + "。" + d.note()));
            return byId(tx, id);
        });
    }

    private static ConflictException decided(FinancingApplication a) {
        return new ConflictException("application " + a.id() + " is " + a.state().en() + " already",
                "融资申请 " + a.id() + " 已是“" + a.state().zh() + "”状态");
    }

    /** A checked decision: the state it moves the application to and the note, stripped. */
    private record Decided(ApplicationState state, String note) {
    }

    private static Decided decision(Decision d, List<FieldError> errors) {
        ApplicationState state = null;
        if (d.decision() == null || d.decision().isBlank()) {
            errors.add(new FieldError("decision", "请选择银行审批结果（APPROVED 或 DECLINED）",
                    "the decision (APPROVED or DECLINED) is required"));
        } else if (d.decision().strip().equals("APPROVED") || d.decision().strip().equals("DECLINED")) {
            state = ApplicationState.valueOf(d.decision().strip());
        } else {
            errors.add(new FieldError("decision", "审批结果应为 APPROVED 或 DECLINED", "decision must be APPROVED or DECLINED"));
        }
        text(d.note(), "note", "审批说明", "the note", errors);
        return new Decided(state, d.note() == null ? null : d.note().strip());
    }

    /**
     * The applications the principal may see as CSV for the banks (UTF-8 with a byte-order mark, so spreadsheet
     * programs read the Chinese correctly), narrowed like {@link #list}.
     */
    public String csv(Principal p, ApplicationState state, String bank) {
        StringBuilder out = new StringBuilder("\uFEFF");
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader("申请编号 id", "银行 bank", "产品 product",
                "企业名称 enterprise", "统一社会信用代码 USCC", "申请金额（元） amount (yuan)", "期限（月） term (months)",
                "融资用途 purpose", "联系人 contact", "手机 mobile", "邮箱 e-mail", "保单号 policy", "状态 state",
                "提交时间 submitted", "审批说明 note").get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            // every matching application: a file for the banks is not a page of the list
            Filtered q = filtered(p, state, bank);
            for (FinancingApplication a : db.read(tx -> tx.list(q.sql() + " ORDER BY a.id DESC", Financing::application,
                    q.args()))) {
                printer.printRecord(a.id(), a.bankName(), a.productName(), a.enterpriseName(), a.uscc(),
                        a.amountYuan(), a.termMonths(), a.purpose(), a.contactName(), a.mobile(),
                        a.email() == null ? "" : a.email(), a.policyNumber() == null ? "" : a.policyNumber(),
                        a.state().name(), a.submittedAt().toString(), a.decisionNote() == null ? "" : a.decisionNote());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing the financing applications as CSV", e);
        }
        return out.toString();
    }

    private static final String SELECT = "SELECT a.*, e.name_zh AS enterprise_name, e.uscc, p.policy_number,"
            + " su.display_name AS submitted_by_name, du.display_name AS decided_by_name"
            + " FROM financing_applications a JOIN enterprises e ON e.id = a.enterprise_id"
            + " JOIN users su ON su.id = a.submitted_by LEFT JOIN users du ON du.id = a.decided_by"
            + " LEFT JOIN policies p ON p.id = a.policy_id";

    private static FinancingApplication visible(Tx tx, Principal p, long id) {
        Tenancy.Filter f = Tenancy.filter(p, "a.enterprise_id");
        List<Object> args = new ArrayList<>(List.of(id));
        args.addAll(List.of(f.args()));
        return tx.one(SELECT + " WHERE a.id = ? AND " + f.sql(), Financing::application, args.toArray())
                .orElseThrow(() -> new NotFoundException("financing application " + id + " not found",
                        "融资申请 " + id + " 不存在"));
    }

    private static FinancingApplication byId(Tx tx, long id) {
        return tx.one(SELECT + " WHERE a.id = ?", Financing::application, id).orElseThrow();
    }

    private static FinancingApplication application(Row r) throws SQLException {
        return new FinancingApplication(r.longValue("id"), r.longValue("enterprise_id"), r.string("enterprise_name"),
                r.string("uscc"), r.string("product_id"), r.string("product_name"), r.string("bank_name"),
                r.longValue("amount_yuan"), r.intValue("term_months"), r.string("purpose"), r.string("contact_name"),
                r.string("mobile"), r.string("email"), r.nullableLong("policy_id"), r.string("policy_number"),
                r.enumValue("state", ApplicationState.class), r.string("submitted_by_name"), r.instant("submitted_at"),
                r.string("decided_by_name"), r.instant("decided_at"), r.string("decision_note"));
    }
}
