package cn.creditwindow.web;


import cn.creditwindow.validation.FieldError;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.Set;

/**
 * Renders the HTML pages: the shared layout, the language of each request, the security headers.
 *
 * <p>Conventions for a page (see README, "Pages"): a handler class in its domain package
 * ({@code articles.ArticlePages}) builds a view record and calls {@link #render}; the template lives
 * under {@code src/main/jte/<domain>/} and declares {@code @param Page page} and
 * {@code @param <View> model}; it wraps its content in {@code layout.jte}; every text comes from
 * {@code i18n/messages_zh.properties} and {@code messages_en.properties} through {@code page.t(key)}.
 * Templates escape everything they print ({@code $unsafe} only for HTML the server made safe, with a
 * comment saying why). Errors are thrown, not rendered: the server's error mapping ({@code server.ErrorMapping}) shows
 * them as pages.
 *
 * <p>Thread-safe: the templates are precompiled classes and the messages are immutable.
 */
public final class Pages {
    /** Sent with every page: no inline script or style, nothing from elsewhere but images over https. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' https: data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
            + "form-action 'self'";
    static final String LANG_PARAM = "lang";
    static final String LANG_COOKIE = "lang";
    private static final String LANG_ATTRIBUTE = Pages.class.getName() + ".lang";
    private static final int ONE_YEAR = 365 * 24 * 3600;

    private final TemplateEngine templates;
    private final Map<Lang, Messages> messages = new EnumMap<>(Lang.class);
    private final ZoneId zone;
    private final Function<Context, Optional<Viewer>> viewers;

    /**
     * @param zone    where the pages show dates (the users' time zone)
     * @param viewers who a request's page is shown to, if anyone is signed in
     */
    public Pages(ZoneId zone, Function<Context, Optional<Viewer>> viewers) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.viewers = Objects.requireNonNull(viewers, "viewers");
        // Precompiled by jte-maven-plugin from src/main/jte: no template compiler at run time.
        this.templates = TemplateEngine.createPrecompiled(ContentType.Html);
        for (Lang lang : Lang.values()) {
            messages.put(lang, Messages.load(lang));
        }
    }

    /**
     * The language of this request: {@code ?lang=zh|en} (which is also remembered in a cookie), else the
     * cookie, else Chinese.
     */
    public Lang lang(Context ctx) {
        Lang cached = ctx.attribute(LANG_ATTRIBUTE);
        if (cached != null) {
            return cached;
        }
        Lang lang = Lang.byCode(ctx.queryParam(LANG_PARAM)).orElse(null);
        if (lang != null) {
            ctx.cookie(new Cookie(LANG_COOKIE, lang.code(), "/", ONE_YEAR, false, true, null, SameSite.LAX));
        } else {
            lang = Lang.byCode(ctx.cookie(LANG_COOKIE)).orElse(Lang.ZH);
        }
        ctx.attribute(LANG_ATTRIBUTE, lang);
        return lang;
    }

    /** The texts in this request's language. */
    public Messages messages(Context ctx) {
        return messages.get(lang(ctx));
    }

    /**
     * Renders {@code template} (a path under {@code src/main/jte}, e.g. {@code articles/search.jte}) with
     * this request's {@link Page} and the view, as the response body. The status is left as it is.
     */
    public void render(Context ctx, String template, Object model) {
        Page page = new Page(lang(ctx), messages(ctx), zone, Section.of(ctx.path()), here(ctx, Set.of()),
                viewers.apply(ctx).orElse(null));
        StringOutput out = new StringOutput(16_384);
        templates.render(template, Map.of("page", page, "model", model), out);
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("Referrer-Policy", "same-origin");
        ctx.contentType("text/html; charset=utf-8").result(out.toString());
    }

    /**
     * The error page: a heading for the status, the message in the page's language, each bad field
     * with its label, and a link that repeats the request without the bad parameters.
     */
    public void renderError(Context ctx, int status, String zh, String en, List<FieldError> errors) {
        Messages m = messages(ctx);
        Lang lang = m.lang();
        List<ErrorView.FieldMessage> fields = new ArrayList<>();
        Set<String> bad = new HashSet<>();
        for (FieldError e : errors) {
            fields.add(new ErrorView.FieldMessage(e.field(), m.getOrDefault("field." + e.field(), e.field()),
                    lang.pick(e.zh(), e.en())));
            bad.add(e.field());
        }
        // A form sent (POST) that a page could not show again with its errors is not a query: it cannot be repeated
        // without the bad fields, and the way back is the page the form was on.
        boolean form = !ctx.method().name().equals("GET") && !ctx.method().name().equals("HEAD");
        String heading = form && status == 400 ? m.get("error.form.heading")
                : m.getOrDefault("error." + status + ".heading", m.get("error.heading"));
        String message = errors.isEmpty() ? lang.pick(zh, en) : m.get(form ? "error.form.fields" : "error.fields");
        String retry = bad.isEmpty() || form ? null : here(ctx, bad);
        ctx.status(status);
        render(ctx, "error.jte", new ErrorView(status, heading, message, fields, retry, form ? referrer(ctx) : null));
    }

    /** The path and query of the page a form was sent from, when it is one of ours; else null. */
    private static String referrer(Context ctx) {
        String referer = ctx.header("Referer");
        String host = ctx.header("Host");
        if (referer == null || host == null) {
            return null;
        }
        try {
            java.net.URI uri = java.net.URI.create(referer);
            if (!host.equalsIgnoreCase(uri.getRawAuthority()) || uri.getRawPath() == null
                    || !uri.getRawPath().startsWith("/")) {
                return null;
            }
            return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The request's path and query without {@code lang} and without the given parameters. */
    private static String here(Context ctx, Set<String> without) {
        QueryString q = QueryString.of();
        ctx.queryParamMap().forEach((name, values) -> {
            if (!name.equals(LANG_PARAM) && !without.contains(name)) {
                values.forEach(v -> q.add(name, v));
            }
        });
        return q.appendTo(ctx.path());
    }
}
