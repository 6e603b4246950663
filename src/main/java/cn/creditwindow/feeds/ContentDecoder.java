package cn.creditwindow.feeds;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the bytes of a document into text, choosing the charset itself because real pages lie about
 * it (several saved Chinese news pages are UTF-8 but declare {@code gb2312}).
 *
 * <p>The order: a byte order mark wins; else, if the bytes are UTF-8, UTF-8; else the charset the
 * document declares in its XML declaration or a {@code <meta>} tag; else GB18030, the superset of
 * GBK and GB2312. GBK and GB2312 declarations are decoded as GB18030 too, which reads the same bytes
 * and more. Malformed bytes become U+FFFD; they never stop decoding.
 *
 * <p>"Are UTF-8" tolerates a little damage: an incomplete sequence cut off at the very end (a
 * truncated file) and a few malformed sequences (at most one per 50 well-formed non-ASCII
 * characters). GBK text read as UTF-8 is malformed almost everywhere, so this does not mistake GBK
 * for UTF-8, while one corrupt byte in a long UTF-8 page that declares {@code gb2312} no longer
 * turns the whole page into mojibake.
 */
final class ContentDecoder {

    static final Charset GB18030 = Charset.forName("GB18030");

    private static final int HEAD = 4096;
    private static final Pattern XML_ENCODING =
            Pattern.compile("<\\?xml[^>]*?encoding\\s*=\\s*[\"']\\s*([a-z0-9._:\\-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern META_CHARSET =
            Pattern.compile("<meta[^>]*?charset\\s*=\\s*[\"']?\\s*([a-z0-9._:\\-]+)", Pattern.CASE_INSENSITIVE);
    private static final Set<String> GB_NAMES = Set.of("gb2312", "gbk", "x-gbk", "cp936", "ms936", "windows-936",
            "gb_2312-80", "euc-cn", "x-euc-cn", "csgb2312", "gb18030");

    private ContentDecoder() {
    }

    /**
     * The text of {@code content}, without a leading byte order mark.
     *
     * @throws FeedFormatException when {@code content} is empty or binary (NUL bytes, a known binary
     *     file signature, or mostly control characters)
     */
    static String decode(byte[] content) {
        if (content.length == 0) {
            throw new FeedFormatException("not a feed or an article page: empty document");
        }
        String text = decodeText(content);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (mostlyControlCharacters(text)) {
            throw new FeedFormatException("binary content: mostly control characters");
        }
        return text;
    }

    private static String decodeText(byte[] b) {
        if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
            return new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
        }
        if (startsWith(b, 0xFE, 0xFF)) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE);
        }
        if (startsWith(b, 0xFF, 0xFE)) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
        }
        // UTF-16 XML without a byte order mark still starts with "<?" (XML 1.0, appendix F).
        if (startsWith(b, 0x3C, 0x00, 0x3F, 0x00)) {
            return new String(b, StandardCharsets.UTF_16LE);
        }
        if (startsWith(b, 0x00, 0x3C, 0x00, 0x3F)) {
            return new String(b, StandardCharsets.UTF_16BE);
        }
        rejectBinary(b);
        if (isUtf8(b)) {
            return new String(b, StandardCharsets.UTF_8);
        }
        return new String(b, declaredCharset(b).orElse(GB18030));
    }

    private static void rejectBinary(byte[] b) {
        String kind = startsWith(b, '%', 'P', 'D', 'F', '-') ? "PDF"
                : startsWith(b, 'P', 'K', 3, 4) ? "ZIP archive (or .docx/.xlsx)"
                : startsWith(b, 0x89, 'P', 'N', 'G') ? "PNG image"
                : startsWith(b, 'G', 'I', 'F', '8') ? "GIF image"
                : startsWith(b, 0xFF, 0xD8, 0xFF) ? "JPEG image"
                : startsWith(b, 0x1F, 0x8B) ? "gzip data"
                : startsWith(b, 0xD0, 0xCF, 0x11, 0xE0) ? "OLE document (.doc/.xls)"
                : null;
        if (kind != null) {
            throw new FeedFormatException("binary content: looks like " + kind);
        }
        for (int i = 0, n = Math.min(b.length, 8192); i < n; i++) {
            if (b[i] == 0) {
                throw new FeedFormatException("binary content: NUL byte at offset " + i);
            }
        }
    }

    /** True when {@code b} is UTF-8, allowing the damage described in the class comment. */
    static boolean isUtf8(byte[] b) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b);
        CharBuffer out = CharBuffer.allocate(8192);
        long malformed = 0;
        long nonAscii = 0;
        while (true) {
            CoderResult result = decoder.decode(in, out, false);
            out.flip();
            while (out.hasRemaining()) {
                if (out.get() > 0x7F) {
                    nonAscii++;
                }
            }
            out.clear();
            if (result.isError()) {
                malformed++;
                in.position(in.position() + result.length());
            } else if (result.isUnderflow()) {
                boolean cutOffAtEnd = in.remaining() <= 3;
                return malformed == 0 ? cutOffAtEnd : cutOffAtEnd && malformed * 50 <= nonAscii;
            }
        }
    }

    /**
     * The charset the document names in its first 4 KB: the XML declaration, else {@code <meta
     * charset>} or {@code <meta http-equiv="Content-Type" content="…; charset=…">}. UTF-8 is not
     * returned (the bytes are already known not to be UTF-8, so the declaration is wrong), and
     * neither are UTF-16 and UTF-32 (without a byte order mark they cannot be what an ASCII-readable
     * declaration was written in).
     */
    static Optional<Charset> declaredCharset(byte[] b) {
        String head = new String(b, 0, Math.min(b.length, HEAD), StandardCharsets.ISO_8859_1);
        for (Pattern pattern : new Pattern[] {XML_ENCODING, META_CHARSET}) {
            Matcher m = pattern.matcher(head);
            if (m.find()) {
                Optional<Charset> charset = charset(m.group(1));
                if (charset.isPresent()) {
                    return charset;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Charset> charset(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (GB_NAMES.contains(n)) {
            return Optional.of(GB18030);
        }
        if (n.startsWith("utf")) {
            return Optional.empty();
        }
        if (n.equals("iso-8859-1") || n.equals("latin1") || n.equals("us-ascii") || n.equals("ascii")) {
            return Optional.of(Charset.forName("windows-1252")); // as browsers do (WHATWG Encoding)
        }
        try {
            return Optional.of(Charset.forName(n));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }

    /** More than one in ten of the first 4096 characters are control characters or U+FFFD. */
    private static boolean mostlyControlCharacters(String text) {
        int n = Math.min(text.length(), HEAD);
        int bad = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\uFFFD' || c == 0 || (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t'
                    && c != '\f')) {
                bad++;
            }
        }
        return n > 0 && bad * 10 > n;
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
