package cn.creditwindow.feeds;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Resolves the URLs written in documents (hrefs, enclosure URLs, xml:base) against a base, the way
 * browsers tolerate them: surrounding whitespace is trimmed, tabs and newlines inside are removed,
 * and spaces and other characters {@link URI} rejects are percent-encoded.
 */
final class Links {

    /** Schemes an item link or attachment may have: web addresses, and files beside a local feed. */
    static final Set<String> ITEM_SCHEMES = Set.of("http", "https", "file");

    /** Tabs and line breaks, which browsers drop from a link before they read it. */
    private static final Pattern CONTROL_WHITESPACE = Pattern.compile("[\\t\\n\\r]");
    private static final String ILLEGAL = " \"<>\\^`{|}";

    private Links() {
    }

    /**
     * {@code href} made absolute against {@code base}, or empty when it is blank, cannot be parsed,
     * stays relative, or has a scheme other than those in {@code schemes} ({@code javascript:},
     * {@code data:}, {@code vbscript:} and the like are never in it).
     */
    static Optional<URI> resolve(URI base, String href, Set<String> schemes) {
        if (href == null) {
            return Optional.empty();
        }
        String cleaned = escape(CONTROL_WHITESPACE.matcher(href.strip()).replaceAll(""));
        if (cleaned.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI resolved = withPath(base).resolve(new URI(cleaned)).normalize();
            String scheme = resolved.getScheme();
            if (scheme == null || !schemes.contains(scheme.toLowerCase(Locale.ROOT))) {
                return Optional.empty();
            }
            return Optional.of(resolved);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** {@link #resolve} for item links, as a string; empty when it cannot be resolved. */
    static String itemLink(URI base, String href) {
        return resolve(base, href, ITEM_SCHEMES).map(URI::toString).orElse("");
    }

    /**
     * The last path segment of {@code uri}, percent-decoded, e.g. {@code 报告.pdf}; empty when the
     * path ends with a slash.
     */
    static String fileName(URI uri) {
        String path = uri.getPath();
        if (path == null) {
            return "";
        }
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /**
     * Works around {@link URI#resolve} turning {@code http://host} + {@code a.pdf} into
     * {@code http://hosta.pdf}: a base with an authority and an empty path gets the path {@code /}.
     */
    private static URI withPath(URI base) {
        if (base.getRawAuthority() != null && (base.getRawPath() == null || base.getRawPath().isEmpty())) {
            try {
                return new URI(base.getScheme(), base.getRawAuthority(), "/", null, null);
            } catch (URISyntaxException e) {
                return base;
            }
        }
        return base;
    }

    /** Percent-encodes what {@link URI} rejects: ASCII specials, spaces, controls, stray {@code %}. */
    private static String escape(String href) {
        StringBuilder out = new StringBuilder(href.length());
        for (int i = 0; i < href.length(); i++) {
            char c = href.charAt(i);
            boolean strayPercent = c == '%' && !(i + 2 < href.length() && isHex(href.charAt(i + 1))
                    && isHex(href.charAt(i + 2)));
            if (strayPercent || ILLEGAL.indexOf(c) >= 0 || Character.isISOControl(c) || Character.isSpaceChar(c)) {
                for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                            .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
