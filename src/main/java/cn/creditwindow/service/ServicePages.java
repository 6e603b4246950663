package cn.creditwindow.service;

import cn.creditwindow.managers.ServiceLines;
import cn.creditwindow.web.Pages;
import io.javalin.http.Context;
import java.util.List;

/**
 * The service introduction's pages under {@code /service}: public, no sign-in. The texts are in the message files
 * ({@code service.*}); each service links to its journey.
 */
public record ServicePages(Pages pages, ServiceLines lines) {
    /** The services of 8.1, each a message-key stem ({@code service.offer.<key>}, {@code ….about}) and its journey. */
    public static final List<Offer> OFFERS = List.of(
            new Offer("agreements", "/agreements"),
            new Offer("enrolment", "/enrolment"),
            new Offer("claims", "/claims"),
            new Offer("risk", "/search"),
            new Offer("credit", "/credit"),
            new Offer("alarm", "/credit/alerts"),
            new Offer("financing", "/financing"));
    /**
     * Where each step of the online enrolment (8.2, message keys {@code service.flow.N}) is done, in order; empty for
     * a step outside the window (the list's publication by the commerce department).
     */
    public static final List<String> ENROLMENT_STEPS = List.of("", "/agreements", "/enrolment?filter=pending",
            "/enrolment", "/enrolment?tab=policies", "/enrolment?tab=policies&filter=effective");
    /** Steps of the renewal (续转), message keys {@code service.renewal.N}. */
    public static final int RENEWAL_STEPS = 4;

    /** A service of the window and where it is done. */
    public record Offer(String key, String href) {
    }

    /** What the pages show besides their texts. */
    public record View(List<Offer> offers, ServiceLines lines) {
    }

    /** {@code GET /service}: 8.1 the services offered through the window. */
    public void index(Context ctx) {
        pages.render(ctx, "service/index.jte", new View(OFFERS, lines));
    }

    /** {@code GET /service/enrolment-flow}: 8.2 the small/micro enrolment and renewal flow. */
    public void enrolmentFlow(Context ctx) {
        pages.render(ctx, "service/flow.jte", new View(OFFERS, lines));
    }
}
