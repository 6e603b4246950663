package cn.creditwindow.financing;

/** Where a financing application stands: SUBMITTED, then the bank's answer as the insurer's staff record it. */
public enum ApplicationState {
    SUBMITTED("已提交", "submitted"),
    APPROVED("银行已批准", "approved by the bank"),
    DECLINED("银行未批准", "declined by the bank");

    private final String zh;
    private final String en;

    ApplicationState(String zh, String en) {
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
