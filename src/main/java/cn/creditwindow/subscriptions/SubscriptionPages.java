package cn.creditwindow.subscriptions;

import cn.creditwindow.web.Params;
import cn.creditwindow.accounts.Caller;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.search.Module;
import cn.creditwindow.paging.PageRequest;
import cn.creditwindow.paging.Paged;
import cn.creditwindow.reference.Countries;
import cn.creditwindow.reference.Industries;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.Input;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.web.Lang;
import cn.creditwindow.web.Pager;
import cn.creditwindow.web.Pages;
import cn.creditwindow.web.QueryString;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The subscriptions' pages: the list ({@code /subscriptions}), the form for a new one or an edit with a preview of
 * last month's digest ({@code /subscriptions/new}, {@code /subscriptions/{id}}; the search page's 订阅此查询 opens
 * the new form with its conditions), and the forms that save, pause, resume, delete and renew the feed address.
 * Forms redirect (303); a form with bad values is shown again with each bad field named (400).
 */
public record SubscriptionPages(Subscriptions subscriptions, Matching matching, Countries countries,
                                Industries industries, Pages pages, SubscriptionHandlers api, Clock clock) {
    /** One subscription in the list, described in the page's language. */
    public record Row(Subscription subscription, String description) {
    }

    /** The list, with what was just done ({@code created}, {@code saved}, {@code paused} …) or empty. */
    public record ListView(Paged<Row> items, Pager pager, String done) {
    }

    /**
     * The form.
     *
     * @param id       the subscription edited, or null for a new one
     * @param modules  the module ids ticked
     * @param preview  what last month's digest would hold with these values, or null when they are bad
     * @param feedUrl  a feed address just made, or null
     */
    public record FormView(Long id, String name, String q, String country, String industry, Set<String> modules,
                           List<Module> allModules, List<FieldError> errors, Matched preview, String previewMonth,
                           SubscriptionState state, String feedUrl) {
        public boolean ticked(Module m) {
            return modules.contains(m.id());
        }
    }

    /** {@code GET /subscriptions?page=&size=}. */
    public void list(Context ctx) {
        Principal p = Caller.require(ctx);
        boolean zh = pages.lang(ctx) == Lang.ZH;
        String size = ctx.queryParam("size");
        Paged<Row> rows = subscriptions.list(p, PageRequest.parse(ctx.queryParam("page"), size))
                .map(s -> new Row(s, s.conditions().describe(countries, industries, zh)));
        Pager pager = Pager.of(rows, n -> QueryString.of().add("size", size).add("page", n).appendTo("/subscriptions"));
        String done = ctx.queryParam("done");
        pages.render(ctx, "subscriptions/list.jte", new ListView(rows, pager,
                done != null && done.matches("[a-z]{1,12}") ? done : ""));
    }

    /** {@code GET /subscriptions/new?q=&country=&industry=&module=&name=}: the form with a preview. */
    public void newPage(Context ctx) {
        Caller.require(ctx);
        form(ctx, null, typed(ctx, true), SubscriptionState.ACTIVE, null);
    }

    /** {@code POST /subscriptions}. */
    public void create(Context ctx) {
        Principal p = Caller.require(ctx);
        Subscriptions.Draft draft = typed(ctx, false);
        try {
            Subscription s = subscriptions.create(p, Input.of(draft)).subscription();
            ctx.redirect("/subscriptions?done=created#s-" + s.id(), HttpStatus.SEE_OTHER);
        } catch (InvalidInputException e) {
            ctx.status(400);
            form(ctx, null, draft, SubscriptionState.ACTIVE, null);
        }
    }

    /** {@code GET /subscriptions/{id}}: the edit form; with typed values (预览) the preview shows those. */
    public void editPage(Context ctx) {
        Principal p = Caller.require(ctx);
        Subscription s = subscriptions.find(p, Params.pathId(ctx, "id"));
        Subscriptions.Draft draft = ctx.queryParam("preview") != null ? typed(ctx, true) : stored(ctx, s);
        form(ctx, s.id(), draft, s.state(), null);
    }

    /** {@code POST /subscriptions/{id}}. */
    public void update(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        Subscription s = subscriptions.find(p, id);
        Subscriptions.Draft draft = typed(ctx, false);
        try {
            subscriptions.update(p, id, Input.of(draft));
            ctx.redirect("/subscriptions?done=saved#s-" + id, HttpStatus.SEE_OTHER);
        } catch (InvalidInputException e) {
            ctx.status(400);
            form(ctx, id, draft, s.state(), null);
        }
    }

    /** {@code POST /subscriptions/{id}/pause}. */
    public void pause(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        subscriptions.setState(p, id, Input.of(SubscriptionState.PAUSED.name()));
        ctx.redirect("/subscriptions?done=paused#s-" + id, HttpStatus.SEE_OTHER);
    }

    /** {@code POST /subscriptions/{id}/resume}. */
    public void resume(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        subscriptions.setState(p, id, Input.of(SubscriptionState.ACTIVE.name()));
        ctx.redirect("/subscriptions?done=resumed#s-" + id, HttpStatus.SEE_OTHER);
    }

    /** {@code POST /subscriptions/{id}/delete}. */
    public void delete(Context ctx) {
        Principal p = Caller.require(ctx);
        subscriptions.delete(p, Params.pathId(ctx, "id"));
        ctx.redirect("/subscriptions?done=deleted", HttpStatus.SEE_OTHER);
    }

    /** {@code POST /subscriptions/{id}/feed-token}: the edit page showing the new feed address (once). */
    public void feedToken(Context ctx) {
        Principal p = Caller.require(ctx);
        long id = Params.pathId(ctx, "id");
        String token = subscriptions.newFeedToken(p, id);
        Subscription s = subscriptions.find(p, id);
        form(ctx, id, stored(ctx, s), s.state(), api.feedUrl(token));
    }

    private void form(Context ctx, Long id, Subscriptions.Draft draft, SubscriptionState state, String feedUrl) {
        List<FieldError> errors = new ArrayList<>();
        Matched preview = null;
        YearMonth month = matching.previousMonth(clock.instant());
        try {
            Subscriptions.Checked c = subscriptions.checked(Input.of(draft));
            preview = matching.preview(c.name(), c.conditions(), month);
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        }
        Set<String> modules = new TreeSet<>();
        if (draft.module() != null && !draft.module().isBlank()) {
            modules.addAll(List.of(draft.module().split(",")));
        }
        pages.render(ctx, "subscriptions/form.jte", new FormView(id, nullToEmpty(draft.name()), nullToEmpty(draft.q()),
                nullToEmpty(draft.country()), nullToEmpty(draft.industry()), modules, List.of(Module.values()), errors,
                preview, month.toString(), state, feedUrl));
    }

    /** The values typed into the form (query parameters for GET, form fields for POST). */
    private static Subscriptions.Draft typed(Context ctx, boolean query) {
        List<String> modules = query ? ctx.queryParams("module") : ctx.formParams("module");
        return new Subscriptions.Draft(param(ctx, "name", query), param(ctx, "q", query), param(ctx, "country", query),
                param(ctx, "industry", query), String.join(",", modules));
    }

    /** A saved subscription's values as the form shows them: names in the page's language. */
    private Subscriptions.Draft stored(Context ctx, Subscription s) {
        boolean zh = pages.lang(ctx) == Lang.ZH;
        Conditions c = s.conditions();
        return new Subscriptions.Draft(s.name(), c.q(),
                String.join(",", c.countries().stream().map(code -> Conditions.countryName(countries, code, zh)).toList()),
                String.join(",", c.industries().stream().map(code -> industryValue(code, zh)).toList()), c.module());
    }

    /** An industry's name, or its code where the name holds a comma (a list separator). */
    private String industryValue(String code, boolean zh) {
        String name = Conditions.industryName(industries, code, zh);
        return name.contains(",") || name.contains("，") ? code : name;
    }

    private static String param(Context ctx, String name, boolean query) {
        return query ? ctx.queryParam(name) : ctx.formParam(name);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
