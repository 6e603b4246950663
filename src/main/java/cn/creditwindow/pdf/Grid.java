package cn.creditwindow.pdf;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of cells drawn across the body width: tables, field lists and signature blocks. A cell is a
 * stack of pieces of text, each wrapped to the cell's width. A row that does not fit on the rest of the
 * page moves to the next page; only a row taller than a whole page is split between pages, line by
 * line. The header row, if any, is repeated at the top of every page the grid continues on.
 */
final class Grid {
    static final float PAD_X = 5;
    static final float PAD_Y = 3;
    /** Cell texts up to this many Chinese characters wide are not wrapped when the columns can avoid it. */
    private static final float SHORT_TEXT = 8;
    private static final Color BORDER = new Color(0x8c, 0x8c, 0x8c);

    /** One wrapped piece of a cell's text. */
    record Piece(String text, TextStyle style) {
    }

    /** A cell: its pieces, top to bottom, and its background ({@code null} for none). */
    record Cell(List<Piece> pieces, Color fill) {
        static Cell of(String text, TextStyle style, Color fill) {
            return new Cell(List.of(new Piece(text, style)), fill);
        }
    }

    private record Line(String text, TextStyle style) {
    }

    private final PageWriter page;
    private final float[] widths;
    private final boolean borders;
    private List<Cell> header;
    private List<List<Line>> headerLines;
    private float headerHeight;
    private boolean repeatHeader;
    private boolean headerShown;
    private boolean headerOnPage = true;

    Grid(PageWriter page, float[] widths, boolean borders) {
        this.page = page;
        this.widths = widths.clone();
        this.borders = borders;
    }

    /** Sets the header row, drawn above the first row and repeated on the following pages. */
    void header(List<Cell> cells) {
        header = cells;
        headerLines = layout(cells);
        headerHeight = height(headerLines, new int[cells.size()]);
        // A header that takes a third of a page is shown once, not on every page.
        repeatHeader = headerHeight <= page.pageHeight() / 3;
        headerOnPage = false;
    }

    /** Draws one row below what is already on the page, starting new pages as needed. */
    void row(List<Cell> cells) throws IOException {
        List<List<Line>> lines = layout(cells);
        int[] from = new int[cells.size()];
        while (true) {
            float rest = height(lines, from);
            float head = headerOnPage ? 0 : headerHeight;
            if (head + rest <= page.remaining()) {
                drawHeaderIfDue();
                draw(cells, lines, from, ends(lines));
                return;
            }
            float nextHead = header != null && (repeatHeader || !headerShown) ? headerHeight : 0;
            if (!page.atTop() && nextHead + rest <= page.pageHeight()) {
                nextPage();
                continue;
            }
            // Taller than a whole page (or no room left at all): fill this page, go on on the next one.
            int[] to = fitting(lines, from, page.remaining() - head - 2 * PAD_Y, page.atTop());
            if (to != null) {
                drawHeaderIfDue();
                draw(cells, lines, from, to);
                from = to;
            }
            nextPage();
        }
    }

    /** Ends the grid: a header without rows is still shown. */
    void end() throws IOException {
        if (header != null && !headerShown) {
            page.ensure(headerHeight);
            drawHeaderIfDue();
        }
    }

    private void nextPage() throws IOException {
        page.newPage();
        headerOnPage = header == null || (headerShown && !repeatHeader);
    }

    private void drawHeaderIfDue() throws IOException {
        if (!headerOnPage) {
            draw(header, headerLines, new int[header.size()], ends(headerLines));
            headerOnPage = true;
            headerShown = true;
        }
    }

