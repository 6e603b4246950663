package cn.creditwindow.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** The documents the PDF tests render: a service agreement with every kind of block, of any length. */
final class SampleDocuments {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T02:30:00Z"), ZoneId.of("Asia/Shanghai"));
    static final String TITLE = "中国国际贸易“单一窗口”出口信用保险服务协议";
    static final String MIXED = "甲方（深圳市示例科技有限公司，Shenzhen Example Technology Co., Ltd.）于2026年3月1日通过"
            + "“单一窗口”提交了《出口信用保险投保单》，申请对德国买方Müller Handelsgesellschaft mbH的信用限额"
            + " USD 1,250,000.00，支付方式为O/A 90 days；乙方应在5个工作日内完成审批，并将结果通知甲方、"
            + "买方所在国（地区）的风险等级以及 Sinosure country rating 的最新变化。";
    static final String FOOTER = "本协议以电子形式签署，与纸质协议具有同等法律效力。";

    private SampleDocuments() {
    }

    /**
     * A service agreement with every kind of block and {@code clauses} numbered clauses (one or two lines
     * each, from {@code pdf/agreement-clauses.txt}, repeated as needed).
     */
    static PdfDocument agreement(int clauses) {
        List<String> texts = clauseTexts();
        PdfDocument.Builder doc = PdfDocument.builder(TITLE)
                .reference("协议编号 SA-2026-000123")
                .footer(FOOTER)
                .heading("一、协议双方")
                .fields(new Block.Field("企业名称", "深圳市示例科技有限公司"),
                        new Block.Field("统一社会信用代码", "91440300MA5FXXXX7Q"),
                        new Block.Field("联系地址", "广东省深圳市南山区粤海街道科技园社区科苑路8号讯美科技广场3号楼18层1801室"),
                        new Block.Field("海关编码", ""))
                .heading("二、服务内容")
                .paragraph(MIXED)
                .table(List.of("序号", "买方名称", "国家（地区）", "信用限额（美元）", "备注"), List.of(
                        List.of("1", "Müller Handelsgesellschaft mbH", "德国", "1,250,000.00", "O/A 90天"),
                        List.of("2", "Global Trading Ltd.", "阿拉伯联合酋长国", "800,000.00", "需补充买方财务报表及近三年经营情况说明"),
                        List.of("3", "PT Sumber Makmur Abadi", "印度尼西亚", "350,000.00", "")))
                .heading("三、协议条款");
        for (int i = 0; i < clauses; i++) {
            doc.paragraph(clause(i + 1));
        }
        return doc.heading("四、签署")
                .signatures(Block.Party.signed("甲方（投保人）", "深圳市示例科技有限公司", "张三", LocalDate.of(2026, 3, 1))
                                .sealed(),
                        Block.Party.unsigned("乙方（保险人）", "中国出口信用保险公司深圳分公司"))
                .build();
    }

    /** The text of clause {@code number} (from 1) of {@link #agreement}. */
    static String clause(int number) {
        List<String> texts = clauseTexts();
        return "第" + number + "条 " + texts.get((number - 1) % texts.size());
    }

    static List<String> clauseTexts() {
        try (InputStream in = SampleDocuments.class.getResourceAsStream("/pdf/agreement-clauses.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("reading pdf/agreement-clauses.txt", e);
        }
    }
}
