package cn.creditwindow.answers;

import cn.creditwindow.text.Bilingual;

/**
 * Where a submission stands, as the pages show it: each kind names its two states its own way (已提交 and 已答复 for
 * an inquiry, 已提交 and 已回复 for a message), both are enums.
 */
public interface State extends Bilingual {
    /** The name the API and the database use, e.g. {@code SUBMITTED}. */
    String name();
}
