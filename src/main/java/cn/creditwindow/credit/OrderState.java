package cn.creditwindow.credit;

import cn.creditwindow.text.Bilingual;
import cn.creditwindow.text.Names;

/** Where a report order stands: ORDERED → IN_PROGRESS → DELIVERED, or CANCELLED / UNABLE_TO_LOCATE. */
public enum OrderState implements Bilingual {
    ORDERED("已下单", "ordered"),
    IN_PROGRESS("调查中", "in progress"),
    DELIVERED("已出具", "delivered"),
    CANCELLED("已取消", "cancelled"),
    UNABLE_TO_LOCATE("无法查到", "unable to locate");

    private final Names names;

    OrderState(String zh, String en) {
        this.names = new Names(zh, en);
    }

    @Override
    public Names names() {
        return names;
    }

    /** True while the order holds its free slot (if it has one). */
    public boolean live() {
        return this == ORDERED || this == IN_PROGRESS || this == DELIVERED;
    }
}