    private List<List<Line>> layout(List<Cell> cells) {
        if (cells.size() != widths.length) {
            throw new IllegalArgumentException(cells.size() + " cells for " + widths.length + " columns");
        }
        List<List<Line>> all = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            float inner = widths[i] - 2 * PAD_X;
            List<Line> lines = new ArrayList<>();
            for (Piece piece : cells.get(i).pieces()) {
                page.wrap(piece.text(), inner, inner, piece.style())
                        .forEach(l -> lines.add(new Line(l.text(), piece.style())));
            }
            all.add(lines);
        }
        return all;
    }

    /** The height of the lines from {@code from} on, padding included. */
    private static float height(List<List<Line>> lines, int[] from) {
        return height(lines, from, ends(lines));
    }

    private static float height(List<List<Line>> lines, int[] from, int[] to) {
        float tallest = 0;
        for (int i = 0; i < lines.size(); i++) {
            float h = 0;
            for (Line line : lines.get(i).subList(from[i], to[i])) {
                h += line.style().lineHeight();
            }
            tallest = Math.max(tallest, h);
        }
        return tallest + 2 * PAD_Y;
    }

    private static int[] ends(List<List<Line>> lines) {
        return lines.stream().mapToInt(List::size).toArray();
    }

    /**
     * How far each cell's lines reach within {@code available}; null when not one line fits, unless
     * {@code force}, when the first cell with lines left gives one (so a page always makes progress).
     */
    private static int[] fitting(List<List<Line>> lines, int[] from, float available, boolean force) {
        int[] to = from.clone();
        boolean any = false;
        for (int i = 0; i < lines.size(); i++) {
            float used = 0;
            while (to[i] < lines.get(i).size() && used + lines.get(i).get(to[i]).style().lineHeight() <= available) {
                used += lines.get(i).get(to[i]).style().lineHeight();
                to[i]++;
            }
            any |= to[i] > from[i];
        }
        if (!any && force) {
            for (int i = 0; i < lines.size(); i++) {
                if (from[i] < lines.get(i).size()) {
                    to[i] = from[i] + 1;
                    return to;
                }
            }
        }
        return any || force ? to : null;
    }

    private void draw(List<Cell> cells, List<List<Line>> lines, int[] from, int[] to) throws IOException {
        float top = page.y();
        float rowHeight = height(lines, from, to);
        float x = page.left();
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).fill() != null) {
                page.fill(x, top, widths[i], rowHeight, cells.get(i).fill());
            }
            float lineTop = top - PAD_Y;
            for (Line line : lines.get(i).subList(from[i], to[i])) {
                page.text(line.text(), x + PAD_X, lineTop, line.style());
                lineTop -= line.style().lineHeight();
            }
            if (borders) {
                page.frame(x, top, widths[i], rowHeight, BORDER);
            }
            x += widths[i];
        }
        page.down(rowHeight);
    }

    /**
     * Column widths that fill {@code available} and follow the content: each column gets at least its
     * longest word, or its whole text when that is short (序号, 国家（地区）), when they all fit; the rest
     * is shared in proportion to how much more each column would need to show its cells on one line.
     */
    static float[] columnWidths(List<List<String>> rows, float available, PageWriter page, TextStyle style) {
        float shortText = SHORT_TEXT * style.size();
        int columns = rows.get(0).size();
        float[] min = new float[columns];
        float[] preferred = new float[columns];
        for (List<String> row : rows) {
            for (int i = 0; i < columns; i++) {
                String text = row.get(i);
                float longest = 0;
                for (String line : text.split("\n", -1)) {
                    longest = Math.max(longest, page.width(line.strip(), style));
                }
                preferred[i] = Math.max(preferred[i], longest);
                min[i] = Math.max(min[i], longest <= shortText
                        ? longest
                        : (float) LineBreaker.widestUnbreakable(text, s -> page.width(s, style)));
            }
        }
        float minSum = 0;
        float preferredSum = 0;
        for (int i = 0; i < columns; i++) {
            min[i] += 2 * PAD_X;
            preferred[i] += 2 * PAD_X;
            minSum += min[i];
            preferredSum += preferred[i];
        }
        float[] widths = new float[columns];
        for (int i = 0; i < columns; i++) {
            if (preferredSum <= available) {
                widths[i] = preferred[i] * available / preferredSum;
            } else if (minSum >= available) {
                widths[i] = min[i] * available / minSum;
            } else {
                widths[i] = min[i] + (preferred[i] - min[i]) * (available - minSum) / (preferredSum - minSum);
            }
        }
        return widths;
    }
}
