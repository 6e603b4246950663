package cn.creditwindow.customs;

import cn.creditwindow.pdf.Block;
import cn.creditwindow.pdf.PdfDocument;
import cn.creditwindow.pdf.PdfRenderer;
import cn.creditwindow.reference.Country;
import cn.creditwindow.store.Tx;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.Input;
import cn.creditwindow.validation.InvalidInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The shipment data report (信用保险索赔出运数据报告) as a PDF: for each set of shipment information (出运信息
 * 流水号, 发票号, its declarations, the bills of lading they name and the certificate of origin), the data the window
 * holds, one set per page. A number the window does not hold for this consignor — unknown or another's — is shown
 * as 未查询到符合条件的数据 rather than refused, as the check shows it: the report documents what was found, and
 * refusing would tell that some number exists. Thread-safe.
 */
public final class ShipmentReport {
    static final String TITLE = "信用保险索赔出运数据报告";
    static final String STATEMENT = "声明：本出运数据报告，由中国国际贸易单一窗口根据企业提供的业务单据编号，查询出对应的单据信息，"
            + "经企业确认和授权后，提供给中国出口信用保险公司，仅用于索赔业务办理参考。";
    static final int MAX_SETS = 200;

    private final Customs customs;
    private final PdfRenderer renderer;

    public ShipmentReport(Customs customs, PdfRenderer renderer) {
        this.customs = Objects.requireNonNull(customs, "customs");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
    }

    /**
     * One set of shipment information.
     *
     * @param serial             出运信息流水号
     * @param invoiceNumber      发票号
     * @param declarationNumbers the set's export declaration numbers (at least one)
     * @param certificateNumber  原产地证书号, or null
     */
    public record ShipmentSet(String serial, String invoiceNumber, List<String> declarationNumbers,
                              String certificateNumber) {
    }

    /** What a report asks: whose (the insurer's staff name the enterprise), and the shipment sets. */
    public record Request(Long enterpriseId, List<ShipmentSet> sets) {
    }

    /**
     * The report a form asks for ({@code POST /api/customs/shipment-report}): the enterprise it names and every bad
     * set field refused at once (invalid input), the enterprise as a field ("no such enterprise"), not a 404.
     */
    public byte[] shipmentReport(Tx tx, Principal who, Input<Request> request) {
        record Checked(long enterprise, List<ShipmentSet> sets) {
        }
        Checked c = request.check((r, errors) -> {
            Long enterprise = customs.enterpriseField(tx, who, r.enterpriseId(), errors);
            check(r.sets(), errors);
            return new Checked(enterprise == null ? -1 : enterprise, r.sets());
        });
        return shipmentReport(tx, c.enterprise(), c.sets());
    }

