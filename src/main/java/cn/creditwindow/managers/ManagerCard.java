package cn.creditwindow.managers;

import java.util.List;

/**
 * What an enterprise is shown to reach the insurer: its account managers (the most specific portfolio match; empty
 * when no portfolio covers it) and the service lines.
 */
public record ManagerCard(List<ManagerContact> managers, String claimsHotline, String enquiryHotline) {
    public ManagerCard {
        managers = List.copyOf(managers);
    }
}
