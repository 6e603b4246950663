package cn.creditwindow.digest;

import cn.creditwindow.notify.Notice;
import cn.creditwindow.subscriptions.Matched;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A digest as an e-mail: a Chinese subject (the mailer encodes it per RFC 2047), a plain-text part and an HTML part
 * (template {@code digest/mail.jte}), every link absolute, an unsubscribe link beside each subscription and one for
 * all of them, which is also the {@code List-Unsubscribe} header with RFC 8058 one-click unsubscription
 * ({@code List-Unsubscribe-Post: List-Unsubscribe=One-Click}).
 *
 * <p>Thread-safe.
 */
public final class DigestMail {
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
    private final UnsubscribeTokens tokens;
    private final Supplier<String> base;
    private final ZoneId zone;

    /** @param base the service's public address without a trailing slash, asked each time (it may be known late) */
    public DigestMail(UnsubscribeTokens tokens, Supplier<String> base, ZoneId zone) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.base = Objects.requireNonNull(base, "base");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** The subject: {@code 出口信用单一窗口 · 2026年10月风险信息月报 / Risk digest 2026-10}. */
    public static String subject(Digest d) {
        return "出口信用单一窗口 · " + d.monthZh() + "风险信息月报 / Risk digest " + d.month();
    }

    /** The e-mail of a digest to its subscriber. */
    public Notice notice(long enterpriseId, long userId, String address, Digest d) {
        String root = base.get();
        Map<Long, String> unsubscribe = new LinkedHashMap<>();
        for (Matched s : d.sections()) {
            unsubscribe.put(s.subscriptionId(), unsubscribeUrl(root, UnsubscribeTokens.Purpose.SUBSCRIPTION,
                    s.subscriptionId()));
        }
        String all = unsubscribeUrl(root, UnsubscribeTokens.Purpose.SUBSCRIBER, userId);
        StringOutput html = new StringOutput(8_192);
        templates.render("digest/mail.jte", Map.of("digest", d, "base", root, "unsubscribe", unsubscribe,
                "unsubscribeAll", all, "zone", zone), html);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<" + all + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return Notice.email(enterpriseId, userId, address, subject(d), text(d, root, unsubscribe, all), html.toString(),
                headers);
    }

    /** The page that unsubscribes (GET: asks to confirm; POST: does it, also as RFC 8058 one-click). */
    public String unsubscribeUrl(String root, UnsubscribeTokens.Purpose purpose, long id) {
        return root + "/digests/unsubscribe?token=" + URLEncoder.encode(tokens.sign(purpose, id), StandardCharsets.UTF_8);
    }

    private String text(Digest d, String root, Map<Long, String> unsubscribe, String all) {
        DateTimeFormatter day = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(zone);
        StringBuilder b = new StringBuilder();
        b.append("出口信用单一窗口 · ").append(d.monthZh()).append("风险信息月报\n");
        b.append("Risk-information digest for ").append(d.month()).append("\n\n");
        b.append(d.subscriberName()).append("，您好！以下是").append(d.monthZh())
                .append("与您的订阅相匹配的风险信息（每个栏目按发布时间由新到旧，最多列出 10 篇）。\n");
        for (Matched s : d.sections()) {
            b.append("\n== 订阅：").append(s.name()).append(" ==\n").append(s.conditionsZh()).append('\n');
            if (s.groups().isEmpty()) {
                b.append("本月没有匹配的文章。\n");
            }
            for (Matched.Group g : s.groups()) {
                b.append("\n【").append(g.nameZh()).append("】").append(g.total()).append(" 篇\n");
                for (Matched.Item i : g.items()) {
                    b.append("- ").append(i.title()).append("（").append(day.format(i.publishedAt())).append("）\n  ")
                            .append(root).append(i.link()).append("\n  匹配原因：").append(i.reasonsZh()).append('\n');
                }
                if (g.total() > g.items().size()) {
                    b.append("  更多：").append(root).append(g.moreHref()).append('\n');
                }
            }
            b.append("退订此订阅：").append(unsubscribe.get(s.subscriptionId())).append('\n');
        }
        if (!d.alerts().isEmpty()) {
            b.append("\n== 资信报警器（").append(d.alerts().size()).append(" 条）==\n");
            for (Digest.AlertItem a : d.alerts()) {
                b.append("- ").append(a.buyerCode()).append(' ').append(a.buyerName()).append("：").append(a.title())
                        .append("\n  ").append(a.reasonZh()).append("\n  ").append(root).append(a.link()).append('\n');
            }
        }
        if (!d.deadlines().isEmpty()) {
            b.append("\n== 待办期限 / Deadlines ==\n");
            for (Digest.DeadlineItem i : d.deadlines()) {
                b.append("- ").append(i.zh()).append(" · ").append(i.buyerCode()).append(' ').append(i.buyerName())
                        .append(" · ").append(i.reference()).append("\n  ").append(i.en()).append("\n  ").append(root)
                        .append(i.href()).append('\n');
            }
        }
        b.append("\n月报存档：").append(root).append("/digests\n");
        b.append("管理订阅：").append(root).append("/subscriptions\n");
        b.append("退订全部月报 / Unsubscribe from all digests：").append(all).append('\n');
        return b.toString();
    }
}
