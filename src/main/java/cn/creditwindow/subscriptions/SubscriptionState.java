package cn.creditwindow.subscriptions;

import cn.creditwindow.text.Bilingual;
import cn.creditwindow.text.Names;

/** Whether a subscription gets monthly digests. Its Atom feed works in every state. */
public enum SubscriptionState implements Bilingual {
    /** Gets the monthly digest. */
    ACTIVE("订阅中", "active"),
    /** Paused by the enterprise's people: no digest until resumed. */
    PAUSED("已暂停", "paused"),
    /** Unsubscribed with the link of a digest e-mail: no digest until resumed. */
    UNSUBSCRIBED("已退订", "unsubscribed");

    private final Names names;

    SubscriptionState(String zh, String en) {
        this.names = new Names(zh, en);
    }

    @Override
    public Names names() {
        return names;
    }
}
