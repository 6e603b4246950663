package cn.creditwindow.messageboard;

import cn.creditwindow.answers.State;

/** Where a message stands. */
public enum MessageState implements State {
    /** Left on the board, waiting for the insurer's reply. */
    SUBMITTED("已提交", "submitted"),
    /** The insurer's staff replied. */
    REPLIED("已回复", "replied");

    private final String zh;
    private final String en;

    MessageState(String zh, String en) {
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
