package cn.creditwindow.claims;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The kinds of file a claim takes as an attachment: PDF, images, Office documents and ZIP archives. A file's kind is
 * decided by its first bytes (its magic number), never by what the client says; its name's extension must then be
 * one of the kind's. Office 2007+ documents are ZIP archives: a {@code .docx} must hold {@code [Content_Types].xml}
 * and a {@code word/} part ({@code xl/} for {@code .xlsx}, {@code ppt/} for {@code .pptx}); a {@code .zip} must be
 * a readable archive.
 */
public enum AttachmentType {
    PDF("PDF", "application/pdf", "pdf"),
    JPEG("JPEG", "image/jpeg", "jpg", "jpeg"),
    PNG("PNG", "image/png", "png"),
    GIF("GIF", "image/gif", "gif"),
    TIFF("TIFF", "image/tiff", "tif", "tiff"),
    BMP("BMP", "image/bmp", "bmp"),
    WEBP("WebP", "image/webp", "webp"),
    DOC("Word", "application/msword", "doc"),
    XLS("Excel", "application/vnd.ms-excel", "xls"),
    PPT("PowerPoint", "application/vnd.ms-powerpoint", "ppt"),
    DOCX("Word", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    XLSX("Excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    PPTX("PowerPoint", "application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
    ZIP("ZIP", "application/zip", "zip");

    /** How many first bytes {@link #detect} looks at. */
    static final int HEAD_BYTES = 16;
    /** The allowed kinds in words, for refusals. */
    static final String ALLOWED_ZH = "PDF、图片（JPEG、PNG、GIF、TIFF、BMP、WebP）、Office 文档（.doc、.docx、.xls、.xlsx、.ppt、.pptx）"
            + "或 ZIP 压缩包";
    static final String ALLOWED_EN = "PDF, images (JPEG, PNG, GIF, TIFF, BMP, WebP), Office documents (.doc, .docx,"
            + " .xls, .xlsx, .ppt, .pptx) or ZIP archives";

    private static final byte[] OLE2 = bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1);
    private static final byte[] ZIP_LOCAL = bytes('P', 'K', 3, 4);
    private static final byte[] ZIP_EMPTY = bytes('P', 'K', 5, 6);

    private final String label;
    private final String contentType;
    private final List<String> extensions;

    AttachmentType(String label, String contentType, String... extensions) {
        this.label = label;
        this.contentType = contentType;
        this.extensions = List.of(extensions);
    }

    /** A short name for people: PDF, JPEG, Word, Excel… */
    public String label() {
        return label;
    }

    /** The media type the file is served with. */
    public String contentType() {
        return contentType;
    }

    /** The usual extension, without the dot. */
    public String extension() {
        return extensions.get(0);
    }

    boolean takes(String extension) {
        return extensions.contains(extension);
    }

    /** What {@link #detect} found: the kind, or why the file is refused (zh and en). */
    record Detection(AttachmentType type, String zh, String en) {
        boolean ok() {
            return type != null;
        }
    }

    /**
     * The kind of a received file.
     *
     * @param head      its first bytes (up to {@link #HEAD_BYTES}; fewer for a shorter file)
     * @param extension its name's extension, lower case without the dot, or null when the name has none (then any
     *                  allowed kind is taken)
     * @param file      the file itself, opened only to look inside ZIP archives
     */
    static Detection detect(byte[] head, String extension, Path file) {
        List<AttachmentType> family = family(head);
        if (family.isEmpty()) {
            return refused("文件类型不允许，只能上传" + ALLOWED_ZH, "this kind of file is not allowed: upload "
                    + ALLOWED_EN);
        }
        AttachmentType type;
        if (extension == null) {
            type = family.get(0);
        } else {
            type = family.stream().filter(t -> t.takes(extension)).findFirst().orElse(null);
            if (type == null) {
                String is = family.get(0).label();
                return refused("文件扩展名 ." + extension + " 与文件内容（" + is + "）不符；只能上传" + ALLOWED_ZH,
                        "the extension ." + extension + " does not match the file's content (" + is + "); upload "
                                + ALLOWED_EN);
            }
        }
        if (type == ZIP || type == DOCX || type == XLSX || type == PPTX) {
            Optional<String> problem = zipProblem(type, file);
            if (problem.isPresent()) {
                return refused("不是有效的" + (type == ZIP ? " ZIP 压缩包" : " Office 文档（." + type.extension() + "）")
                        + "，请检查文件", problem.get());
            }
        }
        return new Detection(type, null, null);
    }

    /** The kinds a file starting with {@code head} may be, the likeliest first; empty when none. */
    private static List<AttachmentType> family(byte[] head) {
        if (startsWith(head, bytes('%', 'P', 'D', 'F', '-'))) {
            return List.of(PDF);
        }
        if (startsWith(head, bytes(0xFF, 0xD8, 0xFF))) {
            return List.of(JPEG);
        }
        if (startsWith(head, bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A))) {
            return List.of(PNG);
        }
        if (startsWith(head, bytes('G', 'I', 'F', '8', '7', 'a')) || startsWith(head, bytes('G', 'I', 'F', '8', '9', 'a'))) {
            return List.of(GIF);
        }
        if (startsWith(head, bytes('I', 'I', 0x2A, 0)) || startsWith(head, bytes('M', 'M', 0, 0x2A))) {
            return List.of(TIFF);
        }
        // "BM" alone is too weak a sign: the header's two reserved 16-bit fields (bytes 6 to 9) are zero too.
        if (head.length >= 14 && startsWith(head, bytes('B', 'M')) && head[6] == 0 && head[7] == 0 && head[8] == 0
                && head[9] == 0) {
            return List.of(BMP);
        }
        if (head.length >= 12 && startsWith(head, bytes('R', 'I', 'F', 'F'))
                && Arrays.equals(Arrays.copyOfRange(head, 8, 12), bytes('W', 'E', 'B', 'P'))) {
            return List.of(WEBP);
        }
        if (startsWith(head, OLE2)) {
            return List.of(DOC, XLS, PPT);
        }
        if (startsWith(head, ZIP_LOCAL) || startsWith(head, ZIP_EMPTY)) {
            return List.of(ZIP, DOCX, XLSX, PPTX);
        }
        return List.of();
    }

    /** Why a ZIP-based file is not what its kind needs, in English; empty when it is. */
    private static Optional<String> zipProblem(AttachmentType type, Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (type == ZIP) {
                return Optional.empty();
            }
            String part = switch (type) {
                case DOCX -> "word/";
                case XLSX -> "xl/";
                default -> "ppt/";
            };
            boolean contentTypes = zip.getEntry("[Content_Types].xml") != null;
            boolean parts = zip.stream().map(ZipEntry::getName).anyMatch(n -> n.startsWith(part));
            return contentTypes && parts ? Optional.empty() : Optional.of("not an Office document (." + type.extension()
                    + "): it lacks [Content_Types].xml or its " + part + " part");
        } catch (IOException e) {
            return Optional.of("not a readable ZIP archive (" + e.getMessage() + ")");
        }
    }

    private static Detection refused(String zh, String en) {
        return new Detection(null, zh, en);
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length && Arrays.equals(Arrays.copyOf(head, magic.length), magic);
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    /** The extension of a file name, lower case without the dot, or null when it has none. */
    static String extensionOf(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 || dot == name.length() - 1 ? null : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
