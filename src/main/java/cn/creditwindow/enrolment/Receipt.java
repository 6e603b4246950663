package cn.creditwindow.enrolment;

/** Whether the enterprise has acknowledged an effective policy (收悉). */
public enum Receipt {
    NONE("—", "—"),
    PENDING("待收悉", "receipt pending"),
    RECEIVED("已收悉", "received");

    private final String zh;
    private final String en;

    Receipt(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }
}
