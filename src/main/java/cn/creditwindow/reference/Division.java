package cn.creditwindow.reference;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One administrative division of the mainland: a province-level unit (省级: provinces, autonomous regions and the
 * four municipalities), a prefecture-level unit (地级: cities, prefectures, leagues, and the placeholders 市辖区 / 县
 * / 省直辖县级行政区划 that the statistical division codes use under municipalities and for counties a province
 * administers directly), or a county-level unit (县级: districts, counties, county-level cities, banners).
 *
 * @param code   the 6-digit division code (统计用区划代码 truncated to its first six digits, as in GB/T 2260):
 *               {@code 440000} 广东省, {@code 440300} 深圳市, {@code 440303} 罗湖区
 * @param name   the Chinese name as the source writes it
 * @param parent the code of the division it belongs to, or null for a province-level unit
 */
public record Division(String code, String name, String parent) {
    private static final Pattern CODE = Pattern.compile("[1-9]\\d{5}");

    public Division {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("a division code has 6 digits, not starting with 0: '" + code + "'");
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("division " + code + " has no name");
        }
        Level level = levelOf(code);
        if (level == Level.PROVINCE ? parent != null : parent == null || !code.startsWith(parent.substring(0,
                level == Level.CITY ? 2 : 4)) || levelOf(parent).ordinal() != level.ordinal() - 1) {
            throw new IllegalArgumentException("division " + code + " " + name + " cannot belong to '" + parent + "'");
        }
    }

    /** Province (省级), city (地级) or district (县级). */
    public enum Level {
        PROVINCE,
        CITY,
        DISTRICT
    }

    /** The level, read from the code: {@code xx0000} province, {@code xxxx00} city, else district. */
    public Level level() {
        return levelOf(code);
    }

    static Level levelOf(String code) {
        if (code.endsWith("0000")) {
            return Level.PROVINCE;
        }
        return code.endsWith("00") ? Level.CITY : Level.DISTRICT;
    }
}
