package cn.creditwindow.pdf;

import java.awt.Color;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * Draws on the A4 pages of one document, top to bottom, starting a new page when asked: a cursor (the
 * top of the space not yet used on the current page) and drawing primitives in points. Once the content
 * is done, {@link #finish()} writes every page's footer: the note and 第 n 页 / 共 N 页. One per render;
 * not thread-safe.
 */
final class PageWriter {
    static final PDRectangle PAGE = PDRectangle.A4;
    /** 20 mm on the top, left and right; the bottom margin holds the footer. */
    static final float MARGIN = 56.7f;
    private static final float PAGE_NUMBER_BOTTOM = 28;
    private static final float FOOTER_GAP = 10;
    private static final int MAX_FOOTER_LINES = 4;
    /** Where a glyph's em box puts the baseline, below its top, for Chinese fonts (Noto: 880 of 1000). */
    private static final float ASCENT = 0.88f;
    private static final Color RULE = new Color(0xb0, 0xb0, 0xb0);

    private final PDDocument document;
    private final PDType0Font font;
    private final List<LineBreaker.Line> footer;
    private final float bodyBottom;
    private PDPageContentStream out;
    private float y;

    /** Opens the first page; {@code footerNote} (may be null) goes at the foot of every page. */
    PageWriter(PDDocument document, PDType0Font font, String footerNote) throws IOException {
        this.document = document;
        this.font = font;
        this.footer = footerNote == null ? List.of() : wrap(footerNote, width(), width(), TextStyle.FOOTER);
        if (footer.size() > MAX_FOOTER_LINES) {
            throw new IllegalArgumentException("the footer note takes " + footer.size() + " lines; at most "
                    + MAX_FOOTER_LINES + " fit at the foot of a page");
        }
        float footerTop = PAGE_NUMBER_BOTTOM + TextStyle.PAGE_NUMBER.lineHeight()
                + footer.size() * TextStyle.FOOTER.lineHeight();
        this.bodyBottom = footerTop + FOOTER_GAP * 2;
        newPage();
    }

    float left() {
        return MARGIN;
    }

    float width() {
        return PAGE.getWidth() - 2 * MARGIN;
    }

    /** The top of the unused space on the current page. */
    float y() {
        return y;
    }

    void down(float height) {
        y -= height;
    }

    /** The height left on the current page. */
    float remaining() {
        return y - bodyBottom;
    }

    /** The height a fresh page offers. */
    float pageHeight() {
        return PAGE.getHeight() - MARGIN - bodyBottom;
    }

    void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        PDPage page = new PDPage(PAGE);
        document.addPage(page);
        out = new PDPageContentStream(document, page);
        y = PAGE.getHeight() - MARGIN;
    }

    /** True when nothing has been drawn on the current page yet. */
    boolean atTop() {
        return y >= PAGE.getHeight() - MARGIN;
    }

    /** Starts a new page unless {@code height} fits on this one or this one is still empty. */
    void ensure(float height) throws IOException {
        if (height > remaining() && !atTop()) {
            newPage();
        }
    }

    float width(String text, TextStyle style) {
        try {
            return font.getStringWidth(text) / 1000 * style.size();
        } catch (IOException e) {
            throw new IllegalStateException("measuring " + text, e);
        }
    }

    List<LineBreaker.Line> wrap(String text, float firstWidth, float width, TextStyle style) {
        return LineBreaker.wrap(text, firstWidth, width, s -> width(s, style));
    }

    /** Draws one line of text whose line box has its top at {@code top}. */
    void text(String text, float x, float top, TextStyle style) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        float baseline = top - (style.lineHeight() - style.size()) / 2 - style.size() * ASCENT;
        out.beginText();
        out.setFont(font, style.size());
        out.setNonStrokingColor(style.color());
        if (style.bold()) {
            // One weight is embedded: bold is the glyphs outlined as well as filled.
            out.setRenderingMode(RenderingMode.FILL_STROKE);
            out.setStrokingColor(style.color());
            out.setLineWidth(style.size() * 0.04f);
        }
        out.newLineAtOffset(x, baseline);
        out.showText(text);
        if (style.bold()) {
            out.setRenderingMode(RenderingMode.FILL);
        }
        out.endText();
    }

    void fill(float x, float top, float width, float height, Color color) throws IOException {
        out.setNonStrokingColor(color);
        out.addRect(x, top - height, width, height);
        out.fill();
    }

    void frame(float x, float top, float width, float height, Color color) throws IOException {
        out.setStrokingColor(color);
        out.setLineWidth(0.5f);
        out.addRect(x, top - height, width, height);
        out.stroke();
    }

    /** Ends the last page and writes the footer on every page. */
    void finish() throws IOException {
        out.close();
        int count = document.getNumberOfPages();
        for (int i = 0; i < count; i++) {
            try (PDPageContentStream footerOut = new PDPageContentStream(document, document.getPage(i),
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                out = footerOut;
                writeFooter(i + 1, count);
            }
        }
    }

    private void writeFooter(int page, int count) throws IOException {
        float top = PAGE_NUMBER_BOTTOM + TextStyle.PAGE_NUMBER.lineHeight()
                + footer.size() * TextStyle.FOOTER.lineHeight();
        out.setStrokingColor(RULE);
        out.setLineWidth(0.5f);
        out.moveTo(left(), top + FOOTER_GAP);
        out.lineTo(left() + width(), top + FOOTER_GAP);
        out.stroke();
        for (LineBreaker.Line line : footer) {
            centred(line.text(), top, TextStyle.FOOTER);
            top -= TextStyle.FOOTER.lineHeight();
        }
        centred("第 " + page + " 页 / 共 " + count + " 页", top, TextStyle.PAGE_NUMBER);
    }

    /** Draws one line centred between the margins. */
    void centred(String text, float top, TextStyle style) throws IOException {
        text(text, left() + (width() - width(text, style)) / 2, top, style);
    }
}
