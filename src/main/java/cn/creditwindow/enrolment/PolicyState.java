package cn.creditwindow.enrolment;

/**
 * Where a sponsored policy stands. PENDING, APPLIED, RETURNED, AWAITING_PAYMENT and EFFECTIVE are active: one at a
 * time. AWAITING_PAYMENT is an accepted application of a scheme that takes effect on the enterprise's payment of its
 * share (Henan medium): numbered, not yet effective.
 */
public enum PolicyState {
    PENDING("待确认保单", "pending"),
    APPLIED("投保申请已提交", "application submitted"),
    RETURNED("投保申请已退回", "application returned"),
    AWAITING_PAYMENT("待缴费", "awaiting payment"),
    EFFECTIVE("生效", "effective"),
    EXPIRED("已到期", "expired"),
    WITHDRAWN("已撤回", "withdrawn");

    private final String zh;
    private final String en;

    PolicyState(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    /** True while the enterprise may hold no other sponsored policy. */
    public boolean active() {
        return this == PENDING || this == APPLIED || this == RETURNED || this == AWAITING_PAYMENT || this == EFFECTIVE;
    }
}
