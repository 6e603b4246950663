package cn.creditwindow.enrolment;

import cn.creditwindow.text.Bilingual;
import cn.creditwindow.text.Names;

/** Whether the enterprise has acknowledged an effective policy (收悉). */
public enum Receipt implements Bilingual {
    NONE("—", "—"),
    PENDING("待收悉", "receipt pending"),
    RECEIVED("已收悉", "received");

    private final Names names;

    Receipt(String zh, String en) {
        this.names = new Names(zh, en);
    }

    @Override
    public Names names() {
        return names;
    }
}
