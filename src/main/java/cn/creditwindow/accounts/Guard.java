package cn.creditwindow.accounts;

import io.javalin.security.RouteRole;

/**
 * Who may call a route: given to each protected route of the route table ({@code server.ApiRoutes},
 * {@code server.PageRoutes}); a route with several guards admits a principal any one of them admits; a route with none
 * is public. Checked by the server's authentication before the handler runs: nobody signed in is refused as not
 * signed in (pages: the sign-in page), the wrong role as not allowed. Whose records a handler may then show is
 * {@link Tenancy}'s business.
 */
public enum Guard implements RouteRole {
    /** Any signed-in person (not a system token). */
    SIGNED_IN,
    /** The enterprise's people: legal representative and operators. */
    ENTERPRISE,
    /** Only the enterprise's legal representative (signing). */
    LEGAL_REPRESENTATIVE,
    ACCOUNT_MANAGER,
    REVIEWER,
    ADMIN,
    /** An API token with the {@code feeds:push} scope. */
    FEED_PUSH,
    /** An API token with the {@code customs:push} scope (customs data). */
    CUSTOMS_PUSH;

    /** True if this guard lets {@code p} through. */
    public boolean admits(Principal p) {
        return switch (this) {
            case SIGNED_IN -> p.role() != Role.SYSTEM;
            case ENTERPRISE -> p.role().isEnterpriseUser();
            case LEGAL_REPRESENTATIVE -> p.is(Role.LEGAL_REPRESENTATIVE);
            case ACCOUNT_MANAGER -> p.is(Role.ACCOUNT_MANAGER);
            case REVIEWER -> p.is(Role.REVIEWER);
            case ADMIN -> p.is(Role.ADMIN);
            case FEED_PUSH -> p.is(Role.SYSTEM) && p.hasScope(ApiTokens.FEEDS_PUSH);
            case CUSTOMS_PUSH -> p.is(Role.SYSTEM) && p.hasScope(ApiTokens.CUSTOMS_PUSH);
        };
    }
}
