package cn.creditwindow.feeds;

import cn.creditwindow.search.Module;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.validation.TooLargeException;
import cn.creditwindow.validation.UnreadableException;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * {@code POST /api/feeds?module=…}: the insurer's systems push a feed document (RSS, Atom or an
 * HTML article page) as the request body.
 *
 * <p>Only the insurer's systems may push: the route requires an API token with the {@code feeds:push}
 * scope ({@code accounts.Guard.FEED_PUSH}), checked before this handler runs.
 */
public record FeedHandlers(FeedIngester ingester, long maxBytes, Consumer<IngestReport> onReport) {
    public void post(Context ctx) throws IOException {
        String moduleId = ctx.queryParam("module");
        if (moduleId == null || moduleId.isBlank()) {
            throw new InvalidInputException("module", "必须指定栏目 module：country-alert、industry-alert、belt-and-road 或 trade-news",
                    "module is required: country-alert, industry-alert, belt-and-road or trade-news");
        }
        Module module = Module.byId(moduleId).orElseThrow(() -> new InvalidInputException("module",
                "未知的栏目“" + moduleId + "”，可选：country-alert、industry-alert、belt-and-road、trade-news",
                "unknown module '" + moduleId + "'; use country-alert, industry-alert, belt-and-road or trade-news"));
        byte[] body = readLimited(ctx);
        if (body.length == 0) {
            throw new InvalidInputException("body", "请求体为空：请提交 RSS、Atom 或 HTML 文档",
                    "the request body is empty: post an RSS, Atom or HTML document");
        }
        String name = ctx.queryParam("name") != null ? ctx.queryParam("name") : "posted document";
        IngestReport report = ingester.ingestDocument(body, module, name);
        if (!report.failedFiles().isEmpty()) {
            String reason = report.failedFiles().get(0).reason();
            throw new UnreadableException("the document could not be read: " + reason,
                    "无法读取该文档：" + reason);
        }
        if (report.itemsAccepted() == 0 && report.itemsWithdrawn() == 0 && !report.rejectedItems().isEmpty()) {
            String reason = report.rejectedItems().get(0).reason();
            throw new UnreadableException("the document could not be read: no usable item (" + reason + ")",
                    "无法读取该文档：没有可用的条目（" + reason + "）");
        }
        onReport.accept(report);
        ctx.json(report);
    }

    private byte[] readLimited(Context ctx) throws IOException {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge();
        }
        try (InputStream in = ctx.bodyInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            long total = 0;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
                if (total > maxBytes) {
                    throw tooLarge();
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    private TooLargeException tooLarge() {
        return new TooLargeException("the document is larger than the limit of " + maxBytes + " bytes",
                "文档超过大小上限（" + maxBytes + " 字节）");
    }
}
