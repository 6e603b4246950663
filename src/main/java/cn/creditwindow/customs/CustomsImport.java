package cn.creditwindow.customs;

import cn.creditwindow.accounts.Accounts;
import cn.creditwindow.accounts.Enterprise;
import cn.creditwindow.reference.Countries;
import cn.creditwindow.reference.Country;
import cn.creditwindow.store.Tx;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.InvalidInputException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a {@link CustomsBatch} whole and writes it in the caller's transaction: every bad value of every record is
 * reported (one {@link InvalidInputException}, thrown before anything is written, so the transaction rolls back
 * nothing half-done); a number already held is updated, goods lines replaced. Not thread-safe: one per import.
 */
final class CustomsImport {
    static final int MAX_GOODS = 50;
    private static final String DOCUMENT_NUMBER = "[A-Za-z0-9][A-Za-z0-9/-]{0,39}";

    /** Names a bad value: where it is (JSON path or CSV line and column) in both languages. */
    interface Locator {
        FieldError at(String kind, int index, int goods, String field, String zh, String en);
    }

    /** The JSON locator: {@code declarations[0].goods[1].hsCode}, 第 1 份报关单第 2 行商品. */
    static final Locator JSON = (kind, index, goods, field, zh, en) -> {
        String path = kind + "[" + index + "]" + (goods >= 0 ? ".goods[" + goods + "]" : "") + "." + field;
        String what = switch (kind) {
            case "declarations" -> "报关单";
            case "billsOfLading" -> "提运单";
            default -> "原产地证";
        };
        String zhAt = "第 " + (index + 1) + " 份" + what + (goods >= 0 ? "第 " + (goods + 1) + " 项商品" : "") + "：";
        return new FieldError(path, zhAt + zh, path + ": " + en);
    };

    /** What one import did. */
    record Counts(int added, int updated) {
    }

    private final Countries countries;
    private final LocalDate today;
    private final Locator where;
    private final List<FieldError> errors = new ArrayList<>();

    CustomsImport(Countries countries, LocalDate today, Locator where) {
        this.countries = countries;
        this.today = today;
        this.where = where;
    }

