package cn.creditwindow.losses;

import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Tenancy;
import cn.creditwindow.buyers.Buyer;
import cn.creditwindow.buyers.Buyers;
import cn.creditwindow.claims.ClaimChecks;
import cn.creditwindow.reference.Country;
import cn.creditwindow.store.Tx;
import cn.creditwindow.validation.Text;
import cn.creditwindow.validation.FieldError;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The field rules of the report, receivable and acceptance forms, each adding a {@link FieldError} when broken. */
final class LossChecks {
    private static final Pattern MOBILE = Pattern.compile("\\+?[0-9][0-9 -]{5,19}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    private final LossCodes codes;
    private final Buyers buyers;
    private final java.util.function.Supplier<LocalDate> today;

    LossChecks(LossCodes codes, Buyers buyers, java.util.function.Supplier<LocalDate> today) {
        this.today = Objects.requireNonNull(today, "today");
        this.codes = Objects.requireNonNull(codes, "codes");
        this.buyers = Objects.requireNonNull(buyers, "buyers");
    }

    LossCodes codes() {
        return codes;
    }

    /** What a report needs of its policy. */
    record PolicyRef(long id, long enterpriseId, String schemeId, String state) {
        boolean effective() {
            return "EFFECTIVE".equals(state);
        }
    }

    record CheckedShipment(String invoiceNo, LocalDate shippedOn, LocalDate dueOn, long outstandingCents,
                           String declarations) {
    }

    record Checked(PolicyRef policy, Long buyerId, Buyers.NewBuyer newBuyer, Country newBuyerCountry,
                   List<CheckedShipment> shipments, String cause, String actionsTaken, String contactName,
                   String contactMobile, String contactEmail) {
    }

    record CheckedReceivable(PolicyRef policy, long buyerId, CheckedShipment shipment) {
    }

    record CheckedAdvice(String advice, List<String> codes) {
    }

    /** The policy, if the principal may see its enterprise's records. */
    static Optional<PolicyRef> policy(Tx tx, Principal p, long policyId) {
        return tx.one("SELECT id, enterprise_id, scheme_id, state FROM policies WHERE id = ?", r -> new PolicyRef(
                r.longValue("id"), r.longValue("enterprise_id"), r.string("scheme_id"), r.string("state")), policyId)
                .filter(x -> Tenancy.canSee(tx, p, x.enterpriseId()));
    }

    /** The buyer, if the enterprise may name it: the insurer's entries and its own. */
    static Optional<Buyer> buyerFor(Tx tx, long enterpriseId, long buyerId) {
        return Buyers.byId(tx, buyerId).filter(b -> b.fromInsurer() || b.addedByEnterpriseId() == enterpriseId);
    }

    /**
     * The checked report form, or null after adding an error per bad field; {@code existing} is the report being
     * changed (its policy stays), or null for a new one.
     */
    Checked report(Tx tx, Principal p, LossReport existing, LossReports.ReportForm f, List<FieldError> errors) {
        if (f == null) {
            errors.add(new FieldError("policyId", "请填写报损信息", "the report form is missing"));
            return null;
        }
        int before = errors.size();
        PolicyRef policy = existing != null ? policy(tx, p, existing.policyId()).orElseThrow()
                : policyField(tx, p, f.policyId(), errors);
        Long buyerId = f.buyerId();
        Country newBuyerCountry = null;
        if (buyerId != null && policy != null && buyerFor(tx, policy.enterpriseId(), buyerId).isEmpty()) {
            errors.add(Buyers.noSuchBuyer("buyerId", buyerId));
        }
        if (f.newBuyer() != null) {
            newBuyerCountry = buyers.checkWithin("newBuyer.", f.newBuyer(), errors);
            if (buyerId != null) {
                errors.add(new FieldError("newBuyer", "请选择买方目录中的买方或新建买方，二者只能选一",
                        "choose a buyer from the directory or add a new one, not both"));
            }
        } else if (buyerId == null) {
            errors.add(new FieldError("buyerId", "请选择买方或新建买方", "choose a buyer or add a new one"));
        }
        List<CheckedShipment> shipments = shipments(tx, policy, existing, f.shipments(), errors);
        String cause = ClaimChecks.strip(f.cause());
        if (codes.cause(cause).isEmpty()) {
            errors.add(new FieldError("cause", "请选择致损原因", "choose the cause of the possible loss (one of "
                    + String.join(", ", codes.causes().stream().map(c -> c.code()).toList()) + ")"));
        }
        String actions = ClaimChecks.text("actionsTaken", f.actionsTaken(), LossReports.MAX_TEXT, "已采取的措施",
                "what has been done", errors);
        String name = ClaimChecks.text("contactName", f.contactName(), 100, "联系人", "the contact's name", errors);
        String mobile = ClaimChecks.strip(f.contactMobile());
        if (!MOBILE.matcher(mobile).matches()) {
            errors.add(new FieldError("contactMobile", "请填写联系人手机号（6–20 位数字）",
                    "the contact's mobile number is required (6 to 20 digits)"));
        }
        String email = ClaimChecks.strip(f.contactEmail());
        if (email.length() > 200 || !EMAIL.matcher(email).matches()) {
            errors.add(new FieldError("contactEmail", "请填写有效的联系人电子邮箱", "the contact's e-mail address is required"));
        }
        if (errors.size() > before) {
            return null;
        }
        return new Checked(policy, buyerId, f.newBuyer(), newBuyerCountry, shipments, cause, actions, name, mobile,
                email);
    }

    /** The checked receivable, or null with the errors added. */
    CheckedReceivable receivable(Tx tx, Principal p, LossReports.ReceivableForm f, List<FieldError> errors) {
        if (f == null) {
            errors.add(new FieldError("policyId", "请填写应收账款", "the receivable is missing"));
            return null;
        }
        int before = errors.size();
        PolicyRef policy = policyField(tx, p, f.policyId(), errors);
        if (f.buyerId() == null) {
            errors.add(new FieldError("buyerId", "请选择买方", "choose the buyer"));
        } else if (policy != null && buyerFor(tx, policy.enterpriseId(), f.buyerId()).isEmpty()) {
            errors.add(Buyers.noSuchBuyer("buyerId", f.buyerId()));
        }
        CheckedShipment s = shipment("", new LossReports.ShipmentForm(f.invoiceNo(), f.shippedOn(), f.dueOn(),
                f.outstanding(), f.declarations()), errors);
        if (s != null && policy != null && tx.number("SELECT COUNT(*) FROM loss_shipments WHERE enterprise_id = ?"
                + " AND invoice_no = ?", policy.enterpriseId(), s.invoiceNo()) > 0) {
            errors.add(new FieldError("invoiceNo", "发票号 " + s.invoiceNo() + " 已登记", "invoice " + s.invoiceNo()
                    + " is already registered"));
        }
        return errors.size() > before ? null : new CheckedReceivable(policy, f.buyerId(), s);
    }

    private static PolicyRef policyField(Tx tx, Principal p, Long policyId, List<FieldError> errors) {
        if (policyId == null) {
            errors.add(new FieldError("policyId", "请选择保单", "choose the policy"));
            return null;
        }
        Optional<PolicyRef> policy = policy(tx, p, policyId);
        if (policy.isEmpty()) {
            errors.add(new FieldError("policyId", "没有编号为 " + policyId + " 的保单", "no such policy: " + policyId));
            return null;
        }
        if (!policy.get().effective()) {
            errors.add(new FieldError("policyId", "保单 " + policyId + " 未生效，只能对生效保单报损",
                    "policy " + policyId + " is not effective: possible losses are reported on effective policies"));
            return null;
        }
        return policy.get();
    }

    private List<CheckedShipment> shipments(Tx tx, PolicyRef policy, LossReport existing,
                                            List<LossReports.ShipmentForm> forms, List<FieldError> errors) {
        List<LossReports.ShipmentForm> given = forms == null ? List.of()
                : forms.stream().filter(s -> s != null && !blank(s)).toList();
        if (given.isEmpty()) {
            errors.add(new FieldError("shipments", "请至少填写一笔出运（发票号、到期日、未收汇金额）",
                    "add at least one shipment (invoice, due date, amount outstanding)"));
            return List.of();
        }
        if (given.size() > LossReports.MAX_SHIPMENTS) {
            errors.add(new FieldError("shipments", "一次报损最多 " + LossReports.MAX_SHIPMENTS + " 笔出运",
                    "at most " + LossReports.MAX_SHIPMENTS + " shipments a report"));
            return List.of();
        }
        List<CheckedShipment> out = new ArrayList<>();
        Set<String> invoices = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String prefix = "shipments[" + i + "].";
            CheckedShipment s = shipment(prefix, given.get(i), errors);
            if (s == null) {
                continue;
            }
            if (!invoices.add(s.invoiceNo())) {
                errors.add(new FieldError(prefix + "invoiceNo", "发票号 " + s.invoiceNo() + " 重复",
                        "invoice " + s.invoiceNo() + " appears twice"));
            } else if (policy != null) {
                Optional<Long> other = tx.one("SELECT report_id FROM loss_shipments WHERE enterprise_id = ? AND"
                        + " invoice_no = ? AND report_id IS NOT NULL AND report_id <> ?", r -> r.longValue("report_id"),
                        policy.enterpriseId(), s.invoiceNo(), existing == null ? -1L : existing.id());
                if (other.isPresent()) {
                    errors.add(new FieldError(prefix + "invoiceNo", "发票号 " + s.invoiceNo() + " 已在报损 "
                            + other.get() + " 中", "invoice " + s.invoiceNo() + " is already in loss report " + other.get()));
                }
            }
            out.add(s);
        }
        return out;
    }

