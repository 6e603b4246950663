package cn.creditwindow.managers;

import cn.creditwindow.web.Params;
import cn.creditwindow.accounts.Caller;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.web.JsonBodies;
import io.javalin.http.Context;

/** The account managers' API: an enterprise's own managers and service lines; an administrator sets office phones. */
public record ManagerHandlers(AccountManagers managers, JsonBodies bodies) {
    /** What {@code PUT /api/admin/managers/{id}/contact} takes. */
    record ContactChange(String officePhone) {
    }

    /** {@code GET /api/my/account-manager}: the signed-in enterprise's account managers and the claims hotline. */
    public void mine(Context ctx) {
        Principal p = Caller.require(ctx);
        ctx.json(managers.mine(p));
    }

    /** {@code PUT /api/admin/managers/{id}/contact}: {@code {"officePhone": "0755-12345678"}}. */
    public void setContact(Context ctx) {
        long id = Params.pathId(ctx, "id");
        ctx.json(managers.setOfficePhone(id, bodies.input(ctx, ContactChange.class).map(ContactChange::officePhone)));
    }
}
