package cn.creditwindow.agreements;

import cn.creditwindow.text.Bilingual;
import cn.creditwindow.text.Names;

/** What a seal (印章) is for. Only a company seal signs the service agreement (manual 2.1). */
public enum SealKind implements Bilingual {
    COMPANY("公司", "company"),
    FINANCE("财务", "finance"),
    CONTRACT("合同", "contract"),
    LEGAL_PERSON("法人", "legal representative");

    private final Names names;

    SealKind(String zh, String en) {
        this.names = new Names(zh, en);
    }

    @Override
    public Names names() {
        return names;
    }

    /** True if a seal of this kind may sign the service agreement. */
    public boolean signsAgreements() {
        return this == COMPANY;
    }
}
