package cn.creditwindow.customs;

import java.util.Locale;
import java.util.Optional;

/** 运输方式: the customs' transport mode codes that an export shipment uses. */
public enum TransportMode {
    WATERWAY("2", "水路运输", "waterway"),
    RAIL("3", "铁路运输", "rail"),
    ROAD("4", "公路运输", "road"),
    AIR("5", "航空运输", "air"),
    POST("6", "邮件运输", "post"),
    OTHER("9", "其他运输", "other");

    private final String code;
    private final String zh;
    private final String en;

    TransportMode(String code, String zh, String en) {
        this.code = code;
        this.zh = zh;
        this.en = en;
    }

    public String code() {
        return code;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    /** The mode of a customs code (2), a name (WATERWAY, waterway) or a Chinese name (水路运输). */
    public static Optional<TransportMode> find(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.strip();
        for (TransportMode m : values()) {
            if (m.code.equals(s) || m.name().equals(s.toUpperCase(Locale.ROOT)) || m.zh.equals(s)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
