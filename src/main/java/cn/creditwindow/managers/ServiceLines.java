package cn.creditwindow.managers;

import cn.creditwindow.web.Json;
import com.fasterxml.jackson.core.type.TypeReference;
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
        return Json.readDataFile(RESOURCE, new TypeReference<>() { });
    }
}
