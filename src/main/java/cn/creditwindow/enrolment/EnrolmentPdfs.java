package cn.creditwindow.enrolment;

import cn.creditwindow.accounts.Uscc;
import cn.creditwindow.pdf.Block;
import cn.creditwindow.pdf.PdfDocument;
import cn.creditwindow.pdf.PdfRenderer;
import cn.creditwindow.schemes.Scheme;
import cn.creditwindow.validation.ConflictException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The enrolment's documents as PDF: the application form (投保单, for the enterprises of its scheme's size: 小微企业,
 * 中型企业 or 中小微企业), filled with what the system knows and
 * the latest application's contact details, and the electronic policy (电子保单) of an effective policy.
 */
public final class EnrolmentPdfs {
    private final PdfRenderer renderer;
    private final Insurer insurer;
    private final ZoneId zone;

    public EnrolmentPdfs(PdfRenderer renderer, Insurer insurer, ZoneId zone) {
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.insurer = Objects.requireNonNull(insurer, "insurer");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** The application form; {@code latest} may be null (not yet submitted: the contact lines are blank). */
    public byte[] applicationForm(Policy p, Scheme s, Application latest) {
        String forWhom = "（" + s.enterpriseSize().zh() + "适用）";
        PdfDocument doc = PdfDocument.builder("中小企业综合保险 投保单" + forWhom)
                .reference("保单申请编号 " + p.id() + " · " + s.nameZh())
                .paragraph(insurer.nameZh() + "：遵照《短期出口信用保险中小企业综合保险条款》" + forWhom + "的规定，"
                        + "在提供以下信息、保证和声明的基础上，我公司特向贵公司提出投保短期出口信用保险中小企业综合保险的申请。")
                .heading("一、投保人基本情况")
                .fields(new Block.Field("公司名称", p.enterpriseName()),
                        new Block.Field("统一社会信用代码", p.uscc()),
                        new Block.Field("组织机构代码", Uscc.organisationCode(p.uscc())),
                        new Block.Field("主要联系人", latest == null ? "" : latest.contactName()),
                        new Block.Field("联系人手机", latest == null ? "" : latest.mobile()),
                        new Block.Field("联系人邮箱", latest == null ? "" : latest.email()))
                .heading("二、投保内容")
                .fields(new Block.Field("保险公司", insurer.nameZh() + "（机构编码 " + insurer.institutionCode() + "）"),
                        new Block.Field("统保方案", s.nameZh()),
                        new Block.Field("投保金额（上年出口额）", usd(p.insuredCents())),
                        new Block.Field("保费", premium(p)),
                        new Block.Field("赔偿比例", percent(p.indemnityRatio())),
                        new Block.Field("单一买方/开证行最高赔偿限额", usd(p.perBuyerLimitCents())),
                        new Block.Field("单一企业最高赔偿限额", p.aggregateLimitCents() == null ? "以正式保单约定为准"
                                : usd(p.aggregateLimitCents())),
                        new Block.Field("保单年度", p.yearStart() + " 至 " + p.yearEnd()),
                        new Block.Field("投保状态", p.state().zh()))
                .heading("三、投保声明")
                .paragraph(latest == null ? "已认真阅读以上内容并同意：尚未提交"
                        : "已认真阅读以上内容并同意：已勾选，提交于 " + latest.submittedAt().atZone(zone).toLocalDate())
                .footer("本投保单由出口信用单一窗口生成。")
                .build();
        return renderer.render(doc);
    }

    /** The electronic policy; a conflict while the policy is not issued (not yet accepted, or awaiting payment). */
    public byte[] policy(Policy p, Scheme s, Application accepted) {
        if (p.issuedOn() == null) {
            throw new ConflictException("policy " + p.id() + " is not effective yet (" + p.state().en()
                    + "): there is no electronic policy", "保单 " + p.id() + " 尚未生效（" + p.state().zh() + "），暂无电子保单");
        }
        PdfDocument doc = PdfDocument.builder("短期出口信用保险 中小企业综合保险 电子保单")
                .reference("保单号 " + p.policyNumber())
                .heading("一、被保险人")
                .fields(new Block.Field("被保险人", p.enterpriseName()),
                        new Block.Field("统一社会信用代码", p.uscc()),
                        new Block.Field("联系人", accepted == null ? "" : accepted.contactName() + " " + accepted.mobile()))
                .heading("二、保险条款")
                .fields(new Block.Field("统保方案", s.nameZh()),
                        new Block.Field("保险人", insurer.nameZh() + "（机构编码 " + insurer.institutionCode() + "）"),
                        new Block.Field("投保金额", usd(p.insuredCents())),
                        new Block.Field("赔偿比例", percent(p.indemnityRatio())),
                        new Block.Field("单一买方/开证行最高赔偿限额", usd(p.perBuyerLimitCents())),
                        new Block.Field("单一企业最高赔偿限额", p.aggregateLimitCents() == null ? "以正式保单约定为准"
                                : usd(p.aggregateLimitCents())),
                        new Block.Field("保单年度", p.yearStart() + " 至 " + p.yearEnd()),
                        new Block.Field("保障期限", p.coverStart() + " 至 " + p.coverEnd()),
                        new Block.Field("签发日期", String.valueOf(p.issuedOn())))
                .heading("三、保费")
                .table(java.util.List.of("保费合计", "企业自缴", "财政补贴"), java.util.List.of(java.util.List.of(
                        p.premiumCents() == null ? "由政府全额支付" : usd(p.premiumCents()),
                        usd(p.enterprisePartCents()),
                        p.subsidyCents() == null ? "全额" : usd(p.subsidyCents()))))
                .signatures(Block.Party.signed("保险人", insurer.nameZh(), "电子签发", issued(p)).sealed())
                .footer("本电子保单与纸质保单具有同等法律效力。")
                .build();
        return renderer.render(doc);
    }

    /** The invoice (发票) for the enterprise's premium payment. */
    public byte[] invoice(Policy p, PremiumPayments.Invoice invoice, PremiumPayments.Payment payment, PremiumDue due) {
        PdfDocument doc = PdfDocument.builder("保费发票")
                .reference("发票号 " + invoice.number() + " · 保单号 " + p.policyNumber())
                .fields(new Block.Field("付款单位", invoice.enterpriseName()),
                        new Block.Field("统一社会信用代码", p.uscc()),
                        new Block.Field("收款单位", insurer.nameZh() + "（机构编码 " + insurer.institutionCode() + "）"),
                        new Block.Field("项目", "企业自缴保费"),
                        new Block.Field("计算", due.formulaZh()),
                        new Block.Field("金额", usd(invoice.amountCents())),
                        new Block.Field("到账日期", String.valueOf(payment.receivedOn())),
                        new Block.Field("银行转账流水号", payment.reference()),
                        new Block.Field("开具日期", String.valueOf(invoice.issuedAt().atZone(zone).toLocalDate())))
                .footer("本发票记录由出口信用单一窗口生成。")
                .build();
        return renderer.render(doc);
    }

    private static LocalDate issued(Policy p) {
        return p.issuedOn();
    }

    private static String premium(Policy p) {
        if (p.premiumCents() == null) {
            return "由政府全额支付（企业自缴 0.00 美元）";
        }
        return usd(p.premiumCents()) + "（企业自缴 " + usd(p.enterprisePartCents()) + "，财政补贴 " + usd(p.subsidyCents()) + "）";
    }

    static String usd(long cents) {
        return String.format("%,.2f 美元", BigDecimal.valueOf(cents, 2));
    }

    static String percent(String ratio) {
        return new BigDecimal(ratio).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
