package cn.creditwindow.enrolment;

import cn.creditwindow.text.Bilingual;
import cn.creditwindow.text.Names;

/**
 * Where a sponsored policy stands. PENDING, APPLIED, RETURNED, AWAITING_PAYMENT and EFFECTIVE are active: one at a
 * time. AWAITING_PAYMENT is an accepted application of a scheme that takes effect on the enterprise's payment of its
 * share (Henan medium): numbered, not yet effective.
 */
public enum PolicyState implements Bilingual {
    PENDING("待确认保单", "pending"),
    APPLIED("投保申请已提交", "application submitted"),
    RETURNED("投保申请已退回", "application returned"),
    AWAITING_PAYMENT("待缴费", "awaiting payment"),
    EFFECTIVE("生效", "effective"),
    EXPIRED("已到期", "expired"),
    WITHDRAWN("已撤回", "withdrawn");

    private final Names names;

    PolicyState(String zh, String en) {
        this.names = new Names(zh, en);
    }

    @Override
    public Names names() {
        return names;
    }

    /** True while the enterprise may hold no other sponsored policy. */
    public boolean active() {
        return this == PENDING || this == APPLIED || this == RETURNED || this == AWAITING_PAYMENT || this == EFFECTIVE;
    }
}