    private static boolean blank(LossReports.ShipmentForm s) {
        return Text.blankToNull(s.invoiceNo()) == null && Text.blankToNull(s.shippedOn()) == null
                && Text.blankToNull(s.dueOn()) == null && Text.blankToNull(s.outstanding()) == null
                && Text.blankToNull(s.declarations()) == null;
    }

    /** One shipment's fields, each error named {@code prefix + field}; null when one was bad. */
    private CheckedShipment shipment(String prefix, LossReports.ShipmentForm s, List<FieldError> errors) {
        int before = errors.size();
        String invoice = ClaimChecks.text(prefix + "invoiceNo", s.invoiceNo(), 50, "发票号", "the invoice number", errors);
        LocalDate shipped = date(prefix + "shippedOn", s.shippedOn(), "出运日期", "the shipment date", errors);
        LocalDate due = date(prefix + "dueOn", s.dueOn(), "应收款到期日", "the due date", errors);
        if (shipped != null && due != null && due.isBefore(shipped)) {
            errors.add(new FieldError(prefix + "dueOn", "到期日不能早于出运日期", "the due date cannot be before the shipment date"));
        }
        Long cents = ClaimChecks.usd(prefix + "outstanding", s.outstanding(), "未收汇金额", "the amount outstanding",
                errors);
        String declarations = "";
        if (Text.blankToNull(s.declarations()) != null) {
            declarations = ClaimChecks.declarations(prefix + "declarations", s.declarations(), today.get().getYear(),
                    errors);
        }
        if (errors.size() > before) {
            return null;
        }
        return new CheckedShipment(invoice, shipped, due, cents, declarations);
    }

