package cn.creditwindow.losses;

import cn.creditwindow.text.Bilingual;
import cn.creditwindow.text.Names;

/**
 * Where a possible-loss report is: SUBMITTED → (MORE_INFO_REQUESTED ↔ SUBMITTED) → ACCEPTED → RECOVERED or CLAIMED.
 * The enterprise changes it while submitted or asked for more; the insurer holds it after.
 */
public enum LossState implements Bilingual {
    SUBMITTED("已报损", "reported"),
    MORE_INFO_REQUESTED("待补充材料", "more information requested"),
    ACCEPTED("已受理", "accepted"),
    RECOVERED("已追回结案", "recovered and closed"),
    CLAIMED("已转索赔", "turned into a claim");

    private final Names names;

    LossState(String zh, String en) {
        this.names = new Names(zh, en);
    }

    @Override
    public Names names() {
        return names;
    }

    /** True while the enterprise may change the report (and the insurer has not accepted it). */
    public boolean editable() {
        return this == SUBMITTED || this == MORE_INFO_REQUESTED;
    }

    /** True while the report has not ended (recovered or claimed): its shipments are open. */
    public boolean open() {
        return this != RECOVERED && this != CLAIMED;
    }
}
