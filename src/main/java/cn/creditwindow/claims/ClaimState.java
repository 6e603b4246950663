package cn.creditwindow.claims;

import cn.creditwindow.text.Bilingual;
import cn.creditwindow.text.Names;

/** Where a claim is: the enterprise edits a draft or a returned claim; the insurer holds the others. */
public enum ClaimState implements Bilingual {
    DRAFT("草稿", "draft"),
    SUBMITTED("已提交", "submitted"),
    RETURNED("已退回", "returned"),
    ACCEPTED("已受理", "accepted"),
    PAID("已赔付", "decided and paid");

    private final Names names;

    ClaimState(String zh, String en) {
        this.names = new Names(zh, en);
    }

    @Override
    public Names names() {
        return names;
    }

    /** True while the enterprise may change the claim. */
    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }
}
