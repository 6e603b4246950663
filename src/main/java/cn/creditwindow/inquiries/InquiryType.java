package cn.creditwindow.inquiries;

import cn.creditwindow.text.Bilingual;
import cn.creditwindow.text.Names;

/** What the enterprise asks about (询保内容); the form ticks {@link #INSURE} by default. */
public enum InquiryType implements Bilingual {
    INSURE("我要投保", "I want to take out insurance"),
    BUYER_RESOURCES("我要买方资源", "I want buyer resources"),
    OTHER("我有其他需求", "I have other needs");

    private final Names names;

    InquiryType(String zh, String en) {
        this.names = new Names(zh, en);
    }

    @Override
    public Names names() {
        return names;
    }
}
