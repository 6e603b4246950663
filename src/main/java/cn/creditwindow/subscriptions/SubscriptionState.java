package cn.creditwindow.subscriptions;

/** Whether a subscription gets monthly digests. Its Atom feed works in every state. */
public enum SubscriptionState {
    /** Gets the monthly digest. */
    ACTIVE("订阅中", "active"),
    /** Paused by the enterprise's people: no digest until resumed. */
    PAUSED("已暂停", "paused"),
    /** Unsubscribed with the link of a digest e-mail: no digest until resumed. */
    UNSUBSCRIBED("已退订", "unsubscribed");

    private final String zh;
    private final String en;

    SubscriptionState(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }
}
