package cn.creditwindow.financing;

import cn.creditwindow.text.Bilingual;
import cn.creditwindow.text.Names;

/** Where a financing application stands: SUBMITTED, then the bank's answer as the insurer's staff record it. */
public enum ApplicationState implements Bilingual {
    SUBMITTED("已提交", "submitted"),
    APPROVED("银行已批准", "approved by the bank"),
    DECLINED("银行未批准", "declined by the bank");

    private final Names names;

    ApplicationState(String zh, String en) {
        this.names = new Names(zh, en);
    }

    @Override
    public Names names() {
        return names;
    }
}
