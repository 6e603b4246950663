package cn.creditwindow.inquiries;

import cn.creditwindow.answers.State;

/** Where an inquiry stands (申请状态). */
public enum InquiryState implements State {
    /** Sent to the insurer, waiting for its answer. */
    SUBMITTED("已提交", "submitted"),
    /** The insurer's staff answered. */
    ANSWERED("已答复", "answered");

    private final String zh;
    private final String en;

    InquiryState(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    @Override
    public String zh() {
        return zh;
    }

    @Override
    public String en() {
        return en;
    }
}
