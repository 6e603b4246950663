package cn.creditwindow.inquiries;

/** What the enterprise asks about (询保内容); the form ticks {@link #INSURE} by default. */
public enum InquiryType {
    INSURE("我要投保", "I want to take out insurance"),
    BUYER_RESOURCES("我要买方资源", "I want buyer resources"),
    OTHER("我有其他需求", "I have other needs");

    private final String zh;
    private final String en;

    InquiryType(String zh, String en) {
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
