package cn.creditwindow.credit;

/** Where a report order stands: ORDERED → IN_PROGRESS → DELIVERED, or CANCELLED / UNABLE_TO_LOCATE. */
public enum OrderState {
    ORDERED("已下单", "ordered"),
    IN_PROGRESS("调查中", "in progress"),
    DELIVERED("已出具", "delivered"),
    CANCELLED("已取消", "cancelled"),
    UNABLE_TO_LOCATE("无法查到", "unable to locate");

    private final String zh;
    private final String en;

    OrderState(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    /** True while the order holds its free slot (if it has one). */
    public boolean live() {
        return this == ORDERED || this == IN_PROGRESS || this == DELIVERED;
    }
}
