package cn.creditwindow.server;

import cn.creditwindow.web.Pages;
import cn.creditwindow.web.Section;

import io.javalin.http.Context;
import java.util.Objects;

/** The placeholder page of a menu section that a later release builds ("即将上线"). */
public final class ComingSoonPages {
    private final Pages pages;

    public ComingSoonPages(Pages pages) {
        this.pages = Objects.requireNonNull(pages, "pages");
    }

    /** {@code GET} on the section's path while it is not {@linkplain Section#ready() ready}. */
    public void show(Context ctx, Section section) {
        pages.render(ctx, "comingSoon.jte", section);
    }
}
