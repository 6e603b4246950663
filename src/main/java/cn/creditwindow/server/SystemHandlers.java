package cn.creditwindow.server;

import cn.creditwindow.search.SearchUnavailableException;
import com.fasterxml.jackson.annotation.JsonInclude;
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

    /**
     * Health as seen by a load balancer: 200 with the article count when the index answers; 503 saying what is down
     * when it does not (the search cluster: every node tried failed or was slow).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Health(String status, Long articles, String message, String messageZh) {
    }

    void health(Context ctx) {
        try {
            ctx.json(new Health("UP", articleCount.getAsLong(), null, null));
        } catch (SearchUnavailableException e) {
            ctx.status(503).header("Retry-After", "5").json(new Health("DOWN", null,
                    ErrorMapping.SEARCH_DOWN_EN + " (" + e.getMessage() + ")", ErrorMapping.SEARCH_DOWN_ZH));
        }
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
