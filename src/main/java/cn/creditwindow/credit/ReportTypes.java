package cn.creditwindow.credit;

import cn.creditwindow.web.Json;
import com.fasterxml.jackson.core.type.TypeReference;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The report types of {@code /credit/report-types.json}, in the file's order. Immutable. */
public final class ReportTypes {
    static final String RESOURCE = "/credit/report-types.json";

    private final Map<String, ReportType> byId = new LinkedHashMap<>();

    public ReportTypes(List<ReportType> types) {
        for (ReportType t : types) {
            if (byId.put(t.id(), t) != null) {
                throw new IllegalArgumentException("report type " + t.id() + " is listed twice");
            }
        }
    }

    /** The bundled types; fails at start-up, naming the file and the field, when the file is broken. */
    public static ReportTypes load() {
        List<Entry> entries = Json.readDataFile(RESOURCE, new TypeReference<>() { });
        try {
            return new ReportTypes(entries.stream().map(e -> new ReportType(e.id(), e.nameZh(), e.nameEn(),
                    e.requires(), e.urgentAllowed(), e.usesFreeQuota(), e.smallExportersOnly(),
                    Fen.of("price", e.price()), Fen.of("urgentSurcharge", e.urgentSurcharge()))).toList());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(RESOURCE + ": " + e.getMessage(), e);
        }
    }

    private record Entry(String id, String nameZh, String nameEn, List<String> requires, boolean urgentAllowed,
                         boolean usesFreeQuota, boolean smallExportersOnly, BigDecimal price,
                         BigDecimal urgentSurcharge) {
    }

    public List<ReportType> all() {
        return List.copyOf(byId.values());
    }

    public Optional<ReportType> byId(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }
}
