package cn.creditwindow.subscriptions;

import cn.creditwindow.web.Params;
import cn.creditwindow.accounts.Caller;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.paging.PageRequest;
import cn.creditwindow.reference.Countries;
import cn.creditwindow.reference.Industries;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.validation.NotFoundException;
import cn.creditwindow.web.Pager;
import cn.creditwindow.web.JsonBodies;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The subscriptions' API ({@code /api/subscriptions}) and the Atom feeds ({@code /api/atom/{token}}, public: the
 * private token is the credential). Routes carry the role guards; {@link Subscriptions} checks the tenant.
 */
public record SubscriptionHandlers(Subscriptions subscriptions, Matching matching, AtomFeeds atom, Countries countries,
                                   Industries industries, JsonBodies bodies, Supplier<String> base,
                                   java.time.Clock clock) {
    /** The API's field names for the search's parameters, in error messages. */
    private static final Map<String, String> FIELDS = Map.of("q", "keywords", "country", "countries",
            "industry", "industries", "module", "modules");

    /**
     * What {@code POST /api/subscriptions}, {@code PUT /api/subscriptions/{id}} and the preview take. Values of a
     * list are alternatives, except keywords, which must all occur.
     */
    record Body(String name, List<String> modules, List<String> countries, List<String> industries,
                List<String> keywords) {
        Subscriptions.Draft draft() {
            return new Subscriptions.Draft(name, join(keywords, " "), join(countries, ","), join(industries, ","),
                    join(modules, ","));
        }

        private static String join(List<String> values, String separator) {
            return values == null ? null : String.join(separator, values.stream()
                    .map(v -> v == null ? "" : v).toList());
        }
    }

    /** What {@code PUT /api/subscriptions/{id}/state} takes. */
    record StateChange(String state) {
    }

    /** A subscription as the API shows it. */
    record View(long id, String name, List<String> modules, List<String> countries, List<String> industries,
                List<String> keywords, SubscriptionState state, long subscriberId, String subscriberName,
                String email, String descriptionZh, String descriptionEn, Instant createdAt, Instant updatedAt) {
    }

    View view(Subscription s) {
        Conditions c = s.conditions();
        return new View(s.id(), s.name(), c.modules().stream().map(m -> m.id()).toList(), c.countries(),
                c.industries(), c.keywords(), s.state(), s.userId(), s.userName(), s.userEmail(),
                c.describe(countries, industries, true), c.describe(countries, industries, false), s.createdAt(),
                s.updatedAt());
    }

    /** {@code GET /api/subscriptions?page=&size=}: one page, newest first. */
    public void list(Context ctx) {
        Principal p = Caller.require(ctx);
        ctx.json(subscriptions.list(p, Pager.request(ctx))
                .map(this::view));
    }

    /** {@code POST /api/subscriptions}: 201 with the subscription and its Atom feed's URL (shown only now). */
    public void create(Context ctx) {
        Principal p = Caller.require(ctx);
        Subscriptions.Created created = renaming(() -> subscriptions.create(p,
                bodies.input(ctx, Body.class).map(Body::draft)));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("subscription", view(created.subscription()));
        answer.put("feedUrl", feedUrl(created.feedToken()));
        ctx.status(201).json(answer);
    }

    /** {@code POST /api/subscriptions/preview}: what last month's digest would have held, before saving. */
    public void preview(Context ctx) {
        Caller.require(ctx);
        Subscriptions.Checked c = renaming(() -> subscriptions.checked(bodies.input(ctx, Body.class).map(Body::draft)));
        YearMonth month = matching.previousMonth(clock.instant());
        ctx.json(Map.of("month", month.toString(), "preview", matching.preview(c.name(), c.conditions(), month)));
    }

    /** {@code GET /api/subscriptions/{id}}. */
    public void get(Context ctx) {
        Principal p = Caller.require(ctx);
        ctx.json(view(subscriptions.find(p, Params.pathId(ctx, "id"))));
    }

    /** {@code PUT /api/subscriptions/{id}}: replaces its name and conditions (404 before the body is looked at). */
    public void update(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        ctx.json(view(renaming(() -> subscriptions.update(p, id, bodies.input(ctx, Body.class).map(Body::draft)))));
    }

    /** {@code PUT /api/subscriptions/{id}/state}: {@code {"state": "PAUSED"}} or {@code "ACTIVE"}. */
    public void state(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        ctx.json(view(subscriptions.setState(p, id, bodies.input(ctx, StateChange.class).map(StateChange::state))));
    }

    /** {@code DELETE /api/subscriptions/{id}}. */
    public void delete(Context ctx) {
        Principal p = Caller.require(ctx);
        subscriptions.delete(p, Params.pathId(ctx, "id"));
        ctx.status(204);
    }

    /** {@code POST /api/subscriptions/{id}/feed-token}: a new feed URL; the old one stops working. */
    public void feedToken(Context ctx) {
        Principal p = Caller.require(ctx);
        String token = subscriptions.newFeedToken(p, Params.pathId(ctx, "id"));
        ctx.status(201).json(Map.of("feedUrl", feedUrl(token)));
    }

    /** {@code GET /api/atom/{token}}: the subscription's Atom 1.0 feed. */
    public void atom(Context ctx) {
        String token = ctx.pathParam("token");
        Subscription s = subscriptions.byFeedToken(token).orElseThrow(() -> new NotFoundException(
                "no feed at this address (the subscription was deleted or its feed address renewed)",
                "此订阅源地址无效（订阅已删除或地址已重新生成）"));
        String feed = atom.feed(s, base.get(), feedUrl(token));
        ctx.header("Cache-Control", "private, max-age=300");
        ctx.contentType("application/atom+xml; charset=utf-8").result(feed);
    }

    /** The absolute URL of a feed token's Atom feed. */
    String feedUrl(String token) {
        return base.get() + "/api/atom/" + token;
    }

    /** Runs {@code work}, naming bad fields as the API calls them. */
    private static <T> T renaming(Supplier<T> work) {
        try {
            return work.get();
        } catch (InvalidInputException e) {
            throw Subscriptions.renamed(e, FIELDS);
        }
    }
}
