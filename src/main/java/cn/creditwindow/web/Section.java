package cn.creditwindow.web;

/**
 * The sections of the left-hand menu, in the manual's order. A section that is not yet
 * {@linkplain #ready() ready} is shown with a "coming soon" mark and its path answers with a
 * placeholder page; the issue that builds it sets {@code ready} and routes the path to its pages.
 */
public enum Section {
    HOME("/", "nav.home", true),
    RISK("/search", "nav.risk", true, "/articles"),
    // subscriptions and monthly digests (信息订阅, manual 1.4): the digest archive belongs to the same entry
    SUBSCRIPTIONS("/subscriptions", "nav.subscriptions", true, "/digests"),
    AGREEMENTS("/agreements", "nav.agreements", true),
    ENROLMENT("/enrolment", "nav.enrolment", true),
    CLAIMS("/claims", "nav.claims", true, "/losses"),
    CREDIT("/credit", "nav.credit", true),
    // the window's own pages: the financing marketplace (融资超市, manual 六) and the service introduction (服务介绍, 八);
    // between them the message board (调查问卷, manual 七); 投保咨询 is a sub-entry of 投保服务 (/enrolment/inquiries)
    FINANCING("/financing", "nav.financing", true),
    MESSAGE_BOARD("/message-board", "nav.messageBoard", true),
    SERVICE("/service", "nav.service", true);

    private final String path;
    private final String messageKey;
    private final boolean ready;
    private final String[] alsoUnder;

    Section(String path, String messageKey, boolean ready, String... alsoUnder) {
        this.path = path;
        this.messageKey = messageKey;
        this.ready = ready;
        this.alsoUnder = alsoUnder;
    }

    /** Where the menu entry leads. */
    public String path() {
        return path;
    }

    /** The key of its name in the message files. */
    public String messageKey() {
        return messageKey;
    }

    /** False while the section is a placeholder. */
    public boolean ready() {
        return ready;
    }

    /** The section a request path belongs to (its menu entry is highlighted), or null. */
    public static Section of(String requestPath) {
        if (requestPath == null || requestPath.equals("/")) {
            return requestPath == null ? null : HOME;
        }
        for (Section s : values()) {
            if (s != HOME && under(requestPath, s.path)) {
                return s;
            }
            for (String other : s.alsoUnder) {
                if (under(requestPath, other)) {
                    return s;
                }
            }
        }
        return null;
    }

    private static boolean under(String requestPath, String prefix) {
        return requestPath.equals(prefix) || requestPath.startsWith(prefix + "/");
    }
}
