package cn.creditwindow.inquiries;

import cn.creditwindow.answers.State;
import cn.creditwindow.text.Names;

/** Where an inquiry stands (申请状态). */
public enum InquiryState implements State {
    /** Sent to the insurer, waiting for its answer. */
    SUBMITTED("已提交", "submitted"),
    /** The insurer's staff answered. */
    ANSWERED("已答复", "answered");

    private final Names names;

    InquiryState(String zh, String en) {
        this.names = new Names(zh, en);
    }

    @Override
    public Names names() {
        return names;
    }
}