    private static LocalDate date(String field, String value, String zh, String en, List<FieldError> errors) {
        try {
            LocalDate d = LocalDate.parse(ClaimChecks.strip(value));
            if (!d.isBefore(EARLIEST) && d.getYear() < 2100) {
                return d;
            }
        } catch (DateTimeParseException ignored) {
            // reported below
        }
        errors.add(new FieldError(field, "请填写" + zh + "，格式 YYYY-MM-DD", en + " is required (YYYY-MM-DD)"));
        return null;
    }

    /** The insurer's acceptance: advice in words (required), coded advice each from the list. */
    CheckedAdvice advice(LossReports.Acceptance a, List<FieldError> errors) {
        String advice = ClaimChecks.text("advice", a == null ? null : a.advice(), LossReports.MAX_TEXT, "给企业的建议",
                "the advice to the enterprise", errors);
        List<String> out = new ArrayList<>();
        List<String> given = a == null || a.adviceCodes() == null ? List.of() : a.adviceCodes();
        for (String code : given) {
            String c = ClaimChecks.strip(code);
            if (codes.adviceCode(c).isEmpty()) {
                errors.add(new FieldError("adviceCodes", "没有这个建议代码：" + c, "no such advice code: " + c + " (one of "
                        + String.join(", ", codes.advice().stream().map(x -> x.code()).toList()) + ")"));
            } else if (!out.contains(c)) {
                out.add(c);
            }
        }
        return new CheckedAdvice(advice, out);
    }
}
