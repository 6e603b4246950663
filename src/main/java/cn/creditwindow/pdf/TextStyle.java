package cn.creditwindow.pdf;

import java.awt.Color;

/**
 * How a line of text looks: size in points, line height as a multiple of the size, synthetic bold (the
 * glyphs stroked as well as filled, since one font weight is embedded) and colour.
 */
record TextStyle(float size, float leading, boolean bold, Color color) {
    private static final Color INK = new Color(0x1a, 0x1a, 0x1a);
    private static final Color GREY = new Color(0x55, 0x55, 0x55);
    private static final Color SEAL_RED = new Color(0xc8, 0x10, 0x2e);

    static final TextStyle TITLE = new TextStyle(18, 1.45f, true, INK);
    static final TextStyle REFERENCE = new TextStyle(10.5f, 1.5f, false, GREY);
    static final TextStyle HEADING = new TextStyle(13, 1.5f, true, INK);
    static final TextStyle BODY = new TextStyle(10.5f, 1.7f, false, INK);
    static final TextStyle CELL = new TextStyle(10, 1.5f, false, INK);
    static final TextStyle CELL_HEADER = new TextStyle(10, 1.5f, true, INK);
    static final TextStyle SEAL = new TextStyle(12, 1.6f, true, SEAL_RED);
    static final TextStyle FOOTER = new TextStyle(8, 1.4f, false, GREY);
    static final TextStyle PAGE_NUMBER = new TextStyle(9, 1.4f, false, GREY);

    /** The height of one line, in points. */
    float lineHeight() {
        return size * leading;
    }
}
