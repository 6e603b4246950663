package cn.creditwindow.claims;

import cn.creditwindow.accounts.Principal;
import cn.creditwindow.claims.Claims.ShipmentForm;
import cn.creditwindow.store.ConstraintViolationException;
import cn.creditwindow.store.Database;
import cn.creditwindow.store.Tx;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.Input;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.validation.NotFoundException;
import cn.creditwindow.validation.ConflictException;
import cn.creditwindow.validation.Text;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The shipments of a claim (出运信息): added, changed and deleted one by one or imported from a filled-in template,
 * each checked against the policy's cover and the coded lists, and only while the enterprise may still edit the
 * claim. Every change makes an earlier shipment data report stale ({@link Claims#generateReport}); an invoice number
 * appears once per claim, which a unique index guards. Every operation is one transaction.
 */
public final class ClaimShipments {
    private final Database db;
    private final ClaimCodes codes;
    private final Clock clock;
    private final ZoneId zone;

    /** @param clock and {@code zone}: today's year, the latest a customs declaration number may carry */
    public ClaimShipments(Database db, ClaimCodes codes, Clock clock, ZoneId zone) {
        this.db = Objects.requireNonNull(db, "db");
        this.codes = Objects.requireNonNull(codes, "codes");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * Adds a shipment; invalid input listing every bad field, a conflict once submitted or for an invoice number
     * already there.
     */
    public Shipment add(Principal p, long claimId, Input<ShipmentForm> form) {
        Claims.requireEnterpriseUser(p);
        return unique(() -> db.inTransaction(tx -> {
            tx.lock("claims", claimId);
            Claim c = Claims.editable(tx, p, claimId);
            ShipmentValues v = checkShipment(tx, c, form);
            long id = tx.insert("INSERT INTO claim_shipments (claim_id, invoice_no, hs_code, shipped_on, payment_method,"
                    + " term_days, invoice_cents, claimed_cents, collection_status, transport_mode, declarations,"
                    + " origin_certificate) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", claimId, v.invoiceNo(),
                    v.hsCode(), v.shippedOn(), v.paymentMethod(), v.termDays(), v.invoiceCents(), v.claimedCents(),
                    v.collectionStatus(), v.transportMode(), v.declarations(), v.originCertificate());
            shipmentsChanged(tx, claimId);
            return shipment(tx, claimId, id);
        }));
    }

    /** Saves a shipment again: not found for a shipment not the claim's, then as {@link #add}. */
    Shipment update(Principal p, long claimId, long shipmentId, Input<ShipmentForm> form) {
        Claims.requireEnterpriseUser(p);
        return unique(() -> db.inTransaction(tx -> {
            tx.lock("claims", claimId);
            Claim c = Claims.editable(tx, p, claimId);
            shipment(tx, claimId, shipmentId);
            ShipmentValues v = checkShipment(tx, c, form);
            tx.update("UPDATE claim_shipments SET invoice_no = ?, hs_code = ?, shipped_on = ?, payment_method = ?,"
                    + " term_days = ?, invoice_cents = ?, claimed_cents = ?, collection_status = ?, transport_mode = ?,"
                    + " declarations = ?, origin_certificate = ? WHERE id = ?", v.invoiceNo(), v.hsCode(),
                    v.shippedOn(), v.paymentMethod(), v.termDays(), v.invoiceCents(), v.claimedCents(),
                    v.collectionStatus(), v.transportMode(), v.declarations(), v.originCertificate(), shipmentId);
            shipmentsChanged(tx, claimId);
            return shipment(tx, claimId, shipmentId);
        }));
    }

    /** Deletes a shipment. */
    void delete(Principal p, long claimId, long shipmentId) {
        Claims.requireEnterpriseUser(p);
        db.inTransaction(tx -> {
            tx.lock("claims", claimId);
            Claims.editable(tx, p, claimId);
            shipment(tx, claimId, shipmentId);
            shipmentsChanged(tx, claimId);
            return tx.update("DELETE FROM claim_shipments WHERE id = ?", shipmentId);
        });
    }

    /**
     * Imports shipments from a filled-in template (CSV or XLSX): every row is checked, and one bad row refuses the
     * whole file with each bad row and field named ({@code row 3: hsCode}); nothing is saved then.
     *
     * @return the shipments added
     */
    List<Shipment> importTemplate(Principal p, long claimId, byte[] content) {
        Claims.requireEnterpriseUser(p);
        return unique(() -> db.inTransaction(tx -> {
            tx.lock("claims", claimId);
            Claim c = Claims.editable(tx, p, claimId);
            List<ShipmentTemplate.Line> lines = ShipmentTemplate.read(content);
            List<FieldError> errors = new ArrayList<>();
            List<ShipmentValues> values = new ArrayList<>();
            ClaimPolicy policy = Claims.policyOf(tx, c);
            Set<String> invoices = new HashSet<>();
            for (ShipmentTemplate.Line line : lines) {
                String prefix = "row " + line.number() + ": ";
                List<FieldError> rowErrors = new ArrayList<>();
                ShipmentValues v = shipmentValues(policy, line.form(), rowErrors);
                for (FieldError e : rowErrors) {
                    errors.add(new FieldError(prefix + e.field(), "第 " + line.number() + " 行：" + e.zh(),
                            prefix + e.en()));
                }
                if (v != null && !invoices.add(v.invoiceNo())) {
                    errors.add(new FieldError(prefix + "invoiceNo", "第 " + line.number() + " 行：发票号重复",
                            prefix + "the invoice number appears twice"));
                }
                values.add(v);
            }
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            List<Shipment> added = new ArrayList<>();
            for (ShipmentValues v : values) {
                long id = tx.insert("INSERT INTO claim_shipments (claim_id, invoice_no, hs_code, shipped_on,"
                        + " payment_method, term_days, invoice_cents, claimed_cents, collection_status, transport_mode,"
                        + " declarations, origin_certificate) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", claimId,
                        v.invoiceNo(), v.hsCode(), v.shippedOn(), v.paymentMethod(), v.termDays(), v.invoiceCents(),
                        v.claimedCents(), v.collectionStatus(), v.transportMode(), v.declarations(),
                        v.originCertificate());
                added.add(shipment(tx, claimId, id));
            }
            shipmentsChanged(tx, claimId);
            return added;
        }));
    }

    /** A checked shipment. */
    private record ShipmentValues(String invoiceNo, String hsCode, LocalDate shippedOn, String paymentMethod,
                                  int termDays, long invoiceCents, long claimedCents, String collectionStatus,
                                  String transportMode, String declarations, String originCertificate) {
    }

    private ShipmentValues checkShipment(Tx tx, Claim c, Input<ShipmentForm> form) {
        ClaimPolicy policy = Claims.policyOf(tx, c);
        return form.check((f, errors) -> shipmentValues(policy, f, errors));
    }

    /** The checked values of a shipment, or null with the errors added. */
    private ShipmentValues shipmentValues(ClaimPolicy policy, ShipmentForm f, List<FieldError> errors) {
        if (f == null) {
            errors.add(new FieldError("invoiceNo", "请填写出运信息", "the shipment is missing"));
            return null;
        }
        int before = errors.size();
        String invoice = ClaimChecks.text("invoiceNo", f.invoiceNo(), 50, "发票号", "the invoice number", errors);
        String hs = ClaimChecks.hsCode("hsCode", f.hsCode(), errors);
        LocalDate shipped = ClaimChecks.dateWithin("shippedOn", f.shippedOn(), policy.coverStart(), policy.coverEnd(),
                errors);
        String method = coded("paymentMethod", ClaimCodes.PAYMENT, f.paymentMethod(), "支付方式", "payment method", errors);
        Integer term = null;
        try {
            term = Integer.parseInt(ClaimChecks.strip(f.termDays()));
        } catch (NumberFormatException ignored) {
            // reported below
        }
        if (term == null || term < 0 || term > 720) {
            errors.add(new FieldError("termDays", "支付期限应为 0–720 天", "the payment term is 0 to 720 days"));
        }
        Long invoiceCents = ClaimChecks.usd("invoiceAmount", f.invoiceAmount(), "发票金额", "the invoice amount", errors);
        Long claimedCents = ClaimChecks.usd("claimedAmount", f.claimedAmount(), "索赔金额", "the claimed amount", errors);
        if (invoiceCents != null && claimedCents != null && claimedCents > invoiceCents) {
            errors.add(new FieldError("claimedAmount", "索赔金额不能大于发票金额",
                    "the claimed amount cannot be more than the invoice amount"));
        }
        String collection = coded("collectionStatus", ClaimCodes.COLLECTION, f.collectionStatus(), "收汇状态",
                "collection status", errors);
        String transport = coded("transportMode", ClaimCodes.TRANSPORT, f.transportMode(), "运输方式",
                "transport mode", errors);
        String declarations = ClaimChecks.declarations("declarations", f.declarations(),
                java.time.LocalDate.now(clock.withZone(zone)).getYear(), errors);
        String origin = Text.blankToNull(f.originCertificate());
        if (origin != null && !origin.matches("[A-Za-z0-9][A-Za-z0-9/-]{0,39}")) { // as customs numbers them
            errors.add(new FieldError("originCertificate", "原产地证书号为 1–40 位字母、数字、- 或 /",
                    "a certificate of origin number has 1-40 letters, digits, - or /"));
        }
        if (errors.size() > before) {
            return null;
        }
        return new ShipmentValues(invoice, hs, shipped, method, term, invoiceCents, claimedCents, collection, transport,
                declarations, origin);
    }

    private String coded(String field, String list, String value, String zh, String en, List<FieldError> errors) {
        String v = ClaimChecks.strip(value);
        if (codes.find(list, v).isEmpty()) {
            errors.add(new FieldError(field, "请选择" + zh, "choose the " + en + " (one of "
                    + String.join(", ", codes.list(list).stream().map(ClaimCodes.Code::code).toList()) + ")"));
            return null;
        }
        return v;
    }

    private static <T> T unique(Supplier<T> work) {
        try {
            return work.get();
        } catch (ConstraintViolationException e) {
            if (e.names("ux_claim_shipments_invoice") || e.names("claim_shipments.claim_id")) {
                throw new ConflictException("the claim already has a shipment with this invoice number",
                        "该索赔申请已有相同发票号的出运信息");
            }
            throw e;
        }
    }

    /** Every change to the shipments makes an earlier shipment data report stale. */
    private static void shipmentsChanged(Tx tx, long claimId) {
        tx.update("UPDATE claims SET shipments_version = shipments_version + 1 WHERE id = ?", claimId);
    }

    static List<Shipment> list(Tx tx, long claimId) {
        return tx.list("SELECT * FROM claim_shipments WHERE claim_id = ? ORDER BY id", ClaimRows::shipment, claimId);
    }

    static Shipment shipment(Tx tx, long claimId, long id) {
        return tx.one("SELECT * FROM claim_shipments WHERE claim_id = ? AND id = ?", ClaimRows::shipment, claimId, id)
                .orElseThrow(() -> new NotFoundException("shipment " + id + " not found", "出运信息 " + id + " 不存在"));
    }
}
