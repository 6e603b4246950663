package cn.creditwindow.agreements;

import cn.creditwindow.text.Bilingual;
import cn.creditwindow.text.Names;
import java.util.List;

/**
 * Where an agreement stands (manual 2.1): signed by the enterprise and waiting for the insurer's seal, signed
 * by both, refused by the insurer, asking to be terminated, terminated. The first three that are "live" keep
 * the enterprise from signing another (a partial unique index, {@code ux_agreements_live}).
 */
public enum AgreementState implements Bilingual {
    AWAITING_INSURER("保险公司签约中", "awaiting the insurer's signature", true),
    SIGNED("签约成功", "signed", true),
    REFUSED("签约失败", "refused by the insurer", false),
    TERMINATION_REQUESTED("解约中", "termination requested", true),
    TERMINATED("解约成功", "terminated", false);

    private final Names names;
    private final boolean live;

    AgreementState(String zh, String en, boolean live) {
        this.names = new Names(zh, en);
        this.live = live;
    }

    @Override
    public Names names() {
        return names;
    }

    /** True while it binds the parties (or is about to): the enterprise may not sign another. */
    public boolean live() {
        return live;
    }

    /** The live states, for queries. */
    static List<AgreementState> liveStates() {
        return List.of(AWAITING_INSURER, SIGNED, TERMINATION_REQUESTED);
    }
}
