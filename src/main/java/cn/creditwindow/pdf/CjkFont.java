package cn.creditwindow.pdf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The Chinese font every PDF embeds: its file read once into memory and checked, and parsed copies of it
 * lent to one render at a time. A parsed FontBox font reads its tables lazily and is not safe to share
 * between threads, and parsing one takes 15-40 ms (and logs a warning about its cmap), so each idle copy
 * is kept for the next render; there are at most as many as renders ever ran at once.
 */
final class CjkFont {
    /** Where the bundled font is on the class path (from com.helger.font:ph-fonts-noto-sans-sc). */
    static final String BUNDLED = "fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";
    /** Characters any font for these documents must have: the renderer's own texts, and a sample. */
    private static final String PROBE = "第 页 / 共 签字：日期年月日_【电子签章】中国出口信用保险，。、“”《》（）0123456789ABCabc";
    private static final String INSTEAD = "a TrueType font that covers Chinese, such as"
            + " /usr/share/fonts/truetype/wqy/wqy-microhei.ttc (Debian: apt-get install fonts-wqy-microhei)";

    private final byte[] bytes;
    private final String nameInCollection; // null for a single-font file
    private final String description;
    private final Queue<TrueTypeFont> idle = new ConcurrentLinkedQueue<>();

    private CjkFont(byte[] bytes, String nameInCollection, String description, TrueTypeFont parsed) {
        this.bytes = bytes;
        this.nameInCollection = nameInCollection;
        this.description = description;
        idle.add(parsed);
    }

    /** The font bundled in the jar: Noto Sans SC Regular with TrueType outlines. */
    static CjkFont bundled() {
        try (InputStream in = CjkFont.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new PdfFontException("the bundled Chinese font " + BUNDLED + " is not on the class path: build"
                        + " the service with `mvn package` (the font comes from the Maven artifact"
                        + " com.helger.font:ph-fonts-noto-sans-sc), or pass " + INSTEAD + " to PdfRenderer.withFont");
            }
            return load(in.readAllBytes(), "classpath:" + BUNDLED);
        } catch (IOException e) {
            throw new PdfFontException("reading the bundled Chinese font " + BUNDLED + ": " + e.getMessage(), e);
        }
    }

    /** A font file: a TrueType font (.ttf) or collection (.ttc), whose first font covering Chinese is used. */
    static CjkFont file(Path file) {
        try {
            return load(Files.readAllBytes(file), file.toString());
        } catch (NoSuchFileException e) {
            throw new PdfFontException("font file " + file + " does not exist; install or pass " + INSTEAD, e);
        } catch (IOException e) {
            throw new PdfFontException("reading font file " + file + ": " + e, e);
        }
    }

    private static CjkFont load(byte[] bytes, String source) throws IOException {
        String tag = bytes.length < 4 ? "" : new String(bytes, 0, 4, StandardCharsets.ISO_8859_1);
        if (tag.equals("OTTO")) {
            throw new PdfFontException("font file " + source + " has CFF (PostScript) outlines, which PDFBox cannot"
                    + " embed as a subset; pass " + INSTEAD);
        }
        if (tag.equals("ttcf")) {
            return fromCollection(bytes, source);
        }
        TrueTypeFont font = parse(bytes, null);
        String missing = missing(font);
        if (!missing.isEmpty()) {
            throw new PdfFontException("font file " + source + " (" + font.getName() + ") has no glyph for "
                    + missing + "; pass " + INSTEAD);
        }
        return new CjkFont(bytes, null, font.getName() + " from " + source, font);
    }

    private static CjkFont fromCollection(byte[] bytes, String source) throws IOException {
        List<String> rejected = new ArrayList<>();
        TrueTypeFont[] chosen = new TrueTypeFont[1];
        try (TrueTypeCollection collection = new TrueTypeCollection(new ByteArrayInputStream(bytes))) {
            collection.processAllFonts(font -> {
                if (chosen[0] != null) {
                    return;
                }
                if (font instanceof OpenTypeFont otf && otf.isPostScript()) {
                    rejected.add(font.getName() + " has CFF (PostScript) outlines, which PDFBox cannot embed as a subset");
                    return;
                }
                String missing = missing(font);
                if (missing.isEmpty()) {
                    chosen[0] = font;
                } else {
                    rejected.add(font.getName() + " has no glyph for " + missing);
                }
            });
        }
        if (chosen[0] == null) {
            throw new PdfFontException("no font in " + source + " can be used: " + String.join("; ", rejected)
                    + "; pass " + INSTEAD);
        }
        String name = chosen[0].getName();
        // Parse it again on its own: the collection it came from is closed.
        return new CjkFont(bytes, name, name + " from " + source, parse(bytes, name));
    }

    private static TrueTypeFont parse(byte[] bytes, String nameInCollection) throws IOException {
        TrueTypeFont font;
        if (nameInCollection == null) {
            font = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
        } else {
            // Left open on purpose: closing the collection would close the font it returns.
            @SuppressWarnings("resource")
            TrueTypeCollection collection = new TrueTypeCollection(new ByteArrayInputStream(bytes));
            font = collection.getFontByName(nameInCollection);
        }
        // No glyph substitution: horizontal Chinese needs none, and with it PDFBox runs its Latin ligature
        // rules over every string shown (most of the time of a render), and drawn glyphs could differ from
        // the widths the lines were measured with.
        font.setEnableGsub(false);
        return font;
    }

    /** The probe characters {@code font} lacks, as "中 (U+4E2D), …"; empty when it has them all. */
    private static String missing(TrueTypeFont font) throws IOException {
        return Glyphs.list(Glyphs.missing(font, PROBE));
    }

    /** Which font this is and where it was read from, e.g. "NotoSansSC-Regular from classpath:fonts/…". */
    String description() {
        return description;
    }

    /** A parsed copy of the font for one render; give it back with {@link #release} when the render succeeded. */
    TrueTypeFont borrow() {
        TrueTypeFont font = idle.poll();
        if (font != null) {
            return font;
        }
        try {
            return parse(bytes, nameInCollection);
        } catch (IOException e) {
            // It parsed when the renderer was built, from the same bytes in memory.
            throw new IllegalStateException("parsing " + description + " again failed", e);
        }
    }

    /** Returns a borrowed copy for the next render. */
    void release(TrueTypeFont font) {
        idle.add(font);
    }
}
