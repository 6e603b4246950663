package cn.creditwindow.agreements;

import cn.creditwindow.accounts.Principal;
import cn.creditwindow.pdf.Block;
import cn.creditwindow.pdf.PdfDocument;
import cn.creditwindow.pdf.PdfRenderer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The agreement as a PDF (协议查看 → 下载): the Chinese text it was signed in (the binding one), the parties with
 * the enterprise's name and USCC, the seal used, who signed and countersigned and when, its state and history.
 */
public final class AgreementPdf {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String INSURER = "出口信用保险公司";
    private static final String DATA_CENTRE = "电子口岸数据中心";

    private final Agreements agreements;
    private final PdfRenderer renderer;
    private final ZoneId zone;

    public AgreementPdf(Agreements agreements, PdfRenderer renderer, ZoneId zone) {
        this.agreements = Objects.requireNonNull(agreements, "agreements");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** The PDF of an agreement the principal may see (not found otherwise, as {@link Agreements#find}). */
    public byte[] render(Principal p, long id) {
        Agreement a = agreements.find(p, id);
        return renderer.render(document(a, agreements.history(p, id), agreements.text(a.textVersion(), "zh")));
    }

    /** The file name a download gets. */
    public static String fileName(long id) {
        return "service-agreement-" + id + ".pdf";
    }

    PdfDocument document(Agreement a, List<AgreementEvent> history, AgreementText text) {
        PdfDocument.Builder doc = PdfDocument.builder(text.title())
                .reference("协议编号 " + a.id() + " · 版本 " + a.textVersion() + " · 状态：" + a.state().zh());
        doc.heading("协议各方与签署情况");
        doc.fields(new Block.Field("甲方（企业）", a.enterpriseName()),
                new Block.Field("统一社会信用代码", a.uscc()),
                new Block.Field("乙方（保险公司）", INSURER),
                new Block.Field("丙方（数据中心）", DATA_CENTRE),
                new Block.Field("协议状态", a.state().zh()),
                new Block.Field("签署印章", "印章编号 " + a.seal().id() + " · 类型：" + a.seal().kind().zh() + " · 使用人："
                        + a.seal().holder() + " · 有效期 " + a.seal().validFrom() + " 至 " + a.seal().validUntil()),
                new Block.Field("企业签署人", a.signerName() + " · " + time(a.signedAt())),
                new Block.Field("保险公司签章", a.countersignedAt() == null ? "待保险公司签章"
                        : a.countersignerName() + " · " + time(a.countersignedAt())),
                new Block.Field("终止时间", a.endedAt() == null ? "" : time(a.endedAt())));
        text.preamble().forEach(doc::paragraph);
        for (AgreementText.Clause c : text.clauses()) {
            doc.heading(c.heading());
            c.paragraphs().forEach(doc::paragraph);
        }
        doc.heading("协议流程");
        List<List<String>> rows = new ArrayList<>();
        for (AgreementEvent e : history) {
            rows.add(List.of(time(e.at()), e.action().zh(), e.actorName() + "（" + e.actorRole().zh() + "）",
                    e.toState().zh(), e.reason() == null ? "" : e.reason()));
        }
        doc.table(List.of("时间", "事项", "办理人", "状态", "原因"), rows);
        Block.Party enterprise = Block.Party.signed("甲方（企业）", a.enterpriseName(), a.signerName(),
                a.signedAt().atZone(zone).toLocalDate()).sealed();
        Block.Party insurer = a.countersignedAt() == null ? Block.Party.unsigned("乙方（保险公司）", INSURER)
                : Block.Party.signed("乙方（保险公司）", INSURER, a.countersignerName(),
                        a.countersignedAt().atZone(zone).toLocalDate()).sealed();
        doc.signatures(enterprise, insurer);
        doc.footer("本协议以电子形式签署，各方通过中国国际贸易“单一窗口”查阅和下载的协议文本具有同等效力。");
        return doc.build();
    }

    private String time(java.time.Instant t) {
        return TIME.format(t.atZone(zone));
    }
}
