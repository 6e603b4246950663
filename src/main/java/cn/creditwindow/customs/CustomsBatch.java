package cn.creditwindow.customs;

import java.util.List;

/**
 * Customs data to import, as pushed over the API ({@code POST /api/customs/push}) or read from CSV
 * ({@link CustomsCsv}): every value as text, checked by {@link Customs#importBatch}. Lists may be null (none).
 */
public record CustomsBatch(List<NewDeclaration> declarations, List<NewBillOfLading> billsOfLading,
                           List<NewCertificate> certificates) {
    public CustomsBatch {
        declarations = declarations == null ? List.of() : List.copyOf(declarations);
        billsOfLading = billsOfLading == null ? List.of() : List.copyOf(billsOfLading);
        certificates = certificates == null ? List.of() : List.copyOf(certificates);
    }

    /**
     * An export declaration: {@code consignorUscc} names the enterprise (境内收发货人), {@code tradeCountry} an ISO
     * code or a name, {@code exportDate} yyyy-MM-dd, {@code exitOffice} 4 digits, {@code transportMode} a customs
     * code (2 waterway, 5 air…) or name.
     */
    public record NewDeclaration(String number, String consignorUscc, String billOfLadingNo, String tradeCountry,
                                 String exportDate, String exitOffice, String transportMode, List<NewGoods> goods) {
    }

    /** A goods line: HS code of 8 or 10 digits, amounts as decimals with at most 2 places, currency ISO 4217. */
    public record NewGoods(String hsCode, String name, String quantity, String unit, String unitPrice, String total,
                           String currency) {
    }

    public record NewBillOfLading(String number, String consignorUscc, String vessel, String voyage, String shipper,
                                  String consignee, String date) {
    }

    /** A certificate of origin: {@code exporterUscc} names the enterprise, {@code destinationCountry} ISO or name. */
    public record NewCertificate(String number, String exporterUscc, String goods, String destinationCountry,
                                 String date) {
    }
}
