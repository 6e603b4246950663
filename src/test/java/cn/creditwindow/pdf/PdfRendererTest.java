package cn.creditwindow.pdf;

import static cn.creditwindow.pdf.SampleDocuments.CLOCK;
import static cn.creditwindow.pdf.SampleDocuments.FOOTER;
import static cn.creditwindow.pdf.SampleDocuments.MIXED;
import static cn.creditwindow.pdf.SampleDocuments.TITLE;
import static cn.creditwindow.pdf.SampleDocuments.agreement;
import static cn.creditwindow.pdf.SampleDocuments.clause;
import static cn.creditwindow.pdf.SampleDocuments.clauseTexts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfRendererTest {
    private static final PdfRenderer renderer = PdfRenderer.withDefaultFont(CLOCK);

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    static String pageText(PDDocument doc, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(doc);
    }

    static String withoutSpaces(String text) {
        return text.replaceAll("\\s+", "");
    }

    @Test
    void textComesBackExactlyFromEveryKindOfBlock() throws IOException {
        String text = text(renderer.render(agreement(20)));

        assertThat(text.lines().map(String::strip)).contains(
                TITLE,
                "协议编号 SA-2026-000123",
                "一、协议双方",
                "企业名称 深圳市示例科技有限公司",
                "统一社会信用代码 91440300MA5FXXXX7Q",
                "三、协议条款",
                "甲方（投保人）：深圳市示例科技有限公司",
                "乙方（保险人）：",
                "中国出口信用保险公司深圳分公司",
                "签字：张三",
                "日期：2026年3月1日",
                "【电子签章】",
                "签字：________________",
                "日期：________年____月____日",
                FOOTER);
        assertThat(text).contains("Müller Handelsgesellschaft mbH", "阿拉伯联合酋长国", "1,250,000.00", "国家（地区）",
                "信用限额（美元）", "Global Trading Ltd.", "印度尼西亚");
        assertThat(withoutSpaces(text)).contains(withoutSpaces(MIXED),
                withoutSpaces(clause(7)),
                withoutSpaces("广东省深圳市南山区粤海街道科技园社区科苑路8号讯美科技广场3号楼18层1801室"));
    }

    @Test
    void wrapsLongTextWithoutBreakingLatinWords() throws IOException {
        String english = "短期出口信用保险（Short-term Export Credit Insurance）承保的商业风险包括 buyer insolvency,"
                + " protracted default and repudiation of contract；政治风险包括 transfer restrictions, war, civil"
                + " disturbance and cancellation of import licences，赔偿比例分别为90%和95%。";
        String text = text(renderer.render(PdfDocument.builder(TITLE).paragraph(MIXED).paragraph(english).build()));
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();

        List<String> paragraphLines = lines.subList(1, lines.size() - 1); // between the title and the page number
        assertThat(paragraphLines).hasSizeGreaterThanOrEqualTo(7);
        assertThat(withoutSpaces(String.join("", paragraphLines))).isEqualTo(withoutSpaces(MIXED + english));
        for (String word : (MIXED + english).split("[^A-Za-zü]+")) {
            if (word.length() > 1) {
                assertThat(paragraphLines).as("a line holding the whole word %s", word).anyMatch(l -> l.contains(word));
            }
        }
    }

    @Test
    void neverStartsALineWithClosingPunctuationNorEndsOneWithOpening() throws IOException {
        List<String> lines = text(renderer.render(agreement(60))).lines().map(String::strip)
                .filter(l -> !l.isEmpty()).toList();

        assertThat(lines).hasSizeGreaterThan(100);
        assertThat(lines).noneMatch(l -> "，。、；：？！）》”".indexOf(l.charAt(0)) >= 0);
        assertThat(lines).noneMatch(l -> "（《“".indexOf(l.charAt(l.length() - 1)) >= 0);
    }

    @Test
    void breaksAndNumbersThePagesOfALongDocument() throws IOException {
        byte[] pdf = renderer.render(agreement(300));

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int pages = doc.getNumberOfPages();
            assertThat(pages).isGreaterThan(10);
            for (int page = 1; page <= pages; page++) {
                assertThat(pageText(doc, page)).contains("第 " + page + " 页 / 共 " + pages + " 页", FOOTER);
            }
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isCloseTo(595.28f, within(0.01f));
            assertThat(pageText(doc, pages)).contains("【电子签章】");
        }
        assertThat(withoutSpaces(text(pdf))).contains(withoutSpaces(clause(300)));
    }

    @Test
    void embedsTheFontAsASubsetWithAToUnicodeMap() throws IOException {
        byte[] pdf = renderer.render(agreement(300));

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDResources resources = doc.getPage(0).getResources();
            List<PDFont> fonts = new ArrayList<>();
            for (COSName name : resources.getFontNames()) {
                fonts.add(resources.getFont(name));
            }
            assertThat(fonts).singleElement().satisfies(font -> {
                assertThat(font).isInstanceOf(PDType0Font.class);
                assertThat(font.isEmbedded()).isTrue();
                assertThat(font.getName()).matches("[A-Z]{6}\\+NotoSansSC-Regular");
                assertThat(font.getCOSObject().containsKey(COSName.TO_UNICODE)).isTrue();
                assertThat(((PDType0Font) font).getDescendantFont().getFontDescriptor().getFontFile2()).isNotNull();
            });
        }
        // The whole font is 10 MB; the few hundred characters used take a small fraction of it.
        assertThat(pdf.length).isLessThan(1_000_000);
    }

    @Test
    void recordsTitleCreatorDateAndLanguage() throws IOException {
        try (PDDocument doc = Loader.loadPDF(renderer.render(agreement(1)))) {
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo(TITLE);
            assertThat(doc.getDocumentInformation().getCreator()).isEqualTo("Export Credit Window");
            assertThat(doc.getDocumentInformation().getCreationDate().toInstant()).isEqualTo(CLOCK.instant());
            assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("zh-CN");
        }
    }

    @Test
    void repeatsTheTableHeaderOnEveryPageTheTableRunsOn() throws IOException {
        List<List<String>> rows = IntStream.rangeClosed(1, 150)
                .mapToObj(i -> List.of(String.valueOf(i), "买方" + i + " Trading Co., Ltd.", "越南", i + ",000.00")).toList();
        byte[] pdf = renderer.render(PdfDocument.builder("买方信用限额清单")
                .table(List.of("序号", "买方名称", "国家（地区）", "信用限额（美元）"), rows).build());

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(2);
            for (int page = 1; page <= doc.getNumberOfPages(); page++) {
                assertThat(pageText(doc, page).lines().filter(l -> l.contains("序号 买方名称 国家（地区） 信用限额（美元）")))
                        .as("header on page %d", page).hasSize(1);
            }
            assertThat(pageText(doc, doc.getNumberOfPages())).contains("150 买方150 Trading Co., Ltd. 越南 150,000.00");
        }
    }

    @Test
    void splitsATableCellLongerThanAPageAcrossPages() throws IOException {
        String longCell = String.join("", clauseTexts()).repeat(4);
        byte[] pdf = renderer.render(PdfDocument.builder("索赔案件出运情况报告")
                .table(List.of("项目", "说明"), List.of(List.of("案情经过", longCell), List.of("结论", "同意受理"))).build());

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(1);
        }
        // The cell's text comes back whole once the page numbers and the repeated header are left out.
        List<String> lines = text(pdf).lines().toList();
        assertThat(lines).filteredOn(l -> l.equals("项目 说明")).hasSizeGreaterThan(1);
        String cells = lines.stream().filter(l -> !l.matches("第 \\d+ 页 / 共 \\d+ 页|项目 说明"))
                .collect(Collectors.joining());
        assertThat(withoutSpaces(cells)).contains(withoutSpaces(longCell) + "结论同意受理");
    }

    @Test
    void aPageBreakStartsTheNextBlockOnANewPageAndLeavesNoBlankPage() throws IOException {
        PdfDocument doc = PdfDocument.builder(TITLE).paragraph("第一套出运信息").pageBreak().pageBreak()
                .paragraph("第二套出运信息").pageBreak().build();
        try (PDDocument pdf = Loader.loadPDF(renderer.render(doc))) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(2);
            assertThat(withoutSpaces(pageText(pdf, 1))).contains("第一套出运信息").doesNotContain("第二套");
            assertThat(withoutSpaces(pageText(pdf, 2))).contains("第二套出运信息").doesNotContain("第一套");
        }
    }

    @Test
    void rendersATitleOnlyDocumentOnOnePage() throws IOException {
        String text = text(renderer.render(PdfDocument.builder("电子保单").build()));

        assertThat(text.lines().map(String::strip).filter(l -> !l.isEmpty())).containsExactly("电子保单", "第 1 页 / 共 1 页");
    }

    @Test
    void rendersTheSameFromManyThreadsAtOnce() throws Exception {
        PdfDocument doc = agreement(40);
        String expected = text(renderer.render(doc));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> results = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                results.add(pool.submit(() -> renderer.render(doc)));
            }
            for (Future<byte[]> result : results) {
                assertThat(text(result.get())).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refusesCharactersTheFontLacksAndNamesThem() {
        PdfDocument doc = PdfDocument.builder(TITLE).heading("说明").paragraph("货物已出运 \uD83D\uDE00 请查收").build();

        assertThatThrownBy(() -> renderer.render(doc))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("U+1F600")
                .hasMessageContaining("block 2 (paragraph)");
    }

    @Test
    void refusesAFooterNoteTooLongForTheFootOfAPage() {
        PdfDocument doc = PdfDocument.builder(TITLE).footer(clauseTexts().get(0).repeat(5)).build();

        assertThatThrownBy(() -> renderer.render(doc))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching("the footer note takes \\d+ lines; at most 4 fit at the foot of a page");
    }

    @Test
    void reportsTheBundledFont() {
        assertThat(renderer.font()).isEqualTo("NotoSansSC-Regular from classpath:" + CjkFont.BUNDLED);
    }

    @Test
    void takesAnExplicitTrueTypeFontFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("NotoSansSC-Regular.ttf");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(CjkFont.BUNDLED)) {
            Files.copy(in, file);
        }
        PdfRenderer fromFile = PdfRenderer.withFont(file, CLOCK);

        assertThat(fromFile.font()).isEqualTo("NotoSansSC-Regular from " + file);
        assertThat(text(fromFile.render(agreement(3)))).contains(TITLE, "深圳市示例科技有限公司");
    }

    @Test
    void failsEarlyNamingWhatToInstallWhenTheFontFileIsMissing(@TempDir Path dir) {
        Path missing = dir.resolve("simsun.ttf");

        assertThatThrownBy(() -> PdfRenderer.withFont(missing, CLOCK))
                .isInstanceOf(PdfFontException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("fonts-wqy-microhei");
    }

    @Test
    void refusesAFontWithCffOutlines(@TempDir Path dir) throws IOException {
        Path otf = dir.resolve("SourceHanSansSC-Regular.otf");
        byte[] bytes = new byte[64];
        System.arraycopy("OTTO".getBytes(StandardCharsets.ISO_8859_1), 0, bytes, 0, 4);
        Files.write(otf, bytes);

        assertThatThrownBy(() -> PdfRenderer.withFont(otf, CLOCK))
                .isInstanceOf(PdfFontException.class)
                .hasMessageContaining("CFF (PostScript) outlines")
                .hasMessageContaining("fonts-wqy-microhei");
    }

    @Test
    void refusesDebiansNotoSansCjkCollectionWhoseFontsAreAllCff() {
        Path ttc = Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");
        Assumptions.assumeTrue(Files.isReadable(ttc), "fonts-noto-cjk is not installed");

        assertThatThrownBy(() -> PdfRenderer.withFont(ttc, CLOCK))
                .isInstanceOf(PdfFontException.class)
                .hasMessageContaining("no font in " + ttc)
                .hasMessageContaining("NotoSansCJKsc-Regular has CFF (PostScript) outlines");
    }

    @Test
    void refusesAFontWithoutChineseCharacters(@TempDir Path dir) throws IOException {
        Path dejavu = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
        Assumptions.assumeTrue(Files.isReadable(dejavu), "fonts-dejavu-core is not installed");

        assertThatThrownBy(() -> PdfRenderer.withFont(dejavu, CLOCK))
                .isInstanceOf(PdfFontException.class)
                .hasMessageContaining("has no glyph for 第 (U+7B2C)");
    }

    @Test
    void rejectsTableRowsOfTheWrongWidth() {
        assertThatThrownBy(() -> new Block.Table(List.of("序号", "买方名称"), List.of(Arrays.asList("1"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("table row 1 has 1 cells but the header has 2");
    }
}