    /** Checks everything, resolves the enterprises by USCC, then writes; returns added/updated per kind. */
    List<Counts> write(Tx tx, CustomsBatch batch, Instant now) {
        if (batch.declarations().isEmpty() && batch.billsOfLading().isEmpty() && batch.certificates().isEmpty()) {
            throw new InvalidInputException("declarations", "没有要导入的报关单、提运单或原产地证",
                    "nothing to import: no declarations, bills of lading or certificates");
        }
        List<Long> declarationOwners = new ArrayList<>();
        List<Long> billOwners = new ArrayList<>();
        List<Long> certificateOwners = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < batch.declarations().size(); i++) {
            CustomsBatch.NewDeclaration d = batch.declarations().get(i);
            checkDeclaration(i, d);
            declarationOwners.add(owner(tx, "declarations", i, "consignorUscc", d.consignorUscc()));
            if (d.number() != null && !seen.add("D" + d.number().strip())) {
                error("declarations", i, -1, "number", "报关单号在本批数据中重复", "the number appears twice in this batch");
            }
        }
        for (int i = 0; i < batch.billsOfLading().size(); i++) {
            CustomsBatch.NewBillOfLading b = batch.billsOfLading().get(i);
            checkBill(i, b);
            billOwners.add(owner(tx, "billsOfLading", i, "consignorUscc", b.consignorUscc()));
            if (b.number() != null && !seen.add("B" + b.consignorUscc() + "/" + b.number().strip())) {
                error("billsOfLading", i, -1, "number", "提运单号在本批数据中重复", "the number appears twice in this batch");
            }
        }
        for (int i = 0; i < batch.certificates().size(); i++) {
            CustomsBatch.NewCertificate c = batch.certificates().get(i);
            checkCertificate(i, c);
            certificateOwners.add(owner(tx, "certificates", i, "exporterUscc", c.exporterUscc()));
            if (c.number() != null && !seen.add("C" + c.number().strip())) {
                error("certificates", i, -1, "number", "原产地证书号在本批数据中重复", "the number appears twice in this batch");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        int[] d = {0, 0};
        for (int i = 0; i < batch.declarations().size(); i++) {
            d[upsert(tx, batch.declarations().get(i), declarationOwners.get(i), now) ? 0 : 1]++;
        }
        int[] b = {0, 0};
        for (int i = 0; i < batch.billsOfLading().size(); i++) {
            b[upsert(tx, batch.billsOfLading().get(i), billOwners.get(i), now) ? 0 : 1]++;
        }
        int[] c = {0, 0};
        for (int i = 0; i < batch.certificates().size(); i++) {
            c[upsert(tx, batch.certificates().get(i), certificateOwners.get(i), now) ? 0 : 1]++;
        }
        return List.of(new Counts(d[0], d[1]), new Counts(b[0], b[1]), new Counts(c[0], c[1]));
    }

    // ---- checks ----

    private void checkDeclaration(int i, CustomsBatch.NewDeclaration d) {
        DeclarationNumber.problem("number", d.number(), today.getYear())
                .ifPresent(e -> error("declarations", i, -1, "number", e.zh(), e.en()));
        if (d.billOfLadingNo() != null && !d.billOfLadingNo().isBlank() && !d.billOfLadingNo().strip().matches(DOCUMENT_NUMBER)) {
            error("declarations", i, -1, "billOfLadingNo", "提运单号为 1–40 位字母、数字、- 或 /",
                    "a bill of lading number has 1-40 letters, digits, - or /");
        }
        country("declarations", i, "tradeCountry", d.tradeCountry());
        date("declarations", i, "exportDate", d.exportDate());
        if (d.exitOffice() == null || !d.exitOffice().strip().matches("\\d{4}")) {
            error("declarations", i, -1, "exitOffice", "出境关别应为 4 位海关代码（如 5301）",
                    "the customs office of exit is a 4-digit code (e.g. 5301)");
        }
        if (TransportMode.find(d.transportMode()).isEmpty()) {
            error("declarations", i, -1, "transportMode", "运输方式应为海关代码 2、3、4、5、6、9 之一（如 2 水路运输）",
                    "the transport mode is one of the customs codes 2, 3, 4, 5, 6, 9 (e.g. 2 waterway)");
        }
        List<CustomsBatch.NewGoods> goods = d.goods() == null ? List.of() : d.goods();
        if (goods.isEmpty() || goods.size() > MAX_GOODS) {
            error("declarations", i, -1, "goods", "报关单应有 1–" + MAX_GOODS + " 项商品",
                    "a declaration has 1-" + MAX_GOODS + " goods lines");
        }
        for (int g = 0; g < goods.size(); g++) {
            checkGoods(i, g, goods.get(g));
        }
    }

    private void checkGoods(int i, int g, CustomsBatch.NewGoods x) {
        if (x.hsCode() == null || !x.hsCode().strip().matches("\\d{8}|\\d{10}")) {
            error("declarations", i, g, "hsCode", "商品编码应为 8 或 10 位数字", "the HS code has 8 or 10 digits");
        }
        text("declarations", i, g, "name", x.name(), 200, "商品名称", "the goods name");
        if (x.quantity() == null || !x.quantity().strip().matches("\\d{1,12}(\\.\\d{1,4})?")
                || new BigDecimal(x.quantity().strip()).signum() <= 0) {
            error("declarations", i, g, "quantity", "成交数量应为大于 0 的数（最多 4 位小数）",
                    "the quantity is a number above 0 (at most 4 decimals)");
        }
        text("declarations", i, g, "unit", x.unit(), 20, "计量单位", "the unit");
        amount(i, g, "unitPrice", x.unitPrice(), "单价", "the unit price");
        amount(i, g, "total", x.total(), "总价", "the total");
        if (x.currency() == null || !x.currency().strip().matches("[A-Z]{3}")) {
            error("declarations", i, g, "currency", "币制应为 3 位大写字母代码（如 USD）", "the currency is a 3-letter code (e.g. USD)");
        }
    }

    private void checkBill(int i, CustomsBatch.NewBillOfLading b) {
        number("billsOfLading", i, b.number(), "提运单号", "the bill of lading number");
        text("billsOfLading", i, -1, "vessel", b.vessel(), 100, "运输工具名称", "the vessel");
        if (b.voyage() != null && b.voyage().strip().length() > 40) {
            error("billsOfLading", i, -1, "voyage", "航次号不超过 40 个字符", "the voyage has at most 40 characters");
        }
        text("billsOfLading", i, -1, "shipper", b.shipper(), 200, "发货人", "the shipper");
        text("billsOfLading", i, -1, "consignee", b.consignee(), 200, "收货人", "the consignee");
        date("billsOfLading", i, "date", b.date());
    }

    private void checkCertificate(int i, CustomsBatch.NewCertificate c) {
        number("certificates", i, c.number(), "原产地证书号", "the certificate number");
        text("certificates", i, -1, "goods", c.goods(), 500, "货物描述", "the goods");
        country("certificates", i, "destinationCountry", c.destinationCountry());
        date("certificates", i, "date", c.date());
    }

    private Long owner(Tx tx, String kind, int i, String field, String uscc) {
        if (uscc == null || uscc.isBlank()) {
            error(kind, i, -1, field, "请填写企业的统一社会信用代码", "the enterprise's USCC is required");
            return null;
        }
        return Accounts.enterpriseByUscc(tx, uscc.strip()).map(Enterprise::id).orElseGet(() -> {
            error(kind, i, -1, field, "统一社会信用代码“" + uscc.strip() + "”的企业未在本窗口登记",
                    "no enterprise with USCC '" + uscc.strip() + "' is registered in the window");
            return null;
        });
    }

    private void number(String kind, int i, String raw, String zh, String en) {
        if (raw == null || !raw.strip().matches(DOCUMENT_NUMBER)) {
            error(kind, i, -1, "number", zh + "为 1–40 位字母、数字、- 或 /", en + " has 1-40 letters, digits, - or /");
        }
    }

    private void text(String kind, int i, int g, String field, String raw, int max, String zh, String en) {
        if (raw == null || raw.isBlank() || raw.strip().length() > max) {
            error(kind, i, g, field, "请填写" + zh + "（不超过 " + max + " 个字符）", en + " is required (at most " + max
                    + " characters)");
        }
    }

    private void amount(int i, int g, String field, String raw, String zh, String en) {
        if (raw == null || !raw.strip().matches("\\d{1,13}(\\.\\d{1,2})?")) {
            error("declarations", i, g, field, zh + "应为不小于 0 的金额，最多 2 位小数", en + " is an amount of at least 0"
                    + " with at most 2 decimals");
        }
    }

    private void country(String kind, int i, String field, String raw) {
        Country c = raw == null || raw.isBlank() ? null : countries.find(raw.strip()).orElse(null);
        if (c == null) {
            error(kind, i, -1, field, "未知的国家或地区“" + (raw == null ? "" : raw.strip()) + "”",
                    "unknown country '" + (raw == null ? "" : raw.strip()) + "'");
        } else if (c.alpha2().equals("CN")) {
            error(kind, i, -1, field, "出口目的地应在境外", "the destination must be outside mainland China");
        }
    }

    private void date(String kind, int i, String field, String raw) {
        LocalDate d = parseDate(raw);
        if (d == null || d.getYear() < DeclarationNumber.FIRST_YEAR || d.isAfter(today)) {
            error(kind, i, -1, field, "日期应为 yyyy-MM-dd，在 " + DeclarationNumber.FIRST_YEAR + " 年与今天之间",
                    "the date is yyyy-MM-dd, from " + DeclarationNumber.FIRST_YEAR + " to today");
        }
    }

    static LocalDate parseDate(String raw) {
        try {
            return raw == null ? null : LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private void error(String kind, int i, int g, String field, String zh, String en) {
        errors.add(where.at(kind, i, g, field, zh, en));
    }

    // ---- writes (after every check passed) ----

    /** True if added, false if updated. */
    private boolean upsert(Tx tx, CustomsBatch.NewDeclaration d, long owner, Instant now) {
        String number = d.number().strip();
        String country = countries.find(d.tradeCountry().strip()).orElseThrow().alpha2();
        String bill = d.billOfLadingNo() == null || d.billOfLadingNo().isBlank() ? null : d.billOfLadingNo().strip();
        TransportMode mode = TransportMode.find(d.transportMode()).orElseThrow();
        Long id = tx.one("SELECT id FROM customs_declarations WHERE number = ?", r -> r.longValue("id"), number).orElse(null);
        boolean added = id == null;
        if (added) {
            id = tx.insert("INSERT INTO customs_declarations (number, enterprise_id, bill_of_lading_no, trade_country,"
                    + " export_date, exit_office, transport_mode, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    number, owner, bill, country, parseDate(d.exportDate()), d.exitOffice().strip(), mode, now, now);
        } else {
            tx.update("UPDATE customs_declarations SET enterprise_id = ?, bill_of_lading_no = ?, trade_country = ?,"
                    + " export_date = ?, exit_office = ?, transport_mode = ?, updated_at = ? WHERE id = ?", owner, bill,
                    country, parseDate(d.exportDate()), d.exitOffice().strip(), mode, now, id);
            tx.update("DELETE FROM customs_goods WHERE declaration_id = ?", id);
        }
        for (int g = 0; g < d.goods().size(); g++) {
            CustomsBatch.NewGoods x = d.goods().get(g);
            tx.insert("INSERT INTO customs_goods (declaration_id, line_no, hs_code, name, quantity, unit, unit_price_cents,"
                    + " total_cents, currency) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, g + 1, x.hsCode().strip(),
                    x.name().strip(), new BigDecimal(x.quantity().strip()).stripTrailingZeros().toPlainString(),
                    x.unit().strip(), cents(x.unitPrice()), cents(x.total()), x.currency().strip());
        }
        return added;
    }

    private boolean upsert(Tx tx, CustomsBatch.NewBillOfLading b, long owner, Instant now) {
        String voyage = b.voyage() == null || b.voyage().isBlank() ? null : b.voyage().strip();
        int changed = tx.update("UPDATE customs_bills_of_lading SET vessel = ?, voyage = ?, shipper = ?, consignee = ?,"
                + " issued_on = ?, updated_at = ? WHERE enterprise_id = ? AND number = ?", b.vessel().strip(), voyage,
                b.shipper().strip(), b.consignee().strip(), parseDate(b.date()), now, owner, b.number().strip());
        if (changed == 0) {
            tx.insert("INSERT INTO customs_bills_of_lading (enterprise_id, number, vessel, voyage, shipper, consignee,"
                    + " issued_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", owner, b.number().strip(),
                    b.vessel().strip(), voyage, b.shipper().strip(), b.consignee().strip(), parseDate(b.date()), now, now);
        }
        return changed == 0;
    }

    private boolean upsert(Tx tx, CustomsBatch.NewCertificate c, long owner, Instant now) {
        String country = countries.find(c.destinationCountry().strip()).orElseThrow().alpha2();
        int changed = tx.update("UPDATE customs_certificates SET enterprise_id = ?, goods = ?, destination_country = ?,"
                + " issued_on = ?, updated_at = ? WHERE number = ?", owner, c.goods().strip(), country,
                parseDate(c.date()), now, c.number().strip());
        if (changed == 0) {
            tx.insert("INSERT INTO customs_certificates (number, enterprise_id, goods, destination_country, issued_on,"
                    + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)", c.number().strip(), owner,
                    c.goods().strip(), country, parseDate(c.date()), now, now);
        }
        return changed == 0;
    }

    private static long cents(String amount) {
        return new BigDecimal(amount.strip()).movePointRight(2).longValueExact();
    }
}
