package cn.creditwindow.search;

import cn.creditwindow.text.Bilingual;
import cn.creditwindow.text.Names;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The four columns (栏目) risk information is published in. The {@link #id()} is what the API speaks;
 * the {@link #folder()} is the sub-folder of {@code feeds/} whose files belong to the module. Its JSON is its id alone,
 * never its names.
 */
public enum Module implements Bilingual {
    COUNTRY_ALERT("country-alert", "country-alerts", "国别信息预警", "Country risk alerts"),
    INDUSTRY_ALERT("industry-alert", "industry-alerts", "重点行业风险预警", "Key industry risk alerts"),
    BELT_AND_ROAD("belt-and-road", "belt-and-road", "一带一路专报", "Belt and Road bulletins"),
    TRADE_NEWS("trade-news", "trade-news", "国际贸易和投资要闻", "International trade and investment news");

    private final String id;
    private final String folder;
    private final Names names;

    Module(String id, String folder, String nameZh, String nameEn) {
        this.id = id;
        this.folder = folder;
        this.names = new Names(nameZh, nameEn);
    }

    @JsonValue
    public String id() {
        return id;
    }

    public String folder() {
        return folder;
    }

    @Override
    public Names names() {
        return names;
    }

    /** The same as {@link #zh()}, under the name the pages and the reference API use. */
    public String nameZh() {
        return zh();
    }

    /** The same as {@link #en()}, under the name the pages and the reference API use. */
    public String nameEn() {
        return en();
    }

    /** The module with this API id (case-insensitive), or empty. */
    public static Optional<Module> byId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.id.equals(wanted)).findFirst();
    }

    /** The module whose feeds live in this sub-folder of {@code feeds/}, or empty. */
    public static Optional<Module> byFolder(String folder) {
        return Arrays.stream(values()).filter(m -> m.folder.equals(folder)).findFirst();
    }
}
