package cn.creditwindow.digest;

import cn.creditwindow.subscriptions.Subscription;
import cn.creditwindow.subscriptions.Subscriptions;
import java.util.List;
import java.util.Objects;

/**
 * Unsubscribing with a digest e-mail's link: the signed token says what (one subscription, or all of a
 * subscriber's); no sign-in is needed, the signature is the proof. Unsubscribing twice changes nothing the second
 * time; a subscription deleted since is simply not there.
 */
public final class Unsubscriptions {
    private final UnsubscribeTokens tokens;
    private final Subscriptions subscriptions;

    public Unsubscriptions(UnsubscribeTokens tokens, Subscriptions subscriptions) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
    }

    /**
     * What a link unsubscribes.
     *
     * @param subscriptions the subscriptions concerned, as they are now
     * @param changed       how many were active and have just been unsubscribed (0 before confirming)
     */
    public record Target(UnsubscribeTokens.Purpose purpose, List<Subscription> subscriptions, int changed) {
    }

    /**
     * What the token would unsubscribe.
     *
     * @throws cn.creditwindow.validation.InvalidInputException (invalid input) for a forged or altered token
     */
    public Target target(String token) {
        UnsubscribeTokens.Verified v = tokens.verify(token);
        return new Target(v.purpose(), concerned(v), 0);
    }

    /** Unsubscribes what the token names (a forged or altered token: invalid input, nothing changes). */
    public Target unsubscribe(String token) {
        UnsubscribeTokens.Verified v = tokens.verify(token);
        int changed = subscriptions.unsubscribe(concerned(v).stream().map(Subscription::id).toList());
        return new Target(v.purpose(), concerned(v), changed);
    }

    private List<Subscription> concerned(UnsubscribeTokens.Verified v) {
        return switch (v.purpose()) {
            case SUBSCRIPTION -> subscriptions.byId(v.id()).stream().toList();
            case SUBSCRIBER -> subscriptions.ofUser(v.id());
        };
    }
}
