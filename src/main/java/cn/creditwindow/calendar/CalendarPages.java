package cn.creditwindow.calendar;

import cn.creditwindow.accounts.Caller;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.web.Pages;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;

/**
 * The administrator's page of the working-day calendar, {@code /claims/calendar} (节假日安排, under the claims whose
 * deadlines it counts): the years held with their source, the missing ones, and the form that loads a year's
 * schedule. A refused file shows the page again with each bad line (400); a loaded one redirects (303) to the page
 * saying so.
 */
public record CalendarPages(HolidayCalendar calendar, Pages pages) {
    /**
     * What the page shows.
     *
     * @param loaded the year just loaded (the redirect's {@code ?loaded=}), else null
     * @param year   the year the form proposes: the one just asked for, else the first missing one, else next year
     */
    public record View(HolidayCalendar.Overview overview, List<FieldError> errors, Integer loaded, int year) {
    }

    /** {@code GET /claims/calendar}. */
    public void show(Context ctx) {
        Caller.require(ctx);
        String loaded = ctx.queryParam("loaded");
        Integer year = loaded != null && loaded.matches("\\d{4}") ? Integer.valueOf(loaded) : null;
        render(ctx, List.of(), year, null);
    }

    /** {@code POST /claims/calendar}: multipart with {@code year} and {@code file}. */
    public void load(Context ctx) {
        Principal p = Caller.require(ctx);
        String asked = ctx.formParam("year");
        try {
            int year = CalendarHandlers.year(asked);
            CalendarHandlers.Upload u = CalendarHandlers.upload(ctx);
            calendar.load(p, year, u.fileName(), u.content());
            ctx.redirect("/claims/calendar?loaded=" + year, HttpStatus.SEE_OTHER);
        } catch (InvalidInputException e) {
            ctx.status(400);
            render(ctx, e.errors(), null, asked);
        }
    }

    private void render(Context ctx, List<FieldError> errors, Integer loaded, String asked) {
        HolidayCalendar.Overview o = calendar.overview();
        int year = asked != null && asked.strip().matches("\\d{4}") ? Integer.parseInt(asked.strip())
                : !o.missing().isEmpty() ? o.missing().get(0) : o.today().getYear() + 1;
        pages.render(ctx, "calendar/years.jte", new View(o, errors, loaded, year));
    }
}
