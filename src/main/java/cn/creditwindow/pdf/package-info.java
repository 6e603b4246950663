/**
 * PDF documents with Chinese text: agreements, application forms, policies, credit and claim reports
 * describe themselves as a {@link cn.creditwindow.pdf.PdfDocument} (a title, a reference line, headings,
 * paragraphs, field lists, tables, signatures, a footer note), and {@link cn.creditwindow.pdf.PdfRenderer}
 * lays it out on A4 pages with Apache PDFBox 3, wrapping Chinese and Latin text by Unicode's line-breaking
 * rules (through ICU), breaking pages as needed and numbering them.
 *
 * <p><b>The font.</b> PDFs embed one font, as a subset with a ToUnicode map, so that they show the same
 * everywhere and their text can be copied and searched. It is Noto Sans SC Regular with TrueType outlines
 * (SIL Open Font License 1.1), bundled in the service jar from the Maven Central artifact
 * {@code com.helger.font:ph-fonts-noto-sans-sc}, so the service needs no system fonts. It covers GB 2312
 * and the whole U+4E00..U+9FA5 block, and adds about 6 MB to the jar (the build keeps only this weight;
 * headings are made bold by outlining the glyphs). System fonts were the alternative and are not used:
 * Debian's Noto Sans CJK ({@code fonts-noto-cjk}) has CFF outlines, which PDFBox 3.0 cannot embed as a
 * subset ("OTF fonts do not have a glyf table"). {@link cn.creditwindow.pdf.PdfRenderer#withFont} takes
 * another TrueType font file; a missing or unusable font fails when the renderer is built, with a
 * {@link cn.creditwindow.pdf.PdfFontException} that names the file and what to install, and a document
 * with a character the font lacks is refused with the character named, never drawn as a blank box.
 */
package cn.creditwindow.pdf;
