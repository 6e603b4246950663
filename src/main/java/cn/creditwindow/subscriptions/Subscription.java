package cn.creditwindow.subscriptions;

import java.time.Instant;

/**
 * A saved risk-information query of an enterprise user (the subscriber), with the state of its monthly digest.
 *
 * @param userId    the subscriber: the digest goes to this user's e-mail address
 * @param userName  the subscriber's display name
 * @param userEmail the subscriber's e-mail address, or null when the account has none (the digest is then only
 *                  kept in the archive)
 */
public record Subscription(long id, long enterpriseId, long userId, String userName, String userEmail, String name,
                           Conditions conditions, SubscriptionState state, Instant createdAt, Instant updatedAt) {
    public boolean active() {
        return state == SubscriptionState.ACTIVE;
    }
}
