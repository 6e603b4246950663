package cn.creditwindow.credit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
        ObjectMapper mapper = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES).build();
        try (InputStream in = ReportTypes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " not found on the class path");
            }
            List<Entry> entries = mapper.readValue(in, new TypeReference<>() { });
            return new ReportTypes(entries.stream().map(e -> new ReportType(e.id(), e.nameZh(), e.nameEn(),
                    e.requires(), e.urgentAllowed(), e.usesFreeQuota(), e.smallExportersOnly(),
                    Fen.of("price", e.price()), Fen.of("urgentSurcharge", e.urgentSurcharge()))).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + RESOURCE, e);
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
