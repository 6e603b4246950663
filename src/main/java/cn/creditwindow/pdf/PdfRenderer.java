package cn.creditwindow.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

/**
 * Renders {@link PdfDocument}s as A4 PDFs: 20 mm margins, pages added as the content needs them, 第 n 页 /
 * 共 N 页 at the foot of every page, the title and creator ("Export Credit Window") in the document
 * information, and one Chinese font embedded as a subset with a ToUnicode map, so that the PDF shows the
 * same on a machine without Chinese fonts and copying or extracting its text gives the Chinese back.
 *
 * <p>Build one at start-up and share it: it is thread-safe, and building it reads and checks the font
 * (10 MB; under a second in a fresh JVM), so a missing or unusable font fails then, with a message that
 * says what to install, rather than at the first document.
 */
public final class PdfRenderer {
    /** The creator recorded in every PDF's document information. */
    public static final String CREATOR = "Export Credit Window";

    private final CjkFont font;
    private final Clock clock;

    private PdfRenderer(CjkFont font, Clock clock) {
        this.font = font;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A renderer with the font bundled in the service jar, Noto Sans SC Regular (TrueType outlines, SIL
     * Open Font License), which covers GB 2312 and all 20,902 ideographs of U+4E00..U+9FA5.
     *
     * @param clock gives the PDFs' creation date
     * @throws PdfFontException when the font is not on the class path (a jar built without it)
     */
    public static PdfRenderer withDefaultFont(Clock clock) {
        return new PdfRenderer(CjkFont.bundled(), clock);
    }

    /**
     * A renderer with the font in {@code fontFile}: a TrueType font ({@code .ttf}) or collection
     * ({@code .ttc}, whose first font with TrueType outlines and Chinese characters is used). Fonts with
     * CFF outlines, such as Debian's Noto Sans CJK ({@code fonts-noto-cjk}), are refused: PDFBox cannot
     * embed them as subsets.
     *
     * @throws PdfFontException when the file is missing or unreadable, or has no usable font
     */
    public static PdfRenderer withFont(Path fontFile, Clock clock) {
        return new PdfRenderer(CjkFont.file(Objects.requireNonNull(fontFile, "fontFile")), clock);
    }

    /** The font this renderer embeds and where it was read from, for the start-up log. */
    public String font() {
        return font.description();
    }

    /**
     * The PDF of {@code document}.
     *
     * @throws IllegalArgumentException when the document has characters the font cannot show (each is
     *                                  named, with where it occurs); nothing is drawn in their place
     */
    public byte[] render(PdfDocument document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            render(document, out);
        } catch (IOException e) {
            throw new UncheckedIOException("rendering PDF \"" + document.title() + "\"", e);
        }
        return out.toByteArray();
    }

    /**
     * Writes the PDF of {@code document} to {@code out}, which is left open.
     *
     * @throws IOException              when writing to {@code out} fails
     * @throws IllegalArgumentException when the document has characters the font cannot show
     */
    public void render(PdfDocument document, OutputStream out) throws IOException {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(out, "out");
        TrueTypeFont ttf = font.borrow();
        try (PDDocument pdf = new PDDocument()) {
            requireGlyphs(ttf, document);
            describe(pdf, document);
            PageWriter pages = new PageWriter(pdf, PDType0Font.load(pdf, ttf, true), document.footer());
            new DocumentPainter(pages).paint(document);
            pages.finish();
            pdf.save(out);
        } finally {
            // The parsed font holds no per-document state, whatever happened to this document.
            font.release(ttf);
        }
    }

    private void describe(PDDocument pdf, PdfDocument document) {
        PDDocumentInformation info = pdf.getDocumentInformation();
        info.setTitle(document.title());
        info.setCreator(CREATOR);
        info.setCreationDate(GregorianCalendar.from(ZonedDateTime.now(clock)));
        pdf.getDocumentCatalog().setLanguage("zh-CN");
        PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
        preferences.setDisplayDocTitle(true);
        pdf.getDocumentCatalog().setViewerPreferences(preferences);
    }

    private void requireGlyphs(TrueTypeFont ttf, PdfDocument document) throws IOException {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> text : texts(document).entrySet()) {
            List<Integer> missing = Glyphs.missing(ttf, text.getValue());
            if (!missing.isEmpty()) {
                problems.add(Glyphs.list(missing) + " in " + text.getKey());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("cannot render \"" + document.title() + "\": the font " + font()
                    + " has no glyph for " + String.join("; ", problems) + "; remove or replace these characters");
        }
    }

    /** Every text of the document, keyed by where it is ("block 3 (paragraph)"). */
    private static Map<String, String> texts(PdfDocument document) {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("the title", document.title());
        if (document.reference() != null) {
            texts.put("the reference line", document.reference());
        }
        if (document.footer() != null) {
            texts.put("the footer", document.footer());
        }
        List<Block> blocks = document.blocks();
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            List<String> parts = new ArrayList<>();
            if (block instanceof Block.Heading heading) {
                parts.add(heading.text());
            } else if (block instanceof Block.Paragraph paragraph) {
                parts.add(paragraph.text());
            } else if (block instanceof Block.FieldList fields) {
                fields.fields().forEach(f -> parts.addAll(List.of(f.label(), f.value())));
            } else if (block instanceof Block.Table table) {
                parts.addAll(table.header());
                table.rows().forEach(parts::addAll);
            } else if (block instanceof Block.Signatures signatures) {
                for (Block.Party party : signatures.parties()) {
                    parts.addAll(List.of(party.role(), party.name()));
                    parts.add(Objects.requireNonNullElse(party.signer(), ""));
                    parts.add(Objects.requireNonNullElse(party.seal(), ""));
                }
            }
            String kind = block.getClass().getSimpleName().toLowerCase(Locale.ROOT);
            texts.put("block " + (i + 1) + " (" + kind + ")", String.join("\n", parts));
        }
        return texts;
    }
}
