package cn.creditwindow.claims;

import cn.creditwindow.validation.ConflictException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static cn.creditwindow.claims.ClaimsFixture.fields;
import static cn.creditwindow.claims.ClaimsFixture.form;
import static cn.creditwindow.claims.ClaimsFixture.shipment;

import cn.creditwindow.validation.Input;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.validation.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A claim's shipments on a real SQLite file: every field rule, the template import (CSV and XLSX) and the shipment
 * data report each change makes stale. */
class ClaimShipmentsTest extends OnClaimsFixture {
    @Test
    void shipmentFieldsAreCheckedOneByOne() {
        Claim c = w.claims.create(w.szLegal, w.policy, Input.of(form(w.hk.id())));
        Claims.ShipmentForm bad = new Claims.ShipmentForm("", "8517", "2024-07-01", "CASH", "-1", "100.001", "200",
                "LOST", "TELEPORT", "53012024100000012", "");
        assertThatThrownBy(() -> w.shipments.add(w.szLegal, c.id(), Input.of(bad))).satisfies(t -> assertThat(fields(t))
                .containsExactlyInAnyOrder("invoiceNo", "hsCode", "shippedOn", "paymentMethod", "termDays",
                        "invoiceAmount", "collectionStatus", "transportMode", "declarations"));
        assertThatThrownBy(() -> w.shipments.add(w.szLegal, c.id(), Input.of(shipment("A1", "OA", "100.00", "100.01"))))
                .satisfies(t -> assertThat(fields(t)).containsExactly("claimedAmount"));
        // the import/export flag is 0 or 1
        assertThatThrownBy(() -> w.shipments.add(w.szLegal, c.id(), Input.of(new Claims.ShipmentForm("A1", "851712", "2024-01-15",
                "OA", "0", "1", "1", "NONE", "AIR", "530120245000000123", null))))
                .satisfies(t -> assertThat(fields(t)).containsExactly("declarations"));
        Shipment s = w.shipments.add(w.szLegal, c.id(), Input.of(new Claims.ShipmentForm("A1", "851712", "2024-01-15", "OA",
                "0", "1,000.50", "1000.5", "NONE", "AIR", "530120240000000123; 530120240000000124", null)));
        assertThat(s.declarations()).containsExactly("530120240000000123", "530120240000000124");
        assertThat(s.claimedCents()).isEqualTo(100_050L);
        assertThatThrownBy(() -> w.shipments.add(w.szLegal, c.id(), Input.of(shipment("A1", "OA", "1", "1"))))
                .isInstanceOf(ConflictException.class);
        Shipment saved = w.shipments.update(w.szLegal, c.id(), s.id(), Input.of(shipment("A2", "OA", "5", "4")));
        assertThat(saved.invoiceNo()).isEqualTo("A2");
        w.shipments.delete(w.szLegal, c.id(), s.id());
        assertThat(w.claims.view(w.szLegal, c.id()).shipments()).isEmpty();
    }

