package cn.creditwindow.pdf;

import static cn.creditwindow.pdf.SampleDocuments.CLOCK;
import static cn.creditwindow.pdf.SampleDocuments.FOOTER;
import static cn.creditwindow.pdf.SampleDocuments.MIXED;
import static cn.creditwindow.pdf.SampleDocuments.TITLE;
import static cn.creditwindow.pdf.SampleDocuments.agreement;
import static cn.creditwindow.pdf.SampleDocuments.clause;
import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.PdfText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The rendered PDF read by another program than the one that wrote it: poppler's {@code pdftotext}
 * (Debian: {@code poppler-utils}), as a person's viewer or a search engine would. Without pdftotext the
 * test is skipped with a message, except on CI ({@code CI=true}), where it fails. The PDFs stay in
 * {@code target/pdf/} to be looked at.
 */
class PdfRendererIT {
    private static final Path OUT = Path.of("target", "pdf");
    private final PdfRenderer renderer = PdfRenderer.withDefaultFont(CLOCK);

    @Test
    void pdftotextReadsTheChineseTextBack() throws Exception {
        Path pdf = write("agreement-300-clauses.pdf", renderer.render(agreement(300)));

        String text = PdfText.of(pdf);

        List<String> lines = text.lines().map(String::strip).toList();
        assertThat(lines).contains(TITLE, "协议编号 SA-2026-000123", "一、协议双方", "【电子签章】", FOOTER,
                "甲方（投保人）：深圳市示例科技有限公司", "日期：2026年3月1日");
        assertThat(text).contains("深圳市示例科技有限公司", "Müller Handelsgesellschaft mbH", "阿拉伯联合酋长国",
                "信用限额（美元）", "1,250,000.00", "《中华人民共和国电子签名法》");
        String compact = text.replaceAll("\\s+", "");
        assertThat(compact).contains(MIXED.replaceAll("\\s+", ""), clause(1).replaceAll("\\s+", ""),
                clause(300).replaceAll("\\s+", ""));
        // pdftotext drops the spaces between Chinese characters and digits: 第 3 页 comes back as 第3页.
        List<String> pageNumbers = lines.stream().filter(l -> l.matches("第\\s*\\d+\\s*页\\s*/\\s*共\\s*\\d+\\s*页"))
                .map(l -> l.replaceAll("\\s+", "")).toList();
        int pages = pageNumbers.size();
        assertThat(pages).isGreaterThan(10);
        assertThat(pageNumbers).containsExactlyElementsOf(
                IntStream.rangeClosed(1, pages).mapToObj(n -> "第" + n + "页/共" + pages + "页").toList());
    }

    @Test
    void pdftotextReadsAThreePageAgreement() throws Exception {
        byte[] bytes = renderer.render(agreement(20));
        Path pdf = write("agreement-3-pages.pdf", bytes);

        String text = PdfText.of(pdf);

        // pdftotext drops the spaces between Chinese characters and digits: 第 3 页 comes back as 第3页.
        String compact = text.replaceAll("\\s+", "");
        assertThat(text).contains(TITLE);
        assertThat(compact).contains("第1页/共3页", "第2页/共3页", "第3页/共3页", clause(20).replaceAll("\\s+", ""))
                .doesNotContain("第4页");
        System.out.printf("3-page agreement: %,d bytes (font subset embedded)%n", bytes.length);
    }

    private static Path write(String name, byte[] pdf) throws IOException {
        Files.createDirectories(OUT);
        return Files.write(OUT.resolve(name), pdf);
    }

}
