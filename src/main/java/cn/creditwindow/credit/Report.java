package cn.creditwindow.credit;

import cn.creditwindow.validation.FieldError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The content of a delivered report, entered by the insurer's reviewer: the buyer's registration, a rating,
 * payment behaviour, a financial summary, risk events and a summary. For a buyer report the registration, rating
 * and payment behaviour are required; for the other reports only the summary is. Dates are {@code yyyy-MM-dd} text
 * so that a bad one is a per-field invalid input, not a parse failure.
 */
public record Report(Registration registration, String rating, String paymentBehaviour, Financials financials,
                     List<RiskEvent> riskEvents, String summary) {

    /** The buyer's registration as found. */
    public record Registration(String name, String registrationNo, String country, String address,
                               String established, String legalForm) {
    }

    /** A year's figures, in a stated currency (the buyer's own, usually). */
    public record Financials(Integer year, String currency, BigDecimal revenue, BigDecimal netProfit,
                             BigDecimal totalAssets) {
    }

    /** Something that happened to the buyer which signals a risk. */
    public record RiskEvent(String type, String date, String description) {
    }

    /** The window's rating scale, best first (D: in default). */
    public static final List<String> RATINGS = List.of("AAA", "AA", "A", "BBB", "BB", "B", "CCC", "CC", "C", "D");

    /** Payment behaviour, with its names. */
    public static final Map<String, String[]> PAYMENT = Map.of(
            "PROMPT", new String[] {"按时付款", "pays on time"},
            "SLOW", new String[] {"付款迟缓", "pays late"},
            "DELINQUENT", new String[] {"严重拖欠", "seriously delinquent"},
            "UNKNOWN", new String[] {"无记录", "no record"});

    /** Risk event types, with their names; the first three are what the credit alarm was made for. */
    public static final Map<String, String[]> EVENTS = Map.of(
            "BANKRUPTCY", new String[] {"破产", "bankruptcy"},
            "DEFAULT", new String[] {"违约", "default"},
            "REFUSAL_TO_PAY", new String[] {"拒付", "refusal to pay"},
            "LITIGATION", new String[] {"诉讼", "litigation"},
            "SANCTIONS", new String[] {"制裁", "sanctions"},
            "OTHER", new String[] {"其他风险", "other risk"});

    static final int MAX_EVENTS = 20;
    static final int MAX_SUMMARY = 5000;
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000000");

    /** The risk event types, in order. */
    public List<String> eventTypes() {
        return riskEvents == null ? List.of() : riskEvents.stream().map(RiskEvent::type).toList();
    }

    /** Every broken rule, per field; empty when the report may be delivered. */
    List<FieldError> check(boolean buyerReport, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (registration == null) {
            if (buyerReport) {
                errors.add(new FieldError("registration.name", "请填写买方注册名称", "the buyer's registered name is required"));
            }
        } else {
            if (blank(registration.name()) && buyerReport || length(registration.name()) > 200) {
                errors.add(new FieldError("registration.name", "请填写买方注册名称（不超过 200 字符）",
                        "the buyer's registered name is required (at most 200 characters)"));
            }
            for (String[] f : new String[][] {{"registrationNo", registration.registrationNo(), "60"},
                    {"country", registration.country(), "60"}, {"address", registration.address(), "300"},
                    {"legalForm", registration.legalForm(), "60"}}) {
                if (length(f[1]) > Integer.parseInt(f[2])) {
                    errors.add(new FieldError("registration." + f[0], "不超过 " + f[2] + " 字符",
                            "at most " + f[2] + " characters"));
                }
            }
            if (!blank(registration.established())) {
                checkDate("registration.established", registration.established(), today, errors);
            }
        }
        if (blank(rating) ? buyerReport : !RATINGS.contains(rating)) {
            errors.add(new FieldError("rating", "请选择评级（" + String.join(" / ", RATINGS) + "）",
                    "choose a rating (" + String.join(", ", RATINGS) + ")"));
        }
        if (blank(paymentBehaviour) ? buyerReport : !PAYMENT.containsKey(paymentBehaviour)) {
            errors.add(new FieldError("paymentBehaviour", "请选择付款记录（按时付款 / 付款迟缓 / 严重拖欠 / 无记录）",
                    "choose the payment behaviour (PROMPT, SLOW, DELINQUENT, UNKNOWN)"));
        }
        if (financials != null) {
            checkFinancials(today, errors);
        }
        if (riskEvents != null) {
            if (riskEvents.size() > MAX_EVENTS) {
                errors.add(new FieldError("riskEvents", "风险事件不超过 " + MAX_EVENTS + " 条",
                        "at most " + MAX_EVENTS + " risk events"));
            }
            for (int i = 0; i < riskEvents.size(); i++) {
                checkEvent(i, riskEvents.get(i), today, errors);
            }
        }
        String s = summary == null ? "" : summary.strip();
        if (s.length() < 10 || s.length() > MAX_SUMMARY) {
            errors.add(new FieldError("summary", "请填写报告摘要（10 至 " + MAX_SUMMARY + " 字）",
                    "the summary is required (10 to " + MAX_SUMMARY + " characters)"));
        }
        return errors;
    }

    private void checkFinancials(LocalDate today, List<FieldError> errors) {
        Financials f = financials;
        if (f.year() != null && (f.year() < 1900 || f.year() > today.getYear())) {
            errors.add(new FieldError("financials.year", "财务年度应在 1900 至 " + today.getYear() + " 之间",
                    "the financial year must be from 1900 to " + today.getYear()));
        }
        if (f.currency() != null && !f.currency().matches("[A-Z]{3}")) {
            errors.add(new FieldError("financials.currency", "币种为三位大写字母代码（如 USD、AED）",
                    "the currency is a three-letter code (USD, AED …)"));
        }
        boolean anyAmount = f.revenue() != null || f.netProfit() != null || f.totalAssets() != null;
        if (anyAmount && f.currency() == null) {
            errors.add(new FieldError("financials.currency", "填写金额时请注明币种", "state the currency of the amounts"));
        }
        checkAmount("financials.revenue", f.revenue(), false, errors);
        checkAmount("financials.netProfit", f.netProfit(), true, errors);
        checkAmount("financials.totalAssets", f.totalAssets(), false, errors);
    }

    private static void checkAmount(String field, BigDecimal v, boolean mayBeNegative, List<FieldError> errors) {
        if (v == null) {
            return;
        }
        if (!mayBeNegative && v.signum() < 0 || v.abs().compareTo(MAX_AMOUNT) >= 0 || v.scale() > 2) {
            errors.add(new FieldError(field, (mayBeNegative ? "" : "金额不能为负，") + "最多两位小数，小于 10^15",
                    (mayBeNegative ? "" : "must not be negative, ") + "at most two decimals, below 10^15"));
        }
    }

    private static void checkEvent(int i, RiskEvent e, LocalDate today, List<FieldError> errors) {
        String at = "riskEvents[" + i + "]";
        if (e == null) {
            errors.add(new FieldError(at, "风险事件不能为空", "a risk event must not be null"));
            return;
        }
        if (e.type() == null || !EVENTS.containsKey(e.type())) {
            errors.add(new FieldError(at + ".type", "未知的风险事件类型“" + e.type() + "”（" + String.join(" / ",
                    EVENTS.keySet().stream().sorted().toList()) + "）", "unknown risk event type '" + e.type()
                    + "' (" + String.join(", ", EVENTS.keySet().stream().sorted().toList()) + ")"));
        }
        checkDate(at + ".date", e.date(), today, errors);
        if (blank(e.description()) || e.description().length() > 500) {
            errors.add(new FieldError(at + ".description", "请描述风险事件（不超过 500 字）",
                    "describe the risk event (at most 500 characters)"));
        }
    }

    private static void checkDate(String field, String text, LocalDate today, List<FieldError> errors) {
        try {
            LocalDate d = LocalDate.parse(text == null ? "" : text.strip());
            if (d.isAfter(today)) {
                errors.add(new FieldError(field, "日期不能晚于今天", "the date must not be in the future"));
            }
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "日期格式为 YYYY-MM-DD", "write the date as YYYY-MM-DD"));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}
