package cn.creditwindow.claims;

/** Where a claim is: the enterprise edits a draft or a returned claim; the insurer holds the others. */
public enum ClaimState {
    DRAFT("草稿", "draft"),
    SUBMITTED("已提交", "submitted"),
    RETURNED("已退回", "returned"),
    ACCEPTED("已受理", "accepted"),
    PAID("已赔付", "decided and paid");

    private final String zh;
    private final String en;

    ClaimState(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    /** True while the enterprise may change the claim. */
    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }
}
