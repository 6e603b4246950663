package cn.creditwindow.credit;

import cn.creditwindow.pdf.Block;
import cn.creditwindow.pdf.PdfDocument;
import cn.creditwindow.pdf.PdfRenderer;
import cn.creditwindow.validation.ConflictException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A delivered report as a PDF (Chinese text, rendered by the shared {@link PdfRenderer}). */
public final class ReportPdf {
    private final PdfRenderer renderer;
    private final ZoneId zone;

    public ReportPdf(PdfRenderer renderer, ZoneId zone) {
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** The file name of an order's report. */
    public static String fileName(CreditOrder o) {
        return "credit-report-" + o.id() + ".pdf";
    }

    /** The PDF; a conflict while the order is not delivered. */
    public byte[] render(CreditOrder o) {
        Report r = o.report();
        if (o.state() != OrderState.DELIVERED || r == null) {
            throw new ConflictException("order " + o.id() + " is " + o.state().en()
                    + ": there is no report yet", "订单 " + o.id() + " 当前为“" + o.state().zh() + "”，报告尚未出具");
        }
        PdfDocument.Builder doc = PdfDocument.builder(o.typeNameZh())
                .reference("订单编号 " + o.id() + " · 出具日期 " + o.deliveredAt().atZone(zone).toLocalDate())
                .heading("一、订单信息")
                .fields(new Block.Field("委托企业", o.enterpriseName()),
                        new Block.Field("报告类型", o.typeNameZh() + (o.urgent() ? "（加急）" : "")),
                        new Block.Field("调查对象", o.subject()),
                        new Block.Field("下单人", o.orderedByName() + (o.onBehalf() ? "（客户经理代为下单）" : "")),
                        new Block.Field("费用", o.free() ? "免费额度" + (o.chargeFen() > 0 ? "，加急费 " + o.charge() + " 元" : "")
                                : o.charge() + " 元（人民币）"));
        if (r.registration() != null) {
            Report.Registration g = r.registration();
            doc.heading("二、注册信息").fields(new Block.Field("注册名称", nz(g.name())),
                    new Block.Field("注册号", nz(g.registrationNo())), new Block.Field("国家/地区", nz(g.country())),
                    new Block.Field("地址", nz(g.address())), new Block.Field("成立日期", nz(g.established())),
                    new Block.Field("企业类型", nz(g.legalForm())));
        }
        List<Block.Field> credit = new ArrayList<>();
        if (r.rating() != null) {
            credit.add(new Block.Field("信用评级", r.rating()));
        }
        if (r.paymentBehaviour() != null) {
            credit.add(new Block.Field("付款记录", Report.PAYMENT.get(r.paymentBehaviour())[0]));
        }
        if (r.financials() != null) {
            Report.Financials f = r.financials();
            String cur = f.currency() == null ? "" : " " + f.currency();
            credit.add(new Block.Field("财务年度", f.year() == null ? "" : f.year().toString()));
            credit.add(new Block.Field("营业收入", f.revenue() == null ? "" : f.revenue().toPlainString() + cur));
            credit.add(new Block.Field("净利润", f.netProfit() == null ? "" : f.netProfit().toPlainString() + cur));
            credit.add(new Block.Field("总资产", f.totalAssets() == null ? "" : f.totalAssets().toPlainString() + cur));
        }
        if (!credit.isEmpty()) {
            doc.heading("三、信用与财务").add(new Block.FieldList(credit));
        }
        if (r.riskEvents() != null && !r.riskEvents().isEmpty()) {
            doc.heading("四、风险事件").table(List.of("类型", "日期", "说明"), r.riskEvents().stream()
                    .map(e -> List.of(Report.EVENTS.get(e.type())[0], e.date(), e.description())).toList());
        }
        doc.heading("五、报告摘要").paragraph(r.summary().strip());
        doc.footer("本报告由中国出口信用保险公司资信评估中心出具，经出口信用单一窗口送达，仅供委托企业内部使用。");
        return renderer.render(doc.build());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
