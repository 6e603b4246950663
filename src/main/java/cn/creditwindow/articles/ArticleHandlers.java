package cn.creditwindow.articles;

import cn.creditwindow.accounts.Caller;
import cn.creditwindow.search.Article;
import cn.creditwindow.search.Module;
import cn.creditwindow.search.Attachment;

import cn.creditwindow.search.ArticleIndex;
import cn.creditwindow.search.ArticleQuery;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.validation.NotFoundException;
import cn.creditwindow.web.JsonBodies;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * HTTP handlers of {@code /api/articles}: search, the per-module overview, one article, its attachments, and
 * withdrawing an article. A withdrawn article answers 410 Gone with the date it was withdrawn.
 */
public record ArticleHandlers(ArticleIndex index, ArticleQueries queries, Withdrawals withdrawals, JsonBodies bodies,
                              Function<String, Optional<Path>> localFiles) {
    /** Attachment types a browser may show in place: none of them runs script. */
    private static final Set<String> INLINE_TYPES = Set.of("application/pdf", "image/png", "image/jpeg", "image/gif",
            "image/webp", "text/plain", "text/csv");

    /** Most items per module in the overview. */
    public static final int MAX_PER_MODULE = 20;

    /** {@code GET /api/articles}. */
    public void search(Context ctx) {
        ctx.json(index.search(queries.parse(params(ctx))));
    }

    /** {@code GET /api/articles/overview}: every module's total and newest matches. */
    public void overview(Context ctx) {
        Map<String, String> params = params(ctx);
        int per = ArticleQueries.integer(params, "per", 5, 1, MAX_PER_MODULE);
        params.remove("per");
        ArticleQuery query = queries.parse(params);
        ctx.json(index.overview(query, per));
    }

    /** {@code GET /api/articles/{id}}. */
    public void article(Context ctx) {
        Article a = find(ctx.pathParam("id"));
        ctx.json(ArticleView.of(a));
    }

    /**
     * {@code DELETE /api/articles/{id}} with {@code {"reason": "…"}}: takes the article off the window for good and
     * answers the withdrawal; the first one again for an article withdrawn already (see {@link Withdrawals#withdraw}).
     */
    public void withdraw(Context ctx) {
        ctx.json(withdrawals.withdraw(Caller.require(ctx), ctx.pathParam("id"),
                bodies.input(ctx, Withdrawals.Request.class)));
    }

    /** {@code GET /api/articles/{id}/attachments/{n}}: streams a file from feeds/, or redirects to a web address. */
    public void attachment(Context ctx) throws IOException {
        Article a = find(ctx.pathParam("id"));
        int n = attachmentNumber(ctx.pathParam("n"), a);
        Attachment attachment = a.attachments().get(n - 1);
        if (!attachment.isLocal()) {
            ctx.redirect(attachment.url());
            return;
        }
        Path file = localFiles.apply(attachment.url()).orElseThrow(() -> new NotFoundException(
                "attachment " + n + " of article " + a.id() + " is no longer on disk",
                "附件文件已不存在"));
        // Only types that cannot run script open in the browser; anything else (HTML, SVG…) downloads.
        String type = attachment.type().toLowerCase(Locale.ROOT).strip();
        String base = type.contains(";") ? type.substring(0, type.indexOf(';')).strip() : type;
        boolean inline = INLINE_TYPES.contains(base);
        ctx.contentType(!inline ? "application/octet-stream"
                : base.startsWith("text/") && !type.contains("charset") ? base + "; charset=utf-8" : type);
        ctx.header("Content-Disposition", (inline ? "inline" : "attachment") + "; filename*=UTF-8''"
                + URLEncoder.encode(attachment.name(), StandardCharsets.UTF_8).replace("+", "%20"));
        InputStream in = Files.newInputStream(file);
        ctx.result(in);
    }

    private Article find(String id) {
        return withdrawals.shown(id);
    }

    private static int attachmentNumber(String raw, Article a) {
        try {
            int n = Integer.parseInt(raw);
            if (n >= 1 && n <= a.attachments().size()) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        if (a.attachments().isEmpty()) {
            throw new NotFoundException("article " + a.id() + " has no attachments", "该文章没有附件");
        }
        throw new InvalidInputException("n", "附件序号必须是 1 到 " + a.attachments().size() + " 之间的整数",
                "n must be a whole number from 1 to " + a.attachments().size() + ", was '" + raw + "'");
    }

    /** Where the {@code n}-th (1-based) attachment of an article opens. */
    static String attachmentHref(String articleId, int n) {
        return "/api/articles/" + articleId + "/attachments/" + n;
    }

    private static Map<String, String> params(Context ctx) {
        Map<String, String> flat = new HashMap<>();
        ctx.queryParamMap().forEach((k, v) -> flat.put(k, String.join(",", v)));
        return flat;
    }

    /** An article as the API shows it: attachments as URLs a browser can open. */
    record ArticleView(String id, Module module, String title, String bodyHtml, Instant publishedAt,
                       String source, String url, List<String> countries, List<String> industries,
                       List<Attachment> attachments) {
        static ArticleView of(Article a) {
            List<Attachment> shown = new ArrayList<>();
            for (int i = 0; i < a.attachments().size(); i++) {
                Attachment at = a.attachments().get(i);
                String href = attachmentHref(a.id(), i + 1);
                shown.add(new Attachment(at.name(), href, at.type(), at.length()));
            }
            return new ArticleView(a.id(), a.module(), a.title(), a.bodyHtml(), a.publishedAt(), a.source(),
                    a.url(), a.countries(), a.industries(), shown);
        }
    }
}
