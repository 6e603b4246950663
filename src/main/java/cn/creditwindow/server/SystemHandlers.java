package cn.creditwindow.server;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Objects;
import java.util.function.LongSupplier;

/** Operations endpoints: health, metrics and the API description. */
public final class SystemHandlers {
    private final Metrics metrics;
    private final LongSupplier articleCount;
    private final ApiDocs docs = new ApiDocs();

    public SystemHandlers(Metrics metrics, LongSupplier articleCount) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.articleCount = Objects.requireNonNull(articleCount, "articleCount");
    }

    /** Health as seen by a load balancer: 200 with the article count when the index answers. */
    record Health(String status, long articles) {
    }

    void health(Context ctx) {
        ctx.json(new Health("UP", articleCount.getAsLong()));
    }

    void metrics(Context ctx) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16_384);
        metrics.scrape(out);
        ctx.contentType(metrics.contentType()).result(out.toByteArray());
    }

    void openApi(Context ctx) {
        ctx.contentType("application/json").result(docs.openApi());
    }

    void apiDocs(Context ctx) {
        ctx.html(docs.page());
    }
}
