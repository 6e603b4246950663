package cn.creditwindow.enrolment;

import java.util.Objects;

/**
 * The insurer the window files applications with, as the application form shows it (保险公司名称, 保险机构编码).
 * Given to {@link Enrolments} by {@code app.App}.
 */
public record Insurer(String nameZh, String nameEn, String institutionCode) {
    public Insurer {
        Objects.requireNonNull(nameZh, "nameZh");
        Objects.requireNonNull(nameEn, "nameEn");
        Objects.requireNonNull(institutionCode, "institutionCode");
    }
}
