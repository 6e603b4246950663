package cn.creditwindow.managers;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * The insurer's service telephone lines shown beside the account managers, from {@code managers/service-lines.json}
 * (fictional sample numbers until the insurer configures its own).
 *
 * @param claimsHotline  理赔服务电话
 * @param enquiryHotline 线上投保咨询电话
 */
public record ServiceLines(String claimsHotline, String enquiryHotline) {
    static final String RESOURCE = "/managers/service-lines.json";

    public ServiceLines {
        Objects.requireNonNull(claimsHotline, "claimsHotline");
        Objects.requireNonNull(enquiryHotline, "enquiryHotline");
    }

    /** The bundled lines; fails at start-up naming the file when it is broken. */
    public static ServiceLines load() {
        try (InputStream in = ServiceLines.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " not found on the class path");
            }
            return JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES).build()
                    .readValue(in, ServiceLines.class);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + RESOURCE, e);
        }
    }
}
