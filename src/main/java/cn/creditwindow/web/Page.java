package cn.creditwindow.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * What the layout of every page needs to know about the request: its language and texts, the menu
 * section it belongs to, and where it is (to switch language in place). Every template takes it as
 * its first parameter, {@code page}; public because the generated template classes live elsewhere.
 *
 * @param lang     the language the page is shown in
 * @param messages the texts in that language
 * @param zone     where dates are shown (the users' time zone)
 * @param section  the menu entry to highlight, or null
 * @param here     this page's path and query without {@code lang}, e.g. {@code /search?q=%E5%85%B3}
 * @param viewer   who is signed in, or null
 */
public record Page(Lang lang, Messages messages, ZoneId zone, Section section, String here, Viewer viewer) {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public Page {
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(here, "here");
    }

    /** The text for a message key in the page's language; see {@link Messages#get}. */
    public String t(String key, Object... args) {
        return messages.get(key, args);
    }

    /** A text about {@code n} things, singular or plural; see {@link Messages#plural}. */
    public String plural(String key, long n, Object... more) {
        return messages.plural(key, n, more);
    }

    /** Of a pair of texts (a Chinese and an English name), the one in the page's language. */
    public String pick(String zh, String en) {
        return lang.pick(zh, en);
    }

    /** True when someone is signed in. */
    public boolean signedIn() {
        return viewer != null;
    }

    /** The anti-forgery token every form that changes something must send as {@code _csrf}, or "". */
    public String csrf() {
        return viewer == null || viewer.csrfToken() == null ? "" : viewer.csrfToken();
    }

    /** The signed-in person's role, in the page's language, or "". */
    public String viewerRole() {
        return viewer == null ? "" : lang.pick(viewer.roleZh(), viewer.roleEn());
    }

    /** Where the sign-in page should send the user back to: this page, unless it is the sign-in page. */
    public String loginHref() {
        return here.startsWith("/login") ? "/login" : "/login?next=" + java.net.URLEncoder.encode(here,
                java.nio.charset.StandardCharsets.UTF_8);
    }

    public String htmlLang() {
        return lang.htmlLang();
    }

    /** The menu, in order. */
    public List<Section> sections() {
        return List.of(Section.values());
    }

    public boolean isCurrent(Section s) {
        return s == section;
    }

    /** The languages offered by the switch. */
    public List<Lang> langs() {
        return List.of(Lang.values());
    }

    /** This page in another language (the choice is remembered in a cookie from then on). */
    public String switchHref(Lang to) {
        return here + (here.contains("?") ? "&" : "?") + "lang=" + to.code();
    }

    /** A day as {@code 2026-11-19}, in the users' time zone. */
    public String date(Instant t) {
        return DATE.format(t.atZone(zone));
    }

    /** A time as {@code 2026-11-19 08:30}, in the users' time zone. */
    public String dateTime(Instant t) {
        return DATE_TIME.format(t.atZone(zone));
    }
}
