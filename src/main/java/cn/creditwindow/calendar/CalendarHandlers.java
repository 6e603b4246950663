package cn.creditwindow.calendar;

import cn.creditwindow.accounts.Caller;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.validation.InvalidInputException;
import io.javalin.http.Context;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.web.Uploads;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The administrator's API for the working-day calendar: {@code GET /api/admin/calendar/years} (the years held, their
 * source, the needed and missing years) and {@code POST /api/admin/calendar/years/{year}} (load a year's official
 * schedule). The routes admit administrators only; {@link HolidayCalendar#load} checks again.
 */
public record CalendarHandlers(HolidayCalendar calendar) {
    /** {@code GET /api/admin/calendar/years}: {@code {today, years: [{year, source, …}], needed, missing}}. */
    public void years(Context ctx) {
        Caller.require(ctx);
        ctx.json(calendar.overview());
    }

    /**
     * {@code POST /api/admin/calendar/years/{year}}: the file as the body ({@code text/csv} or {@code text/calendar},
     * with {@code ?fileName=}) or multipart field {@code file}; 201 with the year and its days, 400 naming each bad
     * line (nothing saved).
     */
    public void load(Context ctx) {
        Principal p = Caller.require(ctx);
        int year = year(ctx.pathParam("year"));
        Upload u = upload(ctx);
        ctx.status(201).json(calendar.load(p, year, u.fileName(), u.content()));
    }

    /** A year as given in a path or form: four digits. */
    static int year(String raw) {
        String v = raw == null ? "" : raw.strip();
        if (!v.matches("\\d{4}")) {
            throw new InvalidInputException("year", "年份应为四位数字，如 2027", "the year is four digits, e.g. 2027");
        }
        return Integer.parseInt(v);
    }

    /** What an upload carries. */
    record Upload(String fileName, byte[] content) {
    }

    /** The file of a multipart form ({@code file}) or the request body; 400 when too large or JSON. */
    static Upload upload(Context ctx) {
        List<FieldError> errors = new ArrayList<>();
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("application/json")) {
            errors.add(new FieldError("file", "请以 text/csv 或 text/calendar 提交节假日安排文件",
                    "send the holiday schedule as text/csv or text/calendar"));
        }
        Uploads.SentFile f = errors.isEmpty() ? Uploads.file(ctx, ScheduleFiles.MAX_BYTES, errors) : null;
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Upload(f.name(), f.content()); // an empty file: ScheduleFiles.read names it
    }
}
