package cn.creditwindow.agreements;

/** What a seal (印章) is for. Only a company seal signs the service agreement (manual 2.1). */
public enum SealKind {
    COMPANY("公司", "company"),
    FINANCE("财务", "finance"),
    CONTRACT("合同", "contract"),
    LEGAL_PERSON("法人", "legal representative");

    private final String zh;
    private final String en;

    SealKind(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    /** True if a seal of this kind may sign the service agreement. */
    public boolean signsAgreements() {
        return this == COMPANY;
    }
}
