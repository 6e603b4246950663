package cn.creditwindow.customs;

import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Role;
import cn.creditwindow.accounts.Tenancy;
import cn.creditwindow.paging.PageRequest;
import cn.creditwindow.paging.Paged;
import cn.creditwindow.reference.Countries;
import cn.creditwindow.store.Database;
import cn.creditwindow.store.Row;
import cn.creditwindow.store.Tx;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.Input;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.validation.NotFoundException;
import cn.creditwindow.validation.NotAllowedException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The customs data the window holds and the declaration check (申报单证检查). Only the consignor sees its own
 * declarations, bills of lading and certificates: through {@link Tenancy} for people (others' answer not found) and, in
 * the check, by answering another consignor's number exactly as an unknown one. Thread-safe.
 */
public final class Customs {
    /** Numbers one check may ask about. */
    public static final int MAX_NUMBERS = 100;

    private final Database db;
    private final Countries countries;
    private final Clock clock;
    private final ZoneId zone;

    public Customs(Database db, Countries countries, Clock clock, ZoneId zone) {
        this.db = Objects.requireNonNull(db, "db");
        this.countries = Objects.requireNonNull(countries, "countries");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    Countries countries() {
        return countries;
    }

    // ---- import ----

    /** What an import did, per kind: records added and records updated (same number imported again). */
    public record ImportResult(int declarationsAdded, int declarationsUpdated, int billsOfLadingAdded,
                               int billsOfLadingUpdated, int certificatesAdded, int certificatesUpdated) {
    }

    /**
     * Imports a batch pushed over the API ({@code customs:push} token) or by the insurer's staff: every record is
     * checked and every bad value reported (invalid input, fields like {@code declarations[0].goods[1].hsCode});
     * otherwise all are written in one transaction. Re-importing a number updates it.
     */
    public ImportResult importBatch(Principal who, CustomsBatch batch) {
        return importBatch(who, batch, CustomsImport.JSON);
    }

    /**
     * Imports a CSV file of one kind ({@link CustomsCsv}), all rows or none; bad values are named by line and column.
     * Only the insurer's staff (reviewers, administrators) import files.
     */
    public ImportResult importCsv(Principal who, CustomsCsv.Kind kind, byte[] content) {
        if (!who.is(Role.REVIEWER) && !who.is(Role.ADMIN)) {
            throw new NotAllowedException("only the insurer's staff import customs data", "只有保险公司工作人员可以导入海关数据");
        }
        CustomsCsv.Parsed parsed = CustomsCsv.parse(kind, content);
        return importBatch(who, parsed.batch(), parsed.locator());
    }

    private ImportResult importBatch(Principal who, CustomsBatch batch, CustomsImport.Locator where) {
        Objects.requireNonNull(batch, "batch");
        boolean allowed = who.is(Role.REVIEWER) || who.is(Role.ADMIN)
                || who.is(Role.SYSTEM) && who.hasScope(cn.creditwindow.accounts.ApiTokens.CUSTOMS_PUSH);
        if (!allowed) {
            throw new NotAllowedException("only the customs and insurer systems and staff import customs data",
                    "只有海关、保险公司系统或工作人员可以导入海关数据");
        }
        List<CustomsImport.Counts> c = db.inTransaction(tx ->
                new CustomsImport(countries, today(), where).write(tx, batch, clock.instant()));
        return new ImportResult(c.get(0).added(), c.get(0).updated(), c.get(1).added(), c.get(1).updated(),
                c.get(2).added(), c.get(2).updated());
    }

    // ---- the check ----

    /** {@link #check(Tx, long, List, ShipmentContext)} without a shipment: no flags. */
    public List<CheckResult> check(Tx tx, long enterpriseId, List<String> numbers) {
        return check(tx, enterpriseId, numbers, null);
    }

    /**
     * The declaration check for the consignor {@code enterpriseId}: per number, in order, 数据正常 with the key facts
     * (and, given a shipment, its flags) or 未查询到符合条件的数据 — for a number nobody holds and for another
     * consignor's alike. A malformed number is bad input (invalid input naming {@code numbers[i]} and the broken part).
     */
    public List<CheckResult> check(Tx tx, long enterpriseId, List<String> numbers, ShipmentContext shipment) {
        requireNumbers(numbers, "numbers", true);
        List<CheckResult> out = new ArrayList<>();
        for (String raw : numbers) {
            String number = raw.strip();
            Optional<Declaration> d = declaration(tx, number).filter(x -> x.enterpriseId() == enterpriseId);
            out.add(d.map(x -> new CheckResult("DECLARATION", number, true, CheckResult.OK_ZH, CheckResult.OK_EN,
                    x.consignorName(), x.billOfLadingNo(), x.tradeCountry(), x.exportDate(), flags(x, shipment)))
                    .orElseGet(() -> CheckResult.none("DECLARATION", number)));
        }
        return out;
    }

    /** The check for certificates of origin: 数据正常 (exporter, destination, issue date) or 未查询到符合条件的数据. */
    public List<CheckResult> checkCertificates(Tx tx, long enterpriseId, List<String> numbers) {
        requireNumbers(numbers, "certificateNumbers", false);
        List<CheckResult> out = new ArrayList<>();
        for (String raw : numbers) {
            String number = raw.strip();
            out.add(certificate(tx, number).filter(c -> c.enterpriseId() == enterpriseId)
                    .map(c -> new CheckResult("CERTIFICATE", number, true, CheckResult.OK_ZH, CheckResult.OK_EN,
                            c.exporterName(), null, c.destinationCountry(), c.issuedOn(), List.of()))
                    .orElseGet(() -> CheckResult.none("CERTIFICATE", number)));
        }
        return out;
    }

    private void requireNumbers(List<String> numbers, String field, boolean declarations) {
        List<FieldError> errors = new ArrayList<>();
        numberProblems(numbers, field, declarations, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** Adds an error per malformed number (named {@code field[i]}), or one for too many, to {@code errors}. */
    private void numberProblems(List<String> numbers, String field, boolean declarations, List<FieldError> errors) {
        if (numbers == null || numbers.size() > MAX_NUMBERS) {
            errors.add(new FieldError(field, "一次最多检查 " + MAX_NUMBERS + " 个单号",
                    "at most " + MAX_NUMBERS + " numbers per check"));
            return;
        }
        for (int i = 0; i < numbers.size(); i++) {
            String f = field + "[" + i + "]";
            String n = numbers.get(i);
            if (declarations) {
                DeclarationNumber.problem(f, n, today().getYear()).ifPresent(errors::add);
            } else if (n == null || !n.strip().matches("[A-Za-z0-9][A-Za-z0-9/-]{0,39}")) {
                errors.add(new FieldError(f, "原产地证书号为 1–40 位字母、数字、- 或 /",
                        "a certificate number has 1-40 letters, digits, - or /"));
            }
        }
    }

    /** What a check asks: whose (the insurer's staff name the enterprise), declaration and certificate numbers. */
    public record CheckRequest(Long enterpriseId, List<String> numbers, List<String> certificateNumbers) {
    }

    /** A check's answer: per declaration number and per certificate number, in order. */
    public record CheckAnswer(List<CheckResult> declarations, List<CheckResult> certificates) {
    }

    /**
     * The declaration and certificate check a form asks for ({@code POST /api/customs/declarations/check}): every bad
     * field at once (invalid input) — the enterprise named among them, as a field ("no such enterprise"), not a 404.
     */
    public CheckAnswer check(Principal who, Input<CheckRequest> request) {
        record Checked(long enterprise, List<String> numbers, List<String> certificates) {
        }
        return db.read(tx -> {
            Checked c = request.check((r, errors) -> {
                Long enterprise = enterpriseField(tx, who, r.enterpriseId(), errors);
                List<String> numbers = r.numbers() == null ? List.of() : r.numbers();
                List<String> certificates = r.certificateNumbers() == null ? List.of() : r.certificateNumbers();
                if (numbers.isEmpty() && certificates.isEmpty()) {
                    errors.add(new FieldError("numbers", "请填写要检查的报关单号或原产地证书号",
                            "give the declaration or certificate numbers to check"));
                }
                numberProblems(numbers, "numbers", true, errors);
                numberProblems(certificates, "certificateNumbers", false, errors);
                return new Checked(enterprise == null ? -1 : enterprise, numbers, certificates);
            });
            return new CheckAnswer(check(tx, c.enterprise(), c.numbers()),
                    checkCertificates(tx, c.enterprise(), c.certificates()));
        });
    }

    private List<CheckResult.Flag> flags(Declaration d, ShipmentContext s) {
        List<CheckResult.Flag> flags = new ArrayList<>();
        if (s == null) {
            return flags;
        }
        if (s.buyerCountry() != null && !s.buyerCountry().equalsIgnoreCase(d.tradeCountry())) {
            flags.add(new CheckResult.Flag(CheckResult.Flag.OTHER_COUNTRY, "报关单贸易国（" + d.tradeCountry()
                    + "）与买方所在国（" + s.buyerCountry() + "）不一致", "the declaration's trade country ("
                    + d.tradeCountry() + ") is not the buyer's (" + s.buyerCountry() + ")"));
        }
        if (s.from() != null && d.exportDate().isBefore(s.from()) || s.to() != null && d.exportDate().isAfter(s.to())) {
            flags.add(new CheckResult.Flag(CheckResult.Flag.OUTSIDE_PERIOD, "出口日期 " + d.exportDate() + " 不在保单有效期（"
                    + s.from() + " 至 " + s.to() + "）内", "export date " + d.exportDate() + " is outside the period "
                    + s.from() + " to " + s.to()));
        }
        if (s.alreadyClaimed().test(d.number())) {
            flags.add(new CheckResult.Flag(CheckResult.Flag.ALREADY_CLAIMED, "该报关单已用于其他索赔",
                    "another claim already names this declaration"));
        }
        return flags;
    }

    // ---- reading ----

    /** The declaration with this number, if the principal may see its consignor's records; else 404. */
    public Declaration find(Principal who, String number) {
        return db.read(tx -> declaration(tx, number == null ? "" : number.strip())
                .filter(d -> Tenancy.canSee(tx, who, d.enterpriseId())))
                .orElseThrow(() -> new NotFoundException("declaration " + number + " not found", "报关单 " + number + " 不存在"));
    }

    /**
     * One page of the declarations the principal may see, newest export first, optionally of one enterprise (not found
     * if not visible) and in an export-date range; and how many there are.
     */
    public Paged<Declaration> list(Principal who, Long enterpriseId, LocalDate from, LocalDate to, PageRequest page) {
        return db.read(tx -> {
            if (enterpriseId != null && !Tenancy.canSee(tx, who, enterpriseId)) {
                throw new NotFoundException("enterprise " + enterpriseId + " not found", "企业 " + enterpriseId + " 不存在");
            }
            Tenancy.Filter f = Tenancy.filter(who, "d.enterprise_id");
            List<Object> args = new ArrayList<>(List.of(f.args()));
            StringBuilder sql = new StringBuilder(SELECT + " WHERE " + f.sql());
            if (enterpriseId != null) {
                sql.append(" AND d.enterprise_id = ?");
                args.add(enterpriseId);
            }
            if (from != null) {
                sql.append(" AND d.export_date >= ?");
                args.add(from);
            }
            if (to != null) {
                sql.append(" AND d.export_date <= ?");
                args.add(to);
            }
            // the number is unique: the order is total
            return page.select(tx, sql.toString(), "d.export_date DESC, d.number", r -> declaration(tx, r),
                    args.toArray());
        });
    }

    /**
     * The enterprise a form names ({@code enterpriseId}): the principal's own for its people (naming another is as
     * if it did not exist), the one named, if visible, for the insurer's staff and account managers; null after
     * adding an error on the field ("no such enterprise", the same for one not visible).
     */
    public Long enterpriseField(Tx tx, Principal who, Long enterpriseId, List<FieldError> errors) {
        if (!who.role().isEnterpriseUser() && enterpriseId == null) {
            errors.add(new FieldError("enterpriseId", "请指定企业（enterpriseId）", "name the enterprise (enterpriseId)"));
            return null;
        }
        boolean visible = who.role().isEnterpriseUser()
                ? enterpriseId == null || enterpriseId.equals(who.enterpriseId())
                : Tenancy.canSee(tx, who, enterpriseId);
        if (!visible) {
            errors.add(new FieldError("enterpriseId", "没有编号为 " + enterpriseId + " 的企业",
                    "no such enterprise: " + enterpriseId));
            return null;
        }
        return who.role().isEnterpriseUser() ? who.enterpriseId() : enterpriseId;
    }

    /** The declaration with this number, whoever it belongs to (for code that checks the consignor itself). */
    static Optional<Declaration> declaration(Tx tx, String number) {
        return tx.one(SELECT + " WHERE d.number = ?", r -> declaration(tx, r), number);
    }

    /** The consignor's bill of lading of this number, if any. */
    static Optional<BillOfLading> billOfLading(Tx tx, long enterpriseId, String number) {
        return tx.one("SELECT * FROM customs_bills_of_lading WHERE enterprise_id = ? AND number = ?",
                r -> new BillOfLading(r.longValue("id"), r.longValue("enterprise_id"), r.string("number"),
                        r.string("vessel"), r.string("voyage"), r.string("shipper"), r.string("consignee"),
                        r.date("issued_on")), enterpriseId, number);
    }

    /** The certificate of this number, whoever it was issued to. */
    static Optional<Certificate> certificate(Tx tx, String number) {
        return tx.one("SELECT c.*, e.name_zh FROM customs_certificates c JOIN enterprises e ON e.id = c.enterprise_id"
                + " WHERE c.number = ?", r -> new Certificate(r.longValue("id"), r.string("number"),
                r.longValue("enterprise_id"), r.string("name_zh"), r.string("goods"), r.string("destination_country"),
                r.date("issued_on")), number);
    }

    private static final String SELECT = "SELECT d.*, e.uscc, e.name_zh FROM customs_declarations d"
            + " JOIN enterprises e ON e.id = d.enterprise_id";

    private static Declaration declaration(Tx tx, Row r) throws SQLException {
        long id = r.longValue("id");
        String number = r.string("number");
        List<Declaration.Goods> goods = tx.list("SELECT * FROM customs_goods WHERE declaration_id = ? ORDER BY line_no",
                g -> new Declaration.Goods(g.intValue("line_no"), g.string("hs_code"), g.string("name"),
                        g.string("quantity"), g.string("unit"), g.longValue("unit_price_cents"), g.longValue("total_cents"),
                        g.string("currency")), id);
        return new Declaration(id, number, number.substring(0, 4), r.longValue("enterprise_id"), r.string("uscc"),
                r.string("name_zh"), r.string("bill_of_lading_no"), r.string("trade_country"), r.date("export_date"),
                r.string("exit_office"), r.enumValue("transport_mode", TransportMode.class), goods);
    }
}
