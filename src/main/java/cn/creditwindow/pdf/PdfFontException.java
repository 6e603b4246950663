package cn.creditwindow.pdf;

/**
 * No usable Chinese font: the bundled one is missing from the class path, or a font file given
 * explicitly is missing, unreadable, has outlines PDFBox cannot embed, or lacks Chinese characters. The
 * message names the file and what to install or pass instead.
 */
final class PdfFontException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PdfFontException(String message) {
        super(message);
    }

    PdfFontException(String message, Throwable cause) {
        super(message, cause);
    }
}