    @Test
    void theShipmentReportIsRequiredAndEveryShipmentChangeMakesItStale() {
        Claim c = w.claims.create(w.szLegal, w.policy, Input.of(form(w.hk.id())));
        assertThatThrownBy(() -> w.claims.generateReport(w.szLegal, c.id()))
                .satisfies(t -> assertThat(fields(t)).containsExactly("shipments"));
        // at most 20 declarations a shipment, as the report takes them
        String many = String.join(" ", java.util.stream.IntStream.rangeClosed(1, 21)
                .mapToObj(i -> String.format("5301202400000%05d", i)).toList());
        assertThatThrownBy(() -> w.shipments.add(w.szLegal, c.id(), Input.of(new Claims.ShipmentForm("R-0", "85171200",
                "2024-01-15", "OA", "90", "10", "10", "NONE", "SEA", many, null))))
                .satisfies(t -> assertThat(((InvalidInputException) t).errors().get(0).zh()).contains("最多 20 个"));
        Shipment s = w.shipments.add(w.szLegal, c.id(), Input.of(shipment("R-1", "OA", "1000", "1000")));
        assertThat(w.claims.view(w.szLegal, c.id()).claim().shipmentsVersion()).isEqualTo(1);
        assertThatThrownBy(() -> w.claims.submit(w.szLegal, c.id(), Input.of(new Claims.Submission(true))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(fields(e)).containsExactly("shipmentReport");
                    assertThat(e.errors().get(0).zh()).contains("请先生成出运数据报告");
                });
        ClaimDocuments.ReportInfo first = w.claims.generateReport(w.szLegal, c.id());
        assertThat(first.shipmentsVersion()).isEqualTo(1);
        assertThat(first.current()).isTrue();
        ClaimDocuments.StoredReport stored = w.claims.report(w.manager, c.id());
        assertThat(new String(stored.pdf(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(stored.info().sizeBytes()).isEqualTo(stored.pdf().length);
        assertThatThrownBy(() -> w.claims.report(w.hnLegal, c.id())).isInstanceOf(NotFoundException.class);

        // every change to the shipments bumps the version, in its own transaction: save, add, import, delete
        w.shipments.update(w.szLegal, c.id(), s.id(), Input.of(shipment("R-1", "OA", "1000", "900")));
        assertThat(w.claims.view(w.szLegal, c.id()).shipmentReport().current()).isFalse();
        assertThatThrownBy(() -> w.claims.submit(w.szLegal, c.id(), Input.of(new Claims.Submission(true))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(fields(e)).containsExactly("shipmentReport");
                    assertThat(e.errors().get(0).zh()).contains("已修改", "重新生成");
                    assertThat(e.errors().get(0).en()).contains("generate it again");
                });
        Shipment extra = w.shipments.add(w.szLegal, c.id(), Input.of(shipment("R-2", "OA", "10", "10")));
        w.shipments.importTemplate(w.szLegal, c.id(), (new String(ShipmentTemplate.csv(), StandardCharsets.UTF_8)
                + "R-3,85171200,2024-01-15,OA,90,10,10,NONE,SEA,530120240000000124,\n").getBytes(StandardCharsets.UTF_8));
        w.shipments.delete(w.szLegal, c.id(), extra.id());
        assertThat(w.claims.view(w.szLegal, c.id()).claim().shipmentsVersion()).isEqualTo(5);
        // a refused change changes nothing
        assertThatThrownBy(() -> w.shipments.update(w.szLegal, c.id(), s.id(), Input.of(shipment("R-1", "OA", "1", "2"))))
                .isInstanceOf(InvalidInputException.class);
        assertThat(w.claims.view(w.szLegal, c.id()).claim().shipmentsVersion()).isEqualTo(5);

        ClaimDocuments.ReportInfo second = w.claims.generateReport(w.szLegal, c.id());
        assertThat(second.shipmentsVersion()).isEqualTo(5);
        assertThat(w.claims.report(w.szLegal, c.id()).info().id()).isEqualTo(second.id());
        assertThat(w.claims.submit(w.szLegal, c.id(), Input.of(new Claims.Submission(true))).state()).isEqualTo(ClaimState.SUBMITTED);
        assertThatThrownBy(() -> w.claims.generateReport(w.szLegal, c.id()))
                .isInstanceOf(ConflictException.class);
        assertThat(w.count("SELECT COUNT(*) FROM claim_shipment_reports")).isEqualTo(2);
    }

    @Test
    void templateImportCsvAndXlsxGoodAndBad() {
        Claim c = w.claims.create(w.szLegal, w.policy, Input.of(form(w.hk.id())));
        String csv = new String(ShipmentTemplate.csv(), StandardCharsets.UTF_8)
                + "INV-1,85171200,2024-01-15,OA,90,\"1,000.00\",800,NONE,SEA,530120240000000123,\n"
                + "INV-2,851712,2024-02-01,DP,30,500,500,PARTIAL,AIR,530120240000000124 530120240000000125,CO-9\n";
        assertThat(w.shipments.importTemplate(w.szLegal, c.id(), csv.getBytes(StandardCharsets.UTF_8)))
                .extracting(Shipment::invoiceNo).containsExactly("INV-1", "INV-2");
        byte[] xlsx = ShipmentTemplate.xlsx(List.of(List.of("INV-3", "85171200", "2024-03-01", "DA", "60", "200", "200",
                "NONE", "RAIL", "530120240000000126", "")));
        assertThat(w.shipments.importTemplate(w.szLegal, c.id(), xlsx)).extracting(Shipment::claimedCents)
                .containsExactly(200_00L);
        String badCsv = new String(ShipmentTemplate.csv(), StandardCharsets.UTF_8)
                + "INV-4,85171200,2024-01-15,OA,90,100,100,NONE,SEA,530120240000000127,\n"
                + "INV-5,12,2025-01-01,OA,90,100,200,NONE,SEA,530120240000000128,\n"
                + "INV-4,85171200,2024-01-15,OA,90,100,100,NONE,SEA,530120240000000129,\n";
        assertThatThrownBy(() -> w.shipments.importTemplate(w.szLegal, c.id(), badCsv.getBytes(StandardCharsets.UTF_8)))
                .satisfies(t -> assertThat(fields(t)).containsExactly("row 3: hsCode", "row 3: shippedOn",
                        "row 3: claimedAmount", "row 4: invoiceNo"));
        byte[] badXlsx = ShipmentTemplate.xlsx(List.of(List.of("INV-6", "85171200", "2024-03-01", "CHEQUE", "60", "200",
                "200", "NONE", "RAIL", "123", "")));
        assertThatThrownBy(() -> w.shipments.importTemplate(w.szLegal, c.id(), badXlsx))
                .satisfies(t -> assertThat(fields(t)).containsExactly("row 2: paymentMethod", "row 2: declarations"));
        assertThatThrownBy(() -> w.shipments.importTemplate(w.szLegal, c.id(), "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)))
                .satisfies(t -> assertThat(fields(t)).containsExactly("file"));
        assertThatThrownBy(() -> w.shipments.importTemplate(w.szLegal, c.id(), ShipmentTemplate.xlsx()))
                .satisfies(t -> assertThat(fields(t)).containsExactly("file"));
        assertThat(w.claims.view(w.szLegal, c.id()).shipments()).hasSize(3);
        assertThat(w.claims.view(w.szLegal, c.id()).claim().claimedCents()).isEqualTo(800_00L + 500_00L + 200_00L);
    }
}
