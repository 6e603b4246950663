package cn.creditwindow.accounts;

import cn.creditwindow.text.Bilingual;
import cn.creditwindow.text.Names;

/** What a principal is to the window; decides which endpoints it may call (see {@link Guard}). */
public enum Role implements Bilingual {
    /** The enterprise's legal representative (法人): the only one who may sign for it. */
    LEGAL_REPRESENTATIVE("法人", "legal representative", true),
    /** Someone working for the enterprise (操作员). */
    OPERATOR("操作员", "operator", true),
    /** Insurer staff serving the enterprises of a portfolio (客户经理). */
    ACCOUNT_MANAGER("客户经理", "account manager", false),
    /** Insurer underwriting, claims and credit-information staff (保险公司审核人员). */
    REVIEWER("保险公司审核人员", "insurer reviewer", false),
    /** Administers accounts, eligible lists and API tokens (系统管理员). */
    ADMIN("系统管理员", "administrator", false),
    /** One of the insurer's systems calling the API with a token; what it may do is in its scopes. */
    SYSTEM("保险公司系统", "insurer system", false);

    private final Names names;
    private final boolean enterpriseUser;

    Role(String zh, String en, boolean enterpriseUser) {
        this.names = new Names(zh, en);
        this.enterpriseUser = enterpriseUser;
    }

    @Override
    public Names names() {
        return names;
    }

    /** True for the enterprise's own people, who see only their enterprise's records. */
    public boolean isEnterpriseUser() {
        return enterpriseUser;
    }
}
