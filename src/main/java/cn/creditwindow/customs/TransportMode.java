package cn.creditwindow.customs;

import cn.creditwindow.text.Bilingual;
import cn.creditwindow.text.Names;
import java.util.Locale;
import java.util.Optional;

/** 运输方式: the customs' transport mode codes that an export shipment uses. */
public enum TransportMode implements Bilingual {
    WATERWAY("2", "水路运输", "waterway"),
    RAIL("3", "铁路运输", "rail"),
    ROAD("4", "公路运输", "road"),
    AIR("5", "航空运输", "air"),
    POST("6", "邮件运输", "post"),
    OTHER("9", "其他运输", "other");

    private final String code;
    private final Names names;

    TransportMode(String code, String zh, String en) {
        this.code = code;
        this.names = new Names(zh, en);
    }

    public String code() {
        return code;
    }

    @Override
    public Names names() {
        return names;
    }

    /** The mode of a customs code (2), a name (WATERWAY, waterway) or a Chinese name (水路运输). */
    public static Optional<TransportMode> find(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.strip();
        for (TransportMode m : values()) {
            if (m.code.equals(s) || m.name().equals(s.toUpperCase(Locale.ROOT)) || m.zh().equals(s)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
