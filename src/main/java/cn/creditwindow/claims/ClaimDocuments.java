package cn.creditwindow.claims;

import cn.creditwindow.customs.CheckResult;
import cn.creditwindow.customs.Customs;
import cn.creditwindow.customs.ShipmentContext;
import cn.creditwindow.customs.ShipmentReport;
import cn.creditwindow.store.Tx;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A claim's shipments against the customs data the window holds (the {@code customs} package): the declaration check
 * (申报单证检查) per shipment with its flags, the shipment data report (出运数据报告) and which report is the claim's,
 * and the export declarations submitted claims have taken. Every method runs in the caller's transaction; whose claim
 * it is has been decided by {@link Claims}.
 *
 * <p>Which flags block a submission: a ✗ (customs holds no such export declaration of the claimant) and
 * {@code ALREADY_CLAIMED} (another submitted, returned, accepted or paid claim took the declaration). The others —
 * {@code OTHER_COUNTRY} (the declaration's trade country is not the buyer's) and {@code OUTSIDE_PERIOD} (exported
 * outside the policy's cover) — and a certificate of origin customs does not hold are warnings for the reviewer: a
 * buyer may take goods through a trading hub, and the shipment date itself is already checked against the cover.
 */
public final class ClaimDocuments {
    private static final DateTimeFormatter SERIAL_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final Customs customs;
    private final ShipmentReport report;
    private final ZoneId zone;

    public ClaimDocuments(Customs customs, ShipmentReport report, ZoneId zone) {
        this.customs = Objects.requireNonNull(customs, "customs");
        this.report = Objects.requireNonNull(report, "report");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * One shipment's declaration check.
     *
     * @param declarations each declaration number's answer, in the shipment's order: ✓ 数据正常 with its flags, or ✗
     * @param certificate  the certificate of origin's answer, or null when the shipment names none
     */
    public record ShipmentCheck(long shipmentId, String invoiceNo, List<CheckResult> declarations,
                                CheckResult certificate) {
        public ShipmentCheck {
            declarations = List.copyOf(declarations);
        }

        /** True when a declaration is ✗ or already claimed: the claim cannot be submitted so. */
        @JsonProperty
        public boolean blocking() {
            return declarations.stream().anyMatch(d -> !d.ok() || d.flags().stream()
                    .anyMatch(f -> CheckResult.Flag.ALREADY_CLAIMED.equals(f.code())));
        }

        /** True when something is for the reviewer to look at but does not block: another country, another period, a certificate not held. */
        @JsonProperty
        public boolean warning() {
            return declarations.stream().anyMatch(d -> d.flags().stream()
                    .anyMatch(f -> !CheckResult.Flag.ALREADY_CLAIMED.equals(f.code())))
                    || certificate != null && !certificate.ok();
        }
    }

    /** The check of every shipment of the claim, against its buyer's country and its policy's cover. */
    List<ShipmentCheck> check(Tx tx, Claim c, ClaimPolicy policy, List<Shipment> shipments) {
        String buyerCountry = tx.one("SELECT country_code FROM buyers WHERE id = ?", r -> r.string("country_code"),
                c.buyerId()).orElse(null);
        Set<String> numbers = new LinkedHashSet<>();
        shipments.forEach(s -> numbers.addAll(s.declarations()));
        Set<String> elsewhere = claimedElsewhere(tx, c.id(), numbers);
        ShipmentContext context = new ShipmentContext(buyerCountry, policy.coverStart(), policy.coverEnd(),
                elsewhere::contains);
        List<ShipmentCheck> out = new ArrayList<>();
        for (Shipment s : shipments) {
            CheckResult certificate = s.originCertificate() == null ? null
                    : customs.checkCertificates(tx, c.enterpriseId(), List.of(s.originCertificate())).get(0);
            out.add(new ShipmentCheck(s.id(), s.invoiceNo(), customs.check(tx, c.enterpriseId(), s.declarations(),
                    context), certificate));
        }
        return out;
    }

    /** Of {@code numbers}, those another claim has taken at its submission. */
    static Set<String> claimedElsewhere(Tx tx, long claimId, Collection<String> numbers) {
        if (numbers.isEmpty()) {
            return Set.of();
        }
        List<Object> args = new ArrayList<>();
        args.add(claimId);
        args.addAll(numbers);
        String marks = String.join(", ", java.util.Collections.nCopies(numbers.size(), "?"));
        return new LinkedHashSet<>(tx.list("SELECT number FROM claimed_declarations WHERE claim_id <> ? AND number IN ("
                + marks + ") ORDER BY number", r -> r.string("number"), args.toArray()));
    }

    /**
     * Records that the submitted claim takes these declarations, replacing what an earlier submission took. The
     * unique number is the database's guard against two claims taking one declaration.
     */
    static void take(Tx tx, long claimId, Collection<String> numbers) {
        tx.update("DELETE FROM claimed_declarations WHERE claim_id = ?", claimId);
        for (String n : new LinkedHashSet<>(numbers)) {
            tx.insert("INSERT INTO claimed_declarations (number, claim_id) VALUES (?, ?)", n, claimId);
        }
    }

    // ---- the shipment data report ----

    /**
     * The claim's shipment data report as it stands: which version of the shipments it was made for, and whether
     * that is still the claim's.
     */
    public record ReportInfo(long id, long shipmentsVersion, boolean current, Instant generatedAt,
                             String generatedBy, long sizeBytes, String sha256) {
    }

    /** A stored report with its PDF. */
    public record StoredReport(ReportInfo info, byte[] pdf) {
    }

    /**
     * Renders the report from the claim's shipments — one set per shipment: its serial (the claim's date and the
     * shipment's number), invoice, declarations and certificate of origin — and stores it as the claim's latest.
     */
    ReportInfo generate(Tx tx, Claim c, List<Shipment> shipments, long generatedBy, Instant at) {
        List<ShipmentReport.ShipmentSet> sets = shipments.stream().map(s -> new ShipmentReport.ShipmentSet(
                serial(c, s), s.invoiceNo(), s.declarations(), s.originCertificate())).toList();
        byte[] pdf = report.shipmentReport(tx, c.enterpriseId(), sets);
        tx.insert("INSERT INTO claim_shipment_reports (claim_id, shipments_version, pdf_base64, size_bytes, sha256,"
                + " generated_by, generated_at) VALUES (?, ?, ?, ?, ?, ?, ?)", c.id(), c.shipmentsVersion(),
                Base64.getEncoder().encodeToString(pdf), pdf.length, sha256(pdf), generatedBy, at);
        return latestInfo(tx, c).orElseThrow();
    }

    /** What the claim's latest report is, if one was generated. */
    static Optional<ReportInfo> latestInfo(Tx tx, Claim c) {
        return tx.one("SELECT " + REPORT_COLUMNS + LATEST, r -> info(r, c), c.id());
    }

    /** The claim's latest report with its PDF, if one was generated. */
    static Optional<StoredReport> latest(Tx tx, Claim c) {
        return tx.one("SELECT r.pdf_base64, " + REPORT_COLUMNS + LATEST, r -> new StoredReport(info(r, c),
                Base64.getDecoder().decode(r.string("pdf_base64"))), c.id());
    }

    private static final String REPORT_COLUMNS = "r.id, r.shipments_version, r.generated_at, r.size_bytes, r.sha256,"
            + " u.display_name";
    private static final String LATEST = " FROM claim_shipment_reports r JOIN users u ON u.id = r.generated_by"
            + " WHERE r.claim_id = ? ORDER BY r.id DESC LIMIT 1";

    private static ReportInfo info(cn.creditwindow.store.Row r, Claim c) throws java.sql.SQLException {
        return new ReportInfo(r.longValue("id"), r.longValue("shipments_version"),
                r.longValue("shipments_version") == c.shipmentsVersion(), r.instant("generated_at"),
                r.string("display_name"), r.longValue("size_bytes"), r.string("sha256"));
    }

    /** 出运信息流水号: the claim's day (yyyyMMdd) and the shipment's number in 12 digits, 20 digits as in the manual. */
    private String serial(Claim c, Shipment s) {
        return LocalDate.ofInstant(c.createdAt(), zone).format(SERIAL_DATE) + String.format("%012d", s.id());
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
