package cn.creditwindow.pdf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A document for {@link PdfRenderer}: a title, an optional reference line under it, the content blocks,
 * and an optional note at the foot of every page. Immutable; build one with {@link #builder(String)}.
 *
 * <pre>{@code
 * PdfDocument doc = PdfDocument.builder("中国国际贸易“单一窗口”出口信用保险服务协议")
 *         .reference("协议编号 SA-2026-000123")
 *         .heading("一、协议双方")
 *         .fields(new Block.Field("企业名称", "深圳市示例科技有限公司"))
 *         .paragraph("……")
 *         .signatures(Block.Party.signed("甲方", "深圳市示例科技有限公司", "张三", date).sealed())
 *         .footer("本协议以电子形式签署，与纸质协议具有同等法律效力。")
 *         .build();
 * }</pre>
 *
 * @param title     shown at the top of the first page and as the PDF's title; not blank
 * @param reference the line under the title (协议编号 SA-2026-000123), or null for none
 * @param blocks    the content, in order; may be empty
 * @param footer    the note at the foot of every page, above the page number, or null for none; at most
 *                  four lines (about 240 Chinese characters)
 */
public record PdfDocument(String title, String reference, List<Block> blocks, String footer) {
    public PdfDocument {
        Objects.requireNonNull(title, "title");
        if (title.isBlank()) {
            throw new IllegalArgumentException("title is blank");
        }
        reference = blankToNull(reference);
        blocks = List.copyOf(Objects.requireNonNull(blocks, "blocks"));
        footer = blankToNull(footer);
    }

    /** Starts a document with this title. */
    public static Builder builder(String title) {
        return new Builder(title);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** Collects the blocks in order; not thread-safe, {@link #build()} copies what it has. */
    public static final class Builder {
        private final String title;
        private final List<Block> blocks = new ArrayList<>();
        private String reference;
        private String footer;

        private Builder(String title) {
            this.title = title;
        }

        public Builder reference(String reference) {
            this.reference = reference;
            return this;
        }

        public Builder footer(String footer) {
            this.footer = footer;
            return this;
        }

        public Builder add(Block block) {
            blocks.add(Objects.requireNonNull(block, "block"));
            return this;
        }

        public Builder heading(String text) {
            return add(new Block.Heading(text));
        }

        public Builder paragraph(String text) {
            return add(new Block.Paragraph(text));
        }

        public Builder fields(Block.Field... fields) {
            return add(new Block.FieldList(Arrays.asList(fields)));
        }

        public Builder table(List<String> header, List<List<String>> rows) {
            return add(new Block.Table(header, rows));
        }

        public Builder signatures(Block.Party... parties) {
            return add(new Block.Signatures(Arrays.asList(parties)));
        }

        /** Starts a new page for what follows ({@link Block.PageBreak}). */
        public Builder pageBreak() {
            return add(new Block.PageBreak());
        }

        public PdfDocument build() {
            return new PdfDocument(title, reference, blocks, footer);
        }
    }
}
