package cn.creditwindow.agreements;

import cn.creditwindow.text.Bilingual;
import cn.creditwindow.text.Names;

/** What happened to an agreement, as its history shows it (解约流程 and the rest). */
public enum AgreementAction implements Bilingual {
    SIGNED("企业签署协议", "signed by the enterprise"),
    COUNTERSIGNED("保险公司签章，签约成功", "countersigned by the insurer"),
    REFUSED("保险公司拒绝签约", "refused by the insurer"),
    TERMINATION_REQUESTED("企业申请解约", "termination requested by the enterprise"),
    TERMINATION_APPROVED("解约成功", "termination approved"),
    TERMINATION_REJECTED("解约失败", "termination refused"),
    /** The enterprise's data authorisation under the signed agreement (not stored as an event: see Agreements). */
    DATA_AUTHORISED("企业数据授权", "enterprise data authorised");

    private final Names names;

    AgreementAction(String zh, String en) {
        this.names = new Names(zh, en);
    }

    @Override
    public Names names() {
        return names;
    }
}
