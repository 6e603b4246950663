package cn.creditwindow.messageboard;

import cn.creditwindow.answers.State;
import cn.creditwindow.text.Names;

/** Where a message stands. */
public enum MessageState implements State {
    /** Left on the board, waiting for the insurer's reply. */
    SUBMITTED("已提交", "submitted"),
    /** The insurer's staff replied. */
    REPLIED("已回复", "replied");

    private final Names names;

    MessageState(String zh, String en) {
        this.names = new Names(zh, en);
    }

    @Override
    public Names names() {
        return names;
    }
}
