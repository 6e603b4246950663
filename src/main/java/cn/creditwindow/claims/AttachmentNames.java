package cn.creditwindow.claims;

import java.text.Normalizer;

/**
 * Attachment file names as people see them and download them. A name given by the client is only ever shown and
 * offered as the download's name (the file on disk is named by the server): any path is stripped, control, format
 * (such as the right-to-left override that disguises {@code exe.pdf} as {@code fdp.exe}) and reserved characters
 * {@code \ / : * ? " < > |} are dropped, runs of white space become one space, leading and trailing dots and spaces
 * go, Chinese stays, and the name is cut to {@value #MAX_LENGTH} characters keeping its extension.
 */
final class AttachmentNames {
    /** The longest name kept, in characters (code points). */
    static final int MAX_LENGTH = 100;
    /** The name of a file whose given name leaves nothing. */
    static final String FALLBACK = "附件";
    private static final String RESERVED = "\\/:*?\"<>|";
    /** Extensions longer than this are not kept whole when a name is cut. */
    private static final int MAX_EXTENSION = 10;

    private AttachmentNames() {
    }

    /** The given name cleaned as above, without the length cap; empty when nothing is left. */
    static String clean(String given) {
        if (given == null) {
            return "";
        }
        String s = Normalizer.normalize(given, Normalizer.Form.NFC);
        s = s.substring(Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\')) + 1);
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                space = true;
                continue;
            }
            if (Character.isISOControl(cp) || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.PRIVATE_USE || type == Character.UNASSIGNED || RESERVED.indexOf(cp) >= 0) {
                continue;
            }
            if (space && out.length() > 0) {
                out.append(' ');
            }
            space = false;
            out.appendCodePoint(cp);
        }
        return trimDotsAndSpaces(out.toString());
    }

    /**
     * The name to keep for a file of {@code type}: the cleaned name, {@value #FALLBACK} when nothing is left, the
     * type's extension added when the name has none, cut to {@value #MAX_LENGTH} characters keeping the extension.
     */
    static String display(String cleaned, AttachmentType type) {
        String name = cleaned.isEmpty() ? FALLBACK : cleaned;
        if (AttachmentType.extensionOf(name) == null) {
            name = name + "." + type.extension();
        }
        return cap(name);
    }

    static String cap(String name) {
        if (name.codePointCount(0, name.length()) <= MAX_LENGTH) {
            return name;
        }
        String ext = AttachmentType.extensionOf(name);
        if (ext == null || ext.length() > MAX_EXTENSION) {
            return trimDotsAndSpaces(name.substring(0, name.offsetByCodePoints(0, MAX_LENGTH)));
        }
        String extension = name.substring(name.lastIndexOf('.'));
        int keep = MAX_LENGTH - extension.length();
        String base = trimDotsAndSpaces(name.substring(0, name.offsetByCodePoints(0, keep)));
        return (base.isEmpty() ? FALLBACK : base) + extension;
    }

    private static String trimDotsAndSpaces(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == '.' || s.charAt(start) == ' ')) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == '.' || s.charAt(end - 1) == ' ')) {
            end--;
        }
        return s.substring(start, end);
    }
}
