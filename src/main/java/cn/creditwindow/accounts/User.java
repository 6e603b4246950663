package cn.creditwindow.accounts;

import java.time.Instant;

/** A person who signs in. {@code enterpriseId} is set for the enterprise's own people only. */
public record User(long id, String username, String displayName, Role role, Long enterpriseId, String mobile,
                   String email, Instant createdAt) {
    Principal principal() {
        return new Principal(id, username, displayName, role, enterpriseId, java.util.Set.of(), null);
    }
}
