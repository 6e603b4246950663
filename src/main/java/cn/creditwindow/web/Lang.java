package cn.creditwindow.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The languages the pages speak. Chinese is the default; English is one switch away. */
public enum Lang {
    ZH("zh", "zh-CN", "中文"),
    EN("en", "en", "English");

    private final String code;
    private final String htmlLang;
    private final String ownName;

    Lang(String code, String htmlLang, String ownName) {
        this.code = code;
        this.htmlLang = htmlLang;
        this.ownName = ownName;
    }

    /** The language's name in itself, as the language switch shows it. */
    public String ownName() {
        return ownName;
    }

    /** What {@code ?lang=} and the {@code lang} cookie say: {@code zh} or {@code en}. */
    public String code() {
        return code;
    }

    /** The value of {@code <html lang>}. */
    public String htmlLang() {
        return htmlLang;
    }

    /** Of a pair of texts, the one in this language. */
    public String pick(String zh, String en) {
        return this == ZH ? zh : en;
    }

    /** The language with this code (any case), or empty. */
    public static Optional<Lang> byCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(l -> l.code.equals(wanted)).findFirst();
    }
}
