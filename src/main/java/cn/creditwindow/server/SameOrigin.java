package cn.creditwindow.server;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a browser's request comes from the window's own pages, by its {@code Origin} header, else its
 * {@code Referer} (OWASP's "verifying origin with standard headers"): the second line of defence against
 * cross-site request forgery, after the session's anti-forgery token, and the only one for signing in, where there
 * is no session yet (login CSRF).
 *
 * <p>The window's own origin is the one its public address names ({@code --public-url}, which is what a browser
 * sees behind a proxy), or the host the request was sent to ({@code Host}), compared by host and port, with the
 * scheme's default port left out. A request that carries neither header is not a browser's cross-site request
 * (browsers send {@code Origin} on every cross-site POST) and is left to the other checks; {@code Origin: null}
 * (a sandboxed or privacy-redirected page) is refused.
 */
final class SameOrigin {
    /** {@code host[:port]} of the public address, lower case, or null when none is configured. */
    private final String publicAuthority;

    /** @param publicUrl the window's address as users reach it ({@code https://window.example.cn}), or null */
    SameOrigin(String publicUrl) {
        this.publicAuthority = publicUrl == null ? null : authority(publicUrl).orElseThrow(() ->
                new IllegalArgumentException("the public URL has no host: " + publicUrl));
    }

    /**
     * What the check found: {@code null} when the request may go on, else where it claims to come from (the
     * {@code Origin}, else the {@code Referer}, cut to 100 characters), to name in the refusal.
     */
    String foreign(String origin, String referer, String host) {
        String claimed = origin != null ? origin.strip() : referer != null ? referer.strip() : "";
        if (claimed.isEmpty()) {
            return null;
        }
        Optional<String> from = authority(claimed);
        String mine = host == null ? null : normalise(host.strip().toLowerCase(Locale.ROOT), null);
        if (from.isPresent() && (from.get().equals(publicAuthority) || from.get().equals(mine))) {
            return null;
        }
        return claimed.length() > 100 ? claimed.substring(0, 100) + "…" : claimed;
    }

    /** {@code host[:port]} of an absolute http(s) URL, lower case, without the scheme's default port. */
    static Optional<String> authority(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost();
            if (!(scheme.equals("http") || scheme.equals("https")) || host == null) {
                return Optional.empty();
            }
            String authority = host.toLowerCase(Locale.ROOT) + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
            return Optional.of(normalise(authority, scheme));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Drops a default port: {@code :443} for https, {@code :80} for http, either when the scheme is unknown. */
    private static String normalise(String authority, String scheme) {
        if ((scheme == null || scheme.equals("https")) && authority.endsWith(":443")) {
            return authority.substring(0, authority.length() - 4);
        }
        if ((scheme == null || scheme.equals("http")) && authority.endsWith(":80")) {
            return authority.substring(0, authority.length() - 3);
        }
        return authority;
    }
}
