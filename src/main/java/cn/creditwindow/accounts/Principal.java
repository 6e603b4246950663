package cn.creditwindow.accounts;

import java.util.Objects;
import java.util.Set;

/**
 * Who is asking, once signed in or identified by an API token.
 *
 * @param userId       the user's id, or the API token's id for {@link Role#SYSTEM}
 * @param username     the sign-in name, or the token's name
 * @param displayName  the name shown on pages
 * @param role         what it is
 * @param enterpriseId the enterprise of an enterprise user, else null
 * @param scopes       what an API token may do (e.g. {@code feeds:push}); empty for people
 * @param csrfToken    the session's anti-forgery token for forms, or null without a session
 */
public record Principal(long userId, String username, String displayName, Role role, Long enterpriseId,
                        Set<String> scopes, String csrfToken) {
    public Principal {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(role, "role");
        scopes = Set.copyOf(scopes);
        if (role.isEnterpriseUser() != (enterpriseId != null)) {
            throw new IllegalArgumentException("enterpriseId must be set exactly for enterprise users, was "
                    + enterpriseId + " for " + role);
        }
    }

    public boolean is(Role r) {
        return role == r;
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }

    /** The same principal with a session's anti-forgery token. */
    Principal withCsrf(String csrf) {
        return new Principal(userId, username, displayName, role, enterpriseId, scopes, csrf);
    }
}