    /**
     * The report of {@code sets} for the consignor {@code enterpriseId}; bad sets are refused field by field (invalid
     * input).
     */
    public byte[] shipmentReport(Tx tx, long enterpriseId, List<ShipmentSet> sets) {
        List<FieldError> errors = new ArrayList<>();
        check(sets, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        PdfDocument.Builder doc = PdfDocument.builder(TITLE).footer("本报告仅用于索赔业务办理参考。");
        for (int i = 0; i < sets.size(); i++) {
            if (i > 0) {
                doc.pageBreak();
            }
            set(tx, enterpriseId, sets.get(i), doc);
        }
        return renderer.render(doc.build());
    }

    private void set(Tx tx, long enterpriseId, ShipmentSet s, PdfDocument.Builder doc) {
        doc.paragraph(STATEMENT);
        doc.fields(new Block.Field("出运信息流水号", s.serial().strip()), new Block.Field("发票号", s.invoiceNumber().strip()));
        List<String> bills = new ArrayList<>();
        for (String raw : s.declarationNumbers()) {
            String number = raw.strip();
            doc.heading("报关单数据 " + number);
            var found = Customs.declaration(tx, number).filter(d -> d.enterpriseId() == enterpriseId);
            if (found.isEmpty()) {
                doc.paragraph(CheckResult.NONE_ZH);
                continue;
            }
            Declaration d = found.get();
            if (d.billOfLadingNo() != null && !bills.contains(d.billOfLadingNo())) {
                bills.add(d.billOfLadingNo());
            }
            doc.fields(new Block.Field("报关单编号", d.number()), new Block.Field("出境关别", d.exitOffice()),
                    new Block.Field("出口日期", d.exportDate().toString()), new Block.Field("申报地海关", d.office()),
                    new Block.Field("境内收发货人", d.consignorName() + "（" + d.consignorUscc() + "）"),
                    new Block.Field("运输方式", d.transportMode().zh() + "（" + d.transportMode().code() + "）"),
                    new Block.Field("贸易国（地区）", country(d.tradeCountry())),
                    new Block.Field("提运单号", d.billOfLadingNo() == null ? "" : d.billOfLadingNo()));
            List<List<String>> rows = new ArrayList<>();
            for (Declaration.Goods g : d.goods()) {
                rows.add(List.of(Integer.toString(g.lineNo()), g.hsCode(), g.name(), g.quantity() + " " + g.unit(),
                        money(g.unitPriceCents()), money(g.totalCents()), g.currency()));
            }
            doc.table(List.of("序号", "商品编码", "商品名称", "成交数量及单位", "单价", "总价", "币制"), rows);
        }
        doc.heading("提运单数据");
        if (bills.isEmpty()) {
            doc.paragraph(CheckResult.NONE_ZH);
        }
        for (String number : bills) {
            var bill = Customs.billOfLading(tx, enterpriseId, number);
            if (bill.isEmpty()) {
                doc.fields(new Block.Field("提运单号", number), new Block.Field("验证结果", CheckResult.NONE_ZH));
            } else {
                BillOfLading b = bill.get();
                doc.fields(new Block.Field("提运单号", b.number()), new Block.Field("运输工具名称", b.vessel()),
                        new Block.Field("航次号", b.voyage() == null ? "" : b.voyage()), new Block.Field("发货人", b.shipper()),
                        new Block.Field("收货人", b.consignee()), new Block.Field("日期", b.issuedOn().toString()));
            }
        }
        doc.heading("原产地证数据");
        String cert = s.certificateNumber() == null || s.certificateNumber().isBlank() ? null : s.certificateNumber().strip();
        var c = cert == null ? java.util.Optional.<Certificate>empty()
                : Customs.certificate(tx, cert).filter(x -> x.enterpriseId() == enterpriseId);
        if (cert == null) {
            doc.paragraph("未提供原产地证书号");
        } else if (c.isEmpty()) {
            doc.fields(new Block.Field("原产地证书号", cert), new Block.Field("验证结果", CheckResult.NONE_ZH));
        } else {
            Certificate x = c.get();
            doc.fields(new Block.Field("原产地证书号", x.number()), new Block.Field("出口商", x.exporterName()),
                    new Block.Field("货物", x.goods()), new Block.Field("目的国（地区）", country(x.destinationCountry())),
                    new Block.Field("签发日期", x.issuedOn().toString()));
        }
    }

    /** Adds an error per bad field of the sets to {@code errors}. */
    private void check(List<ShipmentSet> sets, List<FieldError> errors) {
        if (sets == null || sets.isEmpty() || sets.size() > MAX_SETS) {
            errors.add(new FieldError("sets", "请提供 1–" + MAX_SETS + " 套出运信息", "give 1-" + MAX_SETS + " shipment sets"));
            return;
        }
        int year = customs.today().getYear();
        for (int i = 0; i < sets.size(); i++) {
            ShipmentSet s = sets.get(i);
            String at = "sets[" + i + "].";
            String zh = "第 " + (i + 1) + " 套出运信息：";
            if (s == null) {
                errors.add(new FieldError("sets[" + i + "]", zh + "为空", "set " + (i + 1) + " is empty"));
                continue;
            }
            if (s.serial() == null || !s.serial().strip().matches("[A-Za-z0-9-]{1,40}")) {
                errors.add(new FieldError(at + "serial", zh + "出运信息流水号为 1–40 位字母、数字或 -",
                        "the serial has 1-40 letters, digits or -"));
            }
            if (s.invoiceNumber() == null || s.invoiceNumber().isBlank() || s.invoiceNumber().strip().length() > 60) {
                errors.add(new FieldError(at + "invoiceNumber", zh + "请填写发票号（不超过 60 个字符）",
                        "the invoice number is required (at most 60 characters)"));
            }
            List<String> numbers = s.declarationNumbers() == null ? List.of() : s.declarationNumbers();
            if (numbers.isEmpty() || numbers.size() > 20) {
                errors.add(new FieldError(at + "declarationNumbers", zh + "请填写 1–20 个报关单号",
                        "give 1-20 declaration numbers"));
            }
            for (int n = 0; n < numbers.size(); n++) {
                DeclarationNumber.problem(at + "declarationNumbers[" + n + "]", numbers.get(n), year)
                        .map(e -> new FieldError(e.field(), zh + e.zh(), e.en())).ifPresent(errors::add);
            }
            if (s.certificateNumber() != null && !s.certificateNumber().isBlank()
                    && !s.certificateNumber().strip().matches("[A-Za-z0-9][A-Za-z0-9/-]{0,39}")) {
                errors.add(new FieldError(at + "certificateNumber", zh + "原产地证书号为 1–40 位字母、数字、- 或 /",
                        "a certificate number has 1-40 letters, digits, - or /"));
            }
        }
    }

    private String country(String alpha2) {
        return customs.countries().find(alpha2).map(Country::nameZh).map(n -> n + "（" + alpha2 + "）").orElse(alpha2);
    }

    private static String money(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }
}
